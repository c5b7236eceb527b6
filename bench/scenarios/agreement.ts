// Agreement over a whole project, every measure (span F1 exact and overlap, Cohen's and Fleiss' kappa on
// characters, α_U; per pair, for the group, overall and per label), against the plain SQL scan of the same
// spans: the floor any computation over them stands on. Target: under 1 s.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { projectAgreement } from '../../src-main/service/agreement'
import { readContinuumSpans } from '../../src-main/store/continuumSpans'
import type { WritableDB } from '../../src-main/store/db'
import { sha256Hex } from '../../src-main/shared/hash'
import { DEFAULT_LABELS } from '../../src-main/shared/model'
import { addMissingLabels } from '../../src-main/store/labels'
import { openProject } from '../../src-main/store/open'
import type { BenchRow, Scenario } from '../types'

const ANNOTATORS = ['ann', 'bo', 'chen']
const DOCUMENTS = 10_000
const LENGTH = 300
const SPANS = 10
const RUNS = 5
const CHARACTERS = '经济企业复工率防疫惠企条高新区滨江截至月日增长同比百分点产值投资消费出口政策措施发布会'

const scenario: Scenario = {
  name: 'agreement',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bench-'))
    try {
      const db = openProject(path.join(dir, 'agreement.factspan'), { create: true })
      generateProject(db)
      const scan = db.prepare('SELECT document_id, start, "end", label, annotator FROM spans').raw()
      const labels = DEFAULT_LABELS.map((l) => l.name)
      const floor: number[] = []
      const reading: number[] = []
      const agreement: number[] = []
      for (let run = 0; run < RUNS; run++) {
        let t = performance.now()
        scan.all()
        floor.push(performance.now() - t)
        t = performance.now()
        readContinuumSpans(db, ANNOTATORS, labels)
        reading.push(performance.now() - t)
        t = performance.now()
        projectAgreement(db, {})
        agreement.push(performance.now() - t)
      }
      db.close()
      const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]
      const rows: BenchRow[] = [
        {
          scenario: 'agreement',
          case: `${ANNOTATORS.length} annotators × ${DOCUMENTS} documents × ${LENGTH} characters × ${SPANS} spans, all measures (target < 1000 ms)`,
          metric: `median of ${RUNS}`,
          value: median(agreement),
          unit: 'ms',
          baseline: { name: 'SQL scan of the spans', value: median(floor) },
        },
        {
          scenario: 'agreement',
          case: 'the same',
          metric: `slowest of ${RUNS}`,
          value: Math.max(...agreement),
          unit: 'ms',
          baseline: { name: 'SQL scan of the spans', value: Math.max(...floor) },
        },
        {
          scenario: 'agreement',
          case: 'reading the spans as the measures do: one row per document, its spans as text',
          metric: `median of ${RUNS}`,
          value: median(reading),
          unit: 'ms',
          baseline: { name: 'SQL scan of the spans', value: median(floor) },
        },
      ]
      return rows
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario

/**
 * Fills a project in one transaction: every document gets ten slots, and each annotator tags each slot, mostly
 * as the others do, sometimes with moved boundaries, another label or another stretch, as real annotators differ.
 */
function generateProject(db: WritableDB, seed = 1): void {
  let state = seed
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const pick = (n: number) => Math.floor(random() * n)
  const labels = DEFAULT_LABELS.map((l) => l.name)
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, title, text, text_sha256, length, meta, position, created_at) VALUES (?, ?, ?, ?, ?, '{}', ?, ?)`,
  )
  const insertSpan = db.prepare(`INSERT INTO spans (document_id, start, "end", label, quote, annotator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const now = new Date().toISOString()
  db.transaction(() => {
    addMissingLabels(db, DEFAULT_LABELS)
    for (let d = 0; d < DOCUMENTS; d++) {
      let text = ''
      for (let c = 0; c < LENGTH; c++) text += CHARACTERS[pick(CHARACTERS.length)]
      const id = `doc-${d}`
      insertDocument.run(id, id, text, sha256Hex(text), LENGTH, d, now)
      const slot = LENGTH / SPANS
      for (let s = 0; s < SPANS; s++) {
        const start = s * slot + pick(10)
        const end = start + 3 + pick(12)
        const label = labels[pick(labels.length)]
        for (const annotator of ANNOTATORS) {
          const roll = random()
          let [from, to, tag] = [start, end, label]
          if (roll > 0.7 && roll <= 0.85) [from, to] = [Math.max(0, start + pick(3) - 1), end + pick(3) - 1]
          else if (roll > 0.85 && roll <= 0.95) tag = labels[pick(labels.length)]
          else if (roll > 0.95) [from, to] = [s * slot + pick(15), s * slot + 16 + pick(10)]
          insertSpan.run(id, from, to, tag, text.slice(from, to), annotator, now)
        }
      }
    }
  })()
}
