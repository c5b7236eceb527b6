import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportDataset } from '../../src-main/service/datasetExport'
import { importFiles } from '../../src-main/service/import'
import { importJob } from '../../src-main/service/importJob'
import { runJob } from '../../src-main/service/jobs'
import { parsedOnWorker, WORKER_MIN_BYTES } from '../../src-main/service/jsonlWorker'
import type { ReadableDB, WritableDB } from '../../src-main/store/db'
import { at, datasetLines, readRecords } from './dataset-helpers'
import { newProject } from './helpers'

const spanRows = (db: ReadableDB) => db.prepare('SELECT document_id, start, "end", label, quote, annotator FROM spans ORDER BY document_id, start, "end", label').raw().all()

/** Imports files from disk the way `factspan import` does: streamed, one transaction per file. */
function importFromDisk(db: WritableDB, ...paths: string[]) {
  return runJob(importJob(db, paths.map((path) => ({ name: path.split('/').at(-1)!, path })), { annotator: 'alice' }))
}

describe('streaming imports and exports', () => {
  it('imports 20,000 documents line by line and exports them with the same spans, which import again the same', async () => {
    const lines = datasetLines(20_000)
    const first = newProject()
    const input = at(first.dir, 'big.jsonl')
    fs.writeFileSync(input, lines.join('\n') + '\n')
    const report = await importFromDisk(first.workspace.database(), input)
    expect(report.errors).toEqual([])
    expect(report.imported).toEqual([{ file: 'big.jsonl', documents: 20_000, spans: expect.any(Number), relations: 0, skipped: 0, encoding: 'utf-8' }])

    const out = at(first.dir, 'out.jsonl')
    await exportDataset(first.workspace.database(), { format: 'native' }, out, first.file)
    const exported = readRecords(out)
    expect(exported).toHaveLength(20_000)
    exported.forEach((record, i) => {
      const given = JSON.parse(lines[i])
      expect(record.id).toBe(given.id)
      expect(record.spans.map(({ start, end, label }) => ({ start, end, label, annotator: 'alice' }))).toEqual(given.spans)
      // Quotes follow code points: 𠮷 and 😀 count one each.
      for (const span of record.spans) expect(span.text).toBe([...record.text].slice(span.start, span.end).join(''))
    })

    const second = newProject()
    await importFromDisk(second.workspace.database(), out)
    expect(spanRows(second.workspace.database())).toEqual(spanRows(first.workspace.database()))
  })

  it('reads CRLF and CR line ends, a byte order mark and lines split across chunks as the whole-file reader does', async () => {
    const lines = datasetLines(6000)
    const { workspace, dir } = newProject()
    // Lines of about 400 bytes: thousands of them cross the reader's 1 MB chunks, some CRLFs split between two.
    const text = '\uFEFF' + lines.map((line, i) => line + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join('')
    fs.writeFileSync(at(dir, 'mixed.jsonl'), text)
    const streamed = await importFromDisk(workspace.database(), at(dir, 'mixed.jsonl'))
    expect(streamed.errors).toEqual([])
    const whole = newProject()
    importFiles(whole.workspace.database(), [{ name: 'mixed.jsonl', bytes: fs.readFileSync(at(dir, 'mixed.jsonl')) }], { annotator: 'alice' })
    expect(spanRows(workspace.database())).toEqual(spanRows(whole.workspace.database()))
    expect(streamed.imported[0].documents).toBe(6000)

    // A CRLF whose CR ends the reader's first 1 MB chunk and whose LF starts the next is one line end.
    const head = JSON.stringify({ id: 'pad', text: '𠮷', meta: { pad: '' } })
    const padded = JSON.stringify({ id: 'pad', text: '𠮷', meta: { pad: 'x'.repeat((1 << 20) - 1 - Buffer.byteLength(head)) } })
    const straddling = `${padded}\r\n${lines[1]}\n{"id": "broken"\n`
    expect(Buffer.byteLength(padded) + 1).toBe(1 << 20)
    fs.writeFileSync(at(dir, 'straddling.jsonl'), straddling)
    const broken = await importFromDisk(newProject().workspace.database(), at(dir, 'straddling.jsonl'))
    expect(broken.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['straddling.jsonl:3'])
  })

  it('names the line of a problem deep in a streamed file and imports nothing of that file', async () => {
    const lines = datasetLines(16_000)
    const { workspace, dir } = newProject()
    const db = workspace.database()
    const write = (name: string, edit: (lines: string[]) => void) => {
      const copy = [...lines]
      edit(copy)
      fs.writeFileSync(at(dir, name), copy.join('\n'))
      return at(dir, name)
    }
    const malformed = write('malformed.jsonl', (l) => (l[14_999] = l[14_999].slice(0, -5)))
    const duplicate = write('duplicate.jsonl', (l) => (l[12_000] = l[12_000].replace('"d12000"', '"d00002"')))
    const badBytes = fileWithBadByte(dir)
    fs.writeFileSync(at(dir, 'empty.jsonl'), '')
    const report = await importFromDisk(db, malformed, duplicate, badBytes.file, at(dir, 'empty.jsonl'))
    expect(report.errors.map((e) => e.message.replace(/malformed JSON: .*/, 'malformed JSON: …'))).toEqual([
      'malformed.jsonl:15000: malformed JSON: …',
      'duplicate.jsonl:12001: duplicate id "d00002" (first used on line 3)',
      // JSON is UTF-8: the Latin-1 byte is refused where it is, never read in a guessed encoding.
      `latin1.jsonl:1001: not valid UTF-8 at byte ${badBytes.badByte}, column 25: JSON files are UTF-8, so no other encoding is guessed; name the encoding (--encoding) if the file has another`,
      'empty.jsonl:1: file is empty',
    ])
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0)
  })
})

describe('parsing on a second thread', () => {
  it('hands over the records of a large file a batch at a time, each with its line and the hash its line carried', () => {
    const { dir } = newProject()
    // About 5 MB: over the size where a second thread pays for its start.
    const lines = datasetLines(12_000).map((line) => {
      const record = JSON.parse(line)
      return JSON.stringify({ ...record, text_sha256: createHash('sha256').update(record.text).digest('hex') })
    })
    fs.writeFileSync(at(dir, 'hashed.jsonl'), '\n' + lines.join('\n'))
    expect(fs.statSync(at(dir, 'hashed.jsonl')).size).toBeGreaterThan(WORKER_MIN_BYTES)
    const batches = [...parsedOnWorker(at(dir, 'hashed.jsonl'), 'hashed.jsonl', { encoding: 'utf-8', encodingNamed: false, format: undefined, defaults: { annotator: 'alice' }, options: {} }, [])]
    const records = batches.flatMap((b) => b.records)
    expect(records.map((r) => r.id)).toEqual(lines.map((l) => JSON.parse(l).id))
    // Only records cloned from the other thread come with their lines and hashes beside them.
    expect(batches.flatMap((b) => b.lines)).toEqual(lines.map((_, i) => i + 2))
    expect(batches.flatMap((b) => b.hashes)).toEqual(lines.map((l) => JSON.parse(l).text_sha256))
    expect(batches.at(-1)!.fraction).toBe(1)
  })

  it('names the line of a document the project has with another text', async () => {
    const { workspace, dir } = newProject()
    const lines = datasetLines(12_000)
    fs.writeFileSync(at(dir, 'first.jsonl'), lines.slice(11_000).join('\n'))
    fs.writeFileSync(at(dir, 'second.jsonl'), lines.map((l, i) => (i === 11_520 ? l.replace('"text":"', '"text":"改') : l)).join('\n'))
    const report = await importFromDisk(workspace.database(), at(dir, 'first.jsonl'), at(dir, 'second.jsonl'))
    expect(report.errors.map((e) => e.message)).toEqual(['second.jsonl:11521: document "d11520" is already in the project with a different text'])
    expect(workspace.database().prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1000)
  })
})

/** A file whose first 1,000 lines are UTF-8, well past what the reader samples, and whose next holds a byte that is not. */
/** A JSONL file whose line 1001 holds a Latin-1 é, and the offset of that byte. */
function fileWithBadByte(dir: string): { file: string; badByte: number } {
  const good = datasetLines(1000).join('\n') + '\n'
  const file = at(dir, 'latin1.jsonl')
  const before = '{"id": "x", "text": "caf'
  fs.writeFileSync(file, Buffer.concat([Buffer.from(good), Buffer.from(before), Buffer.from([0xe9]), Buffer.from('"}\n')]))
  return { file, badByte: Buffer.byteLength(good) + before.length }
}
