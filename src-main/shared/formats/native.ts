// Factspan's own JSONL: one document a line, code-point offsets, the text's hash and every span's quote.
import { z } from 'zod'
import { InputError } from '../errors'
import { sha256Hex } from '../hash'
import { compareSpans } from '../model'
import { OffsetMap } from '../offsets'
import { checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { titleFromText } from './text'

export interface NativeSpan {
  start: number
  end: number
  label: string
  text: string
  annotator: string
}

export interface NativeRecord {
  id: string
  title: string
  text: string
  meta: Record<string, unknown>
  spans: NativeSpan[]
}

export interface ParseDefaults {
  /** Who made spans that arrive without an annotator. */
  annotator: string
}

/** One document as one line, keys in a fixed order and spans in text order, so exports diff cleanly. */
export function serializeNative(record: NativeRecord): string {
  const spans = [...record.spans]
    .sort(compareSpans)
    .map(({ start, end, label, text, annotator }) => ({ start, end, label, text, annotator }))
  return writeJsonLine({
    id: record.id,
    title: record.title,
    text: record.text,
    text_sha256: sha256Hex(record.text),
    offset_unit: 'codepoint',
    meta: record.meta,
    spans,
  })
}

const nonEmptyString = z.string().min(1)

/** A document id: numbers, as other tools write them, become strings. */
export const documentIdSchema = z.union([nonEmptyString, z.number()]).transform(String)

const nativeLineSchema = z.object({
  id: documentIdSchema,
  title: z.string().optional(),
  text: nonEmptyString,
  text_sha256: z.string().optional(),
  offset_unit: z.unknown().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  spans: z
    .array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        label: nonEmptyString,
        text: z.string().optional(),
        annotator: nonEmptyString.optional(),
      }),
    )
    .optional(),
})

export function nativeFromLines(lines: JsonLine[], file: string, defaults: ParseDefaults): NativeRecord[] {
  const ids = new DocumentIds(file)
  return lines.map((entry) => {
    const input = checkLine(nativeLineSchema, entry, file)
    const fail = (reason: string) => new InputError(file, entry.line, reason)
    if (input.offset_unit !== undefined && input.offset_unit !== 'codepoint') {
      throw fail(
        `offset_unit is ${JSON.stringify(input.offset_unit)}, but native files count offsets in Unicode code points ("codepoint"); ` +
          'for UTF-16 offsets import the file as doccano JSONL',
      )
    }
    const sha256 = input.text_sha256 === undefined ? undefined : sha256Hex(input.text)
    if (sha256 !== undefined && input.text_sha256?.toLowerCase() !== sha256) {
      throw fail('text_sha256 does not match the text')
    }
    const record = recordFromInput(input, file, entry.line, defaults)
    if (sha256 !== undefined) checkedHashes.set(record, sha256)
    ids.add(record.id, entry.line)
    return record
  })
}

export interface RecordInput {
  id: string
  title?: string
  text: string
  meta?: Record<string, unknown>
  spans?: Array<{ start: number; end: number; label: string; text?: string; annotator?: string }>
}

/** A checked record from a line's fields, offsets in code points: spans inside the text, quotes matching it, no NUL. */
export function recordFromInput(input: RecordInput, file: string, line: number, defaults: ParseDefaults): NativeRecord {
  const map = new OffsetMap(input.text)
  const nul = input.text.indexOf('\u0000')
  if (nul !== -1) throw new InputError(file, line, `text contains a NUL character at offset ${map.toCodePoint(nul)}`)
  const length = map.codePointLength
  const spans = (input.spans ?? []).map((span, i) => {
    const { start, end, label } = span
    if (!(start >= 0 && start < end && end <= length)) {
      throw new InputError(
        file,
        line,
        `spans[${i}] has start ${start} and end ${end}, but offsets must satisfy 0 ≤ start < end ≤ ${length}, the text's length in code points`,
      )
    }
    const text = map.slice(start, end)
    if (span.text !== undefined && span.text !== text) {
      throw new InputError(file, line, `spans[${i}] quotes ${JSON.stringify(span.text)} but the text at ${start}–${end} is ${JSON.stringify(text)}`)
    }
    return { start, end, label, text, annotator: span.annotator ?? defaults.annotator }
  })
  const title = input.title?.trim() ? input.title : titleFromText(input.text, input.id)
  const record = { id: input.id, title, text: input.text, meta: input.meta ?? {}, spans }
  sourceLines.set(record, line)
  return record
}

// Kept beside the records rather than in them, so a record stays exactly what it serializes to.
const sourceLines = new WeakMap<NativeRecord, number>()

/** The line a parsed record came from, for errors found later (e.g. when the project already has its id). */
export function sourceLine(record: NativeRecord): number | undefined {
  return sourceLines.get(record)
}

// The hash a line carried, once checked against its text, so an import does not hash the text again.
const checkedHashes = new WeakMap<NativeRecord, string>()

/** The SHA-256 of a record's text: the one its line carried and was checked against, else computed. */
export function textSha256(record: NativeRecord): string {
  return checkedHashes.get(record) ?? sha256Hex(record.text)
}

/** Remembers the ids of one file, so a second document with the same id is reported on its own line. */
export class DocumentIds {
  private readonly firstLine = new Map<string, number>()

  constructor(private readonly file: string) {}

  add(id: string, line: number): void {
    const first = this.firstLine.get(id)
    if (first !== undefined) throw new InputError(this.file, line, `duplicate id ${JSON.stringify(id)} (first used on line ${first})`)
    this.firstLine.set(id, line)
  }
}
