// Saving one span through the service (validation, quote, its own transaction with synchronous=FULL)
// against the raw better-sqlite3 insert of the same row on the same kind of file: the ceiling.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { openProject } from '../../src-main/store/open'
import { percentile, type BenchRow, type Scenario } from '../types'

const SAMPLES = 500

const scenario: Scenario = {
  name: 'span-save',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bench-'))
    try {
      const corpus = path.join(import.meta.dirname, '..', '..', 'resources', 'corpus')
      const name = fs.readdirSync(corpus).sort()[1]
      const { service, workspace } = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: path.join(dir, 'p.factspan'), createProject: true })
      importFiles(workspace.database(), [{ name, bytes: fs.readFileSync(path.join(corpus, name)) }], { annotator: 'bench' })
      const documentId = name.replace('.txt', '')
      const service_ms: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        const t = performance.now()
        service['spans.add']({ documentId, start: i, end: i + 3, label: 'metric' })
        service_ms.push(performance.now() - t)
      }
      workspace.close()

      const raw = openProject(path.join(dir, 'raw.factspan'), { create: true })
      raw.prepare("INSERT INTO labels (name, color, position) VALUES ('metric', '#000', 0)").run()
      raw.prepare("INSERT INTO documents (id, title, text, text_sha256, length, position, created_at) VALUES ('d', 't', 'x', 'h', 1, 0, 'now')").run()
      const insert = raw.prepare('INSERT INTO spans (document_id, start, "end", label, quote, annotator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      const raw_ms: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        const t = performance.now()
        insert.run('d', i, i + 3, 'metric', 'abc', 'bench', 'now')
        raw_ms.push(performance.now() - t)
      }
      raw.close()

      const rows: BenchRow[] = []
      for (const p of [50, 95]) {
        rows.push({
          scenario: 'span-save',
          case: `${SAMPLES} spans, one transaction each`,
          metric: `p${p}`,
          value: percentile(service_ms, p),
          unit: 'ms',
          baseline: { name: 'raw insert', value: percentile(raw_ms, p) },
        })
      }
      return rows
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
