// Relations at project scale: 10,000 documents of a report sentence each (an organization, a metric, a date, the
// metric linked to both), exported as facts (factsOf and the sentence of every fact) against the native export of the
// same project with its relations; and a merge of that project into one with the same texts, relations mapped to
// the spans found again, against the merge of the same project without relations.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createService } from '../../src-main/service'
import { mergeFiles } from '../../src-main/service/merge'
import { sha256Hex } from '../../src-main/shared/hash'
import { DEFAULT_LABELS } from '../../src-main/shared/model'
import { insertDocument } from '../../src-main/store/documents'
import { addMissingLabels } from '../../src-main/store/labels'
import { openProject } from '../../src-main/store/open'
import { insertRelation } from '../../src-main/store/relations'
import { spanWriter } from '../../src-main/store/spans'
import type { BenchRow, Scenario } from '../types'

const DOCUMENTS = 10_000
const RUNS = 3
// 杭州高新區(濱江) 0–9 · 企業復工率91.9% 9–19 · ， 19 · 截至2月25日 20–27 · 。 27, then a second sentence with 𠮷.
const SENTENCE = '杭州高新區(濱江)企業復工率91.9%，截至2月25日。𠮷野家'

function makeProject(file: string, withRelations: boolean): void {
  const db = openProject(file, { create: true })
  db.transaction(() => {
    addMissingLabels(db, DEFAULT_LABELS)
    const insert = spanWriter(db)
    for (let i = 0; i < DOCUMENTS; i++) {
      const id = `doc-${i}`
      const text = `${SENTENCE}第${i}號。`
      insertDocument(db, { id, title: id, text, textSha256: sha256Hex(text), length: [...text].length, meta: {} }, 'now')
      const span = (start: number, end: number, label: string) =>
        insert({ documentId: id, start, end, label, text: [...text].slice(start, end).join(''), annotator: 'alice', createdAt: 'now' })!
      const org = span(0, 9, 'organization')
      const metric = span(9, 19, 'metric')
      const date = span(20, 27, 'date')
      if (!withRelations) continue
      insertRelation(db, { documentId: id, annotator: 'alice', from: metric, to: org, type: 'holder', createdAt: 'now' })
      insertRelation(db, { documentId: id, annotator: 'alice', from: metric, to: date, type: 'time', createdAt: 'now' })
    }
  }).immediate()
  db.close()
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]
}

async function timed(run: () => unknown): Promise<number> {
  const t = performance.now()
  await run()
  return performance.now() - t
}

const scenario: Scenario = {
  name: 'relations',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bench-'))
    try {
      const linked = path.join(dir, 'linked.factspan')
      const plain = path.join(dir, 'plain.factspan')
      makeProject(linked, true)
      makeProject(plain, false)
      const { service, workspace } = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: linked })
      const facts: number[] = []
      const native: number[] = []
      for (let run = 0; run < RUNS; run++) {
        facts.push(
          await timed(async () => {
            const { files } = await service['export.dataset']({ format: 'facts' })
            if (files[0].content.split('\n').length !== DOCUMENTS + 1) throw new Error('facts export went wrong')
          }),
        )
        native.push(await timed(() => service['export.dataset']({ format: 'native' })))
      }
      workspace.close()

      const merged: number[] = []
      const mergedPlain: number[] = []
      for (let run = 0; run < RUNS; run++) {
        for (const [source, into] of [
          [linked, merged],
          [plain, mergedPlain],
        ] as const) {
          const target = path.join(dir, `target-${run}-${into === merged ? 'linked' : 'plain'}.factspan`)
          makeProject(target, false)
          const db = openProject(target)
          db.prepare("UPDATE spans SET annotator = 'bob'").run()
          into.push(
            await timed(() => {
              const report = mergeFiles(db, [{ name: 'alice.factspan', path: source }])
              if (report.merged[0].relations.added !== (source === linked ? 2 * DOCUMENTS : 0)) throw new Error('merge went wrong')
            }),
          )
          db.close()
        }
      }
      const scale = `${DOCUMENTS.toLocaleString('en')} documents × 3 spans × 2 relations`
      const rows: BenchRow[] = [
        { scenario: 'relations', case: `${scale}: export --format facts`, metric: `median of ${RUNS}`, value: median(facts), unit: 'ms', baseline: { name: 'native export of the same project', value: median(native) } },
        { scenario: 'relations', case: `${scale}: merge into the same texts`, metric: `median of ${RUNS}`, value: median(merged), unit: 'ms', baseline: { name: 'merge of the same spans without relations', value: median(mergedPlain) } },
      ]
      return rows
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
