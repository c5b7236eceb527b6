// One phase of the dataset-io benchmark, run in its own process so its peak RSS is its own:
//   node bin/run-ts.js bench/dataset-io/phase.ts PHASE DIR DOCUMENTS
// Prints one JSON line: { ms, documents, spans, maxRssMb }.
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import '../../src-main/service/nativeHash'
import { exportDataset } from '../../src-main/service/datasetExport'
import { importJob } from '../../src-main/service/importJob'
import { runJob } from '../../src-main/service/jobs'
import { serializeNative } from '../../src-main/shared/formats/native'
import { sha256Hex } from '../../src-main/shared/hash'
import { DEFAULT_LABELS } from '../../src-main/shared/model'
import { codePointLength } from '../../src-main/shared/offsets'
import { addMissingLabels } from '../../src-main/store/labels'
import { openProject } from '../../src-main/store/open'
import { benchRecords } from './records'

const [phase, dir, count] = process.argv.slice(2)
const documents = Number(count)
const input = path.join(dir, 'input.jsonl')
const project = path.join(dir, 'project.factspan')

function report(ms: number, counts: { documents: number; spans: number }): void {
  const maxRssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ ms, ...counts, maxRssMb })}\n`)
}

if (phase === 'generate') {
  // Written in chunks as it is made, the way an export would write it.
  const fd = fs.openSync(input, 'w')
  let spans = 0
  const t = performance.now()
  let pending = ''
  for (const record of benchRecords(documents)) {
    pending += `${serializeNative(record)}\n`
    spans += record.spans.length
    if (pending.length > 1 << 16) {
      fs.writeSync(fd, pending)
      pending = ''
    }
  }
  fs.writeSync(fd, pending)
  fs.closeSync(fd)
  report(performance.now() - t, { documents, spans })
} else if (phase === 'import') {
  // The CLI's path: the file streamed a line at a time, stored in batches inside one transaction.
  const db = openProject(project, { create: true })
  const t = performance.now()
  const result = await runJob(importJob(db, [{ name: 'input.jsonl', path: input }], { annotator: 'bench' }))
  const ms = performance.now() - t
  db.close()
  if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors.slice(0, 3)))
  report(ms, { documents: result.imported[0].documents, spans: result.imported[0].spans })
} else if (phase === 'raw') {
  // The ceiling: the same rows, made beforehand, inserted with one prepared statement per table in one transaction.
  const db = openProject(path.join(dir, 'raw.factspan'), { create: true })
  addMissingLabels(db, DEFAULT_LABELS)
  const rows = [...benchRecords(documents)].map((r, position) => ({
    document: [r.id, r.title, r.text, sha256Hex(r.text), codePointLength(r.text), '{}', position, 'now'] as const,
    spans: r.spans.map((s) => [r.id, s.start, s.end, s.label, s.text, s.annotator, 'now'] as const),
  }))
  const insertDocument = db.prepare('INSERT INTO documents (id, title, text, text_sha256, length, meta, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const insertSpan = db.prepare('INSERT INTO spans (document_id, start, "end", label, quote, annotator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  let spans = 0
  const t = performance.now()
  db.transaction(() => {
    for (const row of rows) {
      insertDocument.run(...row.document)
      for (const span of row.spans) insertSpan.run(...span)
      spans += row.spans.length
    }
  }).immediate()
  const ms = performance.now() - t
  db.close()
  report(ms, { documents, spans })
} else if (phase === 'export-native' || phase === 'export-doccano-split') {
  const db = openProject(project)
  const split = phase === 'export-doccano-split'
  const t = performance.now()
  const result = await exportDataset(
    db,
    split ? { format: 'doccano', split: [{ name: 'train', ratio: 0.8 }, { name: 'dev', ratio: 0.1 }, { name: 'test', ratio: 0.1 }], seed: 1 } : { format: 'native' },
    path.join(dir, split ? 'out.jsonl' : 'native.jsonl'),
    project,
  )
  const ms = performance.now() - t
  db.close()
  report(ms, { documents: result.plan.total.documents, spans: result.plan.total.spans })
} else {
  throw new Error(`unknown phase ${phase}`)
}
