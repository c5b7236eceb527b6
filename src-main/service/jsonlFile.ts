// JSON Lines read from a file a chunk at a time, so a file of 100,000 documents never sits in memory whole. Lines
// are split on the bytes (LF, CRLF or CR, as plain text is read) and decoded one by one, so a bad byte is reported
// with its line. Synchronous, so an import job can read a batch between two steps.
import { isUtf8 } from 'node:buffer'
import fs from 'node:fs'
import type { ImportFormat, TextEncoding } from '../shared/api'
import { InputError } from '../shared/errors'
import { FROM_LINES, jsonlFormatOf, type FileWarning, type JsonlFormat } from '../shared/formats'
import { readJsonLine, type JsonLine } from '../shared/formats/jsonl'
import { DocumentIds, sourceLine, type NativeRecord, type ParseDefaults } from '../shared/formats/native'

export type StreamEncoding = 'utf-8' | 'gb18030' | 'big5'

const CHUNK_BYTES = 1 << 20
const SNIFF_BYTES = 1 << 16
const NAMES: Record<StreamEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', big5: 'Big5' }

/**
 * The encoding a JSONL file can be streamed in: the one named, or UTF-8 when its first 64 KB are UTF-8 (JSON Lines
 * are UTF-8 by their specification). Undefined when only reading the whole file can tell (a UTF-16 BOM, another
 * encoding to detect).
 */
export function streamEncoding(file: string, named: TextEncoding): StreamEncoding | undefined {
  const head = Buffer.alloc(SNIFF_BYTES)
  const fd = fs.openSync(file, 'r')
  let n: number
  try {
    n = fs.readSync(fd, head, 0, SNIFF_BYTES, 0)
  } finally {
    fs.closeSync(fd)
  }
  const bytes = head.subarray(0, n)
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined
  if (named !== 'auto') return named
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return 'utf-8'
  } catch {
    return undefined
  }
}

export interface JsonLineRead {
  entry: JsonLine
  /** Bytes of the file read so far, for progress. */
  bytesRead: number
}

/** Each non-blank line of a JSONL file, parsed, with its number; throws InputError naming the line of a problem. */
export function* readJsonLinesFromFile(file: string, name: string, encoding: StreamEncoding): Generator<JsonLineRead> {
  const decoder = new TextDecoder(encoding, { fatal: true })
  const fd = fs.openSync(file, 'r')
  try {
    let carry: Buffer = Buffer.alloc(0)
    let bytesRead = 0
    let line = 0
    let afterCr = false
    const chunk = Buffer.alloc(CHUNK_BYTES)
    const bad = (at: number) => new InputError(name, at, `not valid ${NAMES[encoding]}: name the file's encoding (--encoding) if it has another`)
    const decode = (bytes: Buffer, at: number): string => {
      let text: string
      // Node's own UTF-8 check and decoding are several times faster than TextDecoder's.
      if (encoding === 'utf-8') {
        if (!isUtf8(bytes)) throw bad(at)
        text = bytes.toString('utf8')
      } else {
        try {
          text = decoder.decode(bytes)
        } catch {
          throw bad(at)
        }
      }
      // A byte order mark opens the first line (GB18030 writes it as 84 31 95 33).
      return at === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
    }
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null)
      bytesRead += n
      const atEnd = n === 0
      const bytes = carry.length === 0 ? chunk.subarray(0, n) : Buffer.concat([carry, chunk.subarray(0, n)])
      let start = 0
      // A CRLF split between two chunks is one line end.
      if (afterCr && bytes[0] === 0x0a) start = 1
      afterCr = false
      let lf = bytes.indexOf(0x0a, start)
      let cr = bytes.indexOf(0x0d, start)
      for (;;) {
        if (lf !== -1 && lf < start) lf = bytes.indexOf(0x0a, start)
        if (cr !== -1 && cr < start) cr = bytes.indexOf(0x0d, start)
        const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf
        if (end === -1) break
        const raw = bytes.subarray(start, end)
        line++
        const entry = readJsonLine(decode(raw, line), name, line)
        if (entry) yield { entry, bytesRead }
        if (end === cr) {
          if (end + 1 < bytes.length) start = bytes[end + 1] === 0x0a ? end + 2 : end + 1
          else {
            afterCr = true
            start = end + 1
          }
        } else start = end + 1
      }
      carry = Buffer.from(bytes.subarray(start))
      if (atEnd) break
    }
    const last = carry.length > 0 ? decode(carry, line + 1) : ''
    // Empty as plain text is: nothing but a byte order mark, not even a line end.
    if (line === 0 && last === '') throw new InputError(name, undefined, 'file is empty')
    if (last !== '') {
      line++
      const entry = readJsonLine(last, name, line)
      if (entry) yield { entry, bytesRead }
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** Records of a file, a batch at a time, for an import to store between two steps. */
export interface RecordBatch {
  records: NativeRecord[]
  /** How much of the file is read, from 0 to 1. */
  fraction: number
  /** Each record's line and text hash, when the records crossed from another thread and lost what the parser kept beside them. */
  lines?: number[]
  hashes?: string[]
}

// Records per batch: small enough that a cancel is prompt, large enough that stepping costs nothing.
export const BATCH = 256

/** A JSONL file read a line at a time, in the format named (or told from its first line), a batch of records at a time. */
export function* jsonlRecordBatches(
  path: string,
  name: string,
  encoding: StreamEncoding,
  format: ImportFormat | undefined,
  defaults: ParseDefaults,
  warnings: FileWarning[],
): Generator<RecordBatch> {
  const size = Math.max(1, fs.statSync(path).size)
  const named = format === undefined || format === 'jsonl' ? undefined : (format as JsonlFormat)
  let fromLines = named && FROM_LINES[named]
  // Each batch checks its own ids; this catches an id used again in a later batch.
  const ids = new DocumentIds(name)
  let lines: JsonLine[] = []
  const records = () => {
    const batch = fromLines!(lines, name, defaults, warnings)
    for (const record of batch) ids.add(record.id, sourceLine(record)!)
    lines = []
    return batch
  }
  for (const { entry, bytesRead } of readJsonLinesFromFile(path, name, encoding)) {
    fromLines ??= FROM_LINES[jsonlFormatOf(entry.value)]
    lines.push(entry)
    if (lines.length >= BATCH) yield { records: records(), fraction: bytesRead / size }
  }
  yield { records: lines.length > 0 ? records() : [], fraction: 1 }
}
