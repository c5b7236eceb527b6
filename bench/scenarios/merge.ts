// Merging another annotator's project file of 10,000 documents × 300 characters × 10 spans into a project
// that holds the same documents with a first annotator's spans: the service (read-only open, hash and quote
// checks, matching by text hash, one transaction) against the raw ATTACH + INSERT … SELECT of the same rows.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Database } from 'better-sqlite3'
import { mergeFiles } from '../../src-main/service/merge'
import { sha256Hex } from '../../src-main/shared/hash'
import { DEFAULT_LABELS } from '../../src-main/shared/model'
import { insertDocument } from '../../src-main/store/documents'
import { addMissingLabels } from '../../src-main/store/labels'
import { openProject } from '../../src-main/store/open'
import { spanWriter } from '../../src-main/store/spans'
import type { BenchRow, Scenario } from '../types'

const DOCUMENTS = 10_000
const LENGTH = 300
const SPANS = 10
const RUNS = 3
const TARGET_MS = 2000

// A fixed seed, so every run merges the same texts and spans.
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

const CHARACTERS = [...'杭州高新区滨江复工复产企业率月日防疫惠企条政策经济增长投资消费出口工业服务业同比环比百分点亿元万人𠮷0123456789.%']

function texts(): string[] {
  const next = random(7)
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    const body = Array.from({ length: LENGTH - 8 }, () => CHARACTERS[Math.floor(next() * CHARACTERS.length)]).join('')
    return `第${String(i).padStart(5, '0')}号：${body}`
  })
}

/** A project with every text and `SPANS` spans per document by one annotator, written in one transaction. */
function makeProject(file: string, documents: string[], annotator: string, seed: number): void {
  const db = openProject(file, { create: true })
  const next = random(seed)
  db.transaction(() => {
    addMissingLabels(db, DEFAULT_LABELS)
    const insert = spanWriter(db)
    documents.forEach((text, i) => {
      const id = `doc-${i}`
      insertDocument(db, { id, title: id, text, textSha256: sha256Hex(text), length: LENGTH, meta: {} }, 'now')
      const characters = [...text]
      for (let k = 0; k < SPANS; k++) {
        const start = k * 30 + Math.floor(next() * 10)
        const end = start + 2 + Math.floor(next() * 15)
        const label = DEFAULT_LABELS[Math.floor(next() * DEFAULT_LABELS.length)].name
        insert({ documentId: id, start, end, label, text: characters.slice(start, end).join(''), annotator, createdAt: 'now' })
      }
    })
  }).immediate()
  db.close()
}

function timed(run: () => void): number {
  const t = performance.now()
  run()
  return performance.now() - t
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]
}

/** The ceiling: the same rows copied by SQLite alone, matched by text hash, no checks. */
function rawMerge(db: Database, source: string): void {
  db.prepare('ATTACH ? AS incoming').run(source)
  db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO spans (document_id, start, "end", label, quote, annotator, created_at)
       SELECT d.id, s.start, s."end", s.label, s.quote, s.annotator, s.created_at
       FROM incoming.spans s JOIN incoming.documents i ON i.id = s.document_id JOIN documents d ON d.text_sha256 = i.text_sha256`,
    ).run()
  }).immediate()
  db.prepare('DETACH incoming').run()
}

const scenario: Scenario = {
  name: 'merge',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bench-'))
    try {
      const documents = texts()
      const source = path.join(dir, 'bob.factspan')
      const target = path.join(dir, 'alice.factspan')
      makeProject(source, documents, 'bob', 11)
      makeProject(target, documents, 'alice', 13)

      const service_ms: number[] = []
      const again_ms: number[] = []
      const raw_ms: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const copy = path.join(dir, `merge-${run}.factspan`)
        fs.copyFileSync(target, copy)
        const db = openProject(copy)
        service_ms.push(
          timed(() => {
            const report = mergeFiles(db, [{ name: 'bob.factspan', path: source }])
            if (report.problems.length > 0 || report.merged[0].spans.added !== DOCUMENTS * SPANS) throw new Error(`merge went wrong: ${JSON.stringify(report)}`)
          }),
        )
        again_ms.push(timed(() => mergeFiles(db, [{ name: 'bob.factspan', path: source }])))
        db.close()

        const rawCopy = path.join(dir, `raw-${run}.factspan`)
        fs.copyFileSync(target, rawCopy)
        const raw = openProject(rawCopy)
        raw_ms.push(timed(() => rawMerge(raw, source)))
        if (raw.prepare("SELECT count(*) FROM spans WHERE annotator = 'bob'").pluck().get() !== DOCUMENTS * SPANS) throw new Error('raw merge went wrong')
        raw.close()
      }

      const scale = `${DOCUMENTS.toLocaleString('en')} documents × ${LENGTH} characters × ${SPANS} spans`
      const rows: BenchRow[] = [
        {
          scenario: 'merge',
          case: `${scale} into the same documents (target < ${TARGET_MS} ms)`,
          metric: `median of ${RUNS}`,
          value: median(service_ms),
          unit: 'ms',
          baseline: { name: 'raw ATTACH + INSERT … SELECT', value: median(raw_ms) },
        },
        {
          scenario: 'merge',
          case: `${scale}, merged a second time (adds nothing)`,
          metric: `median of ${RUNS}`,
          value: median(again_ms),
          unit: 'ms',
          baseline: { name: 'raw ATTACH + INSERT … SELECT', value: median(raw_ms) },
        },
      ]
      return rows
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
