// JSON Lines read a chunk at a time, from a file (the CLI) or from bytes in memory (the app), so a file of 100,000
// documents never sits in memory decoded whole. Lines are split on the bytes (LF, CRLF or CR, as plain text is read)
// and decoded one by one, so a bad byte is reported with its line and its offset in the file. JSON is UTF-8: no other
// encoding is guessed. Synchronous, so an import job can read a batch between two steps.
import { isUtf8 } from 'node:buffer'
import fs from 'node:fs'
import type { ImportFormat, TextEncoding } from '../shared/api'
import { InputError } from '../shared/errors'
import { FROM_LINES, jsonlFormatOf, type FileWarning, type JsonlFormat, type ParseOptions } from '../shared/formats'
import { readJsonLine, readJsonLines, type JsonLine } from '../shared/formats/jsonl'
import { lineContext, type LineContext } from '../shared/formats/lineCodec'
import type { NativeRecord, ParseDefaults } from '../shared/formats/native'
import { byteOrderMark, decodeJson, firstBadByte, JSON_IS_UTF8, lineAndColumn, refuseNotText, strictDecode } from '../shared/formats/text'

export type StreamEncoding = 'utf-8' | 'gb18030' | 'big5'

/** A file to read: its path on disk, or its bytes. */
export type ByteSource = { path: string } | { bytes: Uint8Array }

const CHUNK_BYTES = 1 << 20
const HEAD_BYTES = 1 << 16
/** A longer line is no document: it would take more memory to hold than any text a document may have. */
export const MAX_LINE_BYTES = 128 * 1024 * 1024
const NAMES: Record<StreamEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', big5: 'Big5' }

/** The first bytes of a source: enough to tell its encoding and whether it is text at all. */
export function headOf(source: ByteSource, bytes = HEAD_BYTES): Uint8Array {
  if ('bytes' in source) return source.bytes.subarray(0, bytes)
  const head = Buffer.alloc(bytes)
  const fd = fs.openSync(source.path, 'r')
  try {
    return head.subarray(0, fs.readSync(fd, head, 0, bytes, 0))
  } finally {
    fs.closeSync(fd)
  }
}

export function sizeOf(source: ByteSource): number {
  return 'bytes' in source ? source.bytes.length : fs.statSync(source.path).size
}

export function bytesOf(source: ByteSource): Uint8Array {
  return 'bytes' in source ? source.bytes : fs.readFileSync(source.path)
}

/**
 * How a JSONL file is read a line at a time: in the encoding its byte order mark or the user names, else UTF-8, as JSON
 * Lines are by their specification. 'utf-16' (a UTF-16 byte order mark) can only be split once decoded whole. Throws
 * for a file that is compressed, binary, or UTF-16 without a byte order mark.
 */
export function lineEncoding(head: Uint8Array, name: string, named: TextEncoding): StreamEncoding | 'utf-16' {
  const bom = byteOrderMark(head)
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') return 'utf-16'
  if (bom === undefined) refuseNotText(head, name)
  return bom?.encoding === 'utf-8' || named === 'auto' ? 'utf-8' : named
}

export interface JsonLineRead {
  entry: JsonLine
  /** Bytes of the file read so far, for progress. */
  bytesRead: number
}

function* chunksOf(source: ByteSource): Generator<Buffer> {
  if ('bytes' in source) {
    const all = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.length)
    for (let at = 0; at < all.length; at += CHUNK_BYTES) yield all.subarray(at, at + CHUNK_BYTES)
    return
  }
  const fd = fs.openSync(source.path, 'r')
  try {
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES)
      const n = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null)
      if (n === 0) return
      yield chunk.subarray(0, n)
    }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Each non-blank line of a JSONL source, parsed, with its number. A problem throws InputError naming the line (and for
 * a bad byte its offset in the file), or with a lenient context leaves the line out and lists it.
 */
export function* readJsonLinesFrom(source: ByteSource, name: string, encoding: StreamEncoding, context: Pick<LineContext, 'problems' | 'fields'>, named = false): Generator<JsonLineRead> {
  const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding, { fatal: true })
  let line = 0
  let bytesRead = 0
  /** File offset of the current line's first byte. */
  let lineStart = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  let afterCr = false
  let empty = true

  const decode = (bytes: Buffer, at: number): string => {
    // Node's own UTF-8 check and decoding are several times faster than TextDecoder's.
    const text = decoder === undefined ? (isUtf8(bytes) ? bytes.toString('utf8') : null) : strictDecode(bytes, encoding)
    if (text === null) {
      const bad = firstBadByte(bytes, encoding)
      const { column } = lineAndColumn(strictDecode(bytes.subarray(0, bad), encoding) ?? '')
      throw new InputError(name, line, `not valid ${NAMES[encoding]} at byte ${at + bad}, column ${column}${named ? '' : JSON_IS_UTF8}`)
    }
    // A byte order mark opens the first line (GB18030 writes it as 84 31 95 33).
    return line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  }
  const lineOf = (raw: Buffer, at: number): JsonLineRead | undefined => {
    line++
    if (raw.length > 0) empty = false
    const entry = context.problems.each(() => readJsonLine(decode(raw, at), name, line, context.fields))
    return entry ? { entry, bytesRead } : undefined
  }

  for (const chunk of chunksOf(source)) {
    const chunkStart = bytesRead
    bytesRead += chunk.length
    let start = 0
    // A UTF-8 byte order mark before the first line is no part of it.
    if (chunkStart === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = lineStart = 3
    // A CRLF split between two chunks is one line end.
    if (afterCr && chunk[0] === 0x0a) {
      start = 1
      lineStart = chunkStart + 1
    }
    afterCr = false
    let lf = chunk.indexOf(0x0a, start)
    let cr = chunk.indexOf(0x0d, start)
    for (;;) {
      if (lf !== -1 && lf < start) lf = chunk.indexOf(0x0a, start)
      if (cr !== -1 && cr < start) cr = chunk.indexOf(0x0d, start)
      const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf
      if (end === -1) break
      const raw = pending.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...pending, chunk.subarray(start, end)])
      pending = []
      pendingBytes = 0
      const read = lineOf(raw, lineStart)
      if (read) yield read
      if (end === cr && end + 1 === chunk.length) afterCr = true
      start = end === cr && chunk[end + 1] === 0x0a ? end + 2 : end + 1
      lineStart = chunkStart + start
    }
    if (start < chunk.length) {
      // Only the unfinished line is copied, so a long line costs its own length once, not once per chunk.
      pending.push(Buffer.from(chunk.subarray(start)))
      pendingBytes += chunk.length - start
      if (pendingBytes > MAX_LINE_BYTES) {
        throw new InputError(name, line + 1, `is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB without a line break: a JSONL line holds one document`)
      }
    }
  }
  if (pendingBytes > 0) {
    const read = lineOf(Buffer.concat(pending), lineStart)
    if (read) yield read
  }
  // Empty as plain text is: nothing but a byte order mark, not even a line end.
  if (line === 0 || (line === 1 && empty)) throw new InputError(name, 1, 'file is empty')
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

/** How to read a JSONL file: what lineEncoding found, and what the user chose. */
export interface JsonlRead {
  encoding: StreamEncoding | 'utf-16'
  /** True when the user named the encoding, so a bad byte is not blamed on a guess. */
  encodingNamed: boolean
  format: ImportFormat | undefined
  defaults: ParseDefaults
  options: ParseOptions
}

/**
 * A JSONL source read a line at a time, in the format named (or told from its first line), a batch of records at a
 * time; what it leaves out is pushed onto `warnings` as it goes.
 */
export function* jsonlRecordBatches(source: ByteSource, name: string, read: JsonlRead, warnings: FileWarning[]): Generator<RecordBatch> {
  const size = Math.max(1, sizeOf(source))
  const named = read.format === undefined || read.format === 'jsonl' ? undefined : (read.format as JsonlFormat)
  const context = lineContext(name, read.defaults, read.options)
  let fromLines = named && FROM_LINES[named]
  let lines: JsonLine[] = []
  let blank = true
  const records = () => {
    const batch = fromLines!(lines, context)
    warnings.push(...context.problems.warnings.splice(0))
    lines = []
    return batch
  }
  const entries =
    read.encoding === 'utf-16'
      ? readJsonLines(decodeJson(bytesOf(source), name, 'auto').text, name, context.problems, context.fields).map((entry) => ({ entry, bytesRead: size }))
      : readJsonLinesFrom(source, name, read.encoding, context, read.encodingNamed)
  for (const { entry, bytesRead } of entries) {
    blank = false
    fromLines ??= FROM_LINES[jsonlFormatOf(entry.value)]
    lines.push(entry)
    if (lines.length >= BATCH) yield { records: records(), fraction: bytesRead / size }
  }
  warnings.push(...context.problems.warnings.splice(0))
  if (blank && !context.problems.lenient) throw new InputError(name, 1, 'holds no documents: every line is blank')
  const last = lines.length > 0 ? records() : []
  warnings.push(...context.skipped.warnings(name))
  yield { records: last, fraction: 1 }
}
