// Factspan's own JSONL: one document a line, code-point offsets, the text's hash and every span's quote.
import { z } from 'zod'
import { InputError } from '../errors'
import { sha256Hex } from '../hash'
import { labelNameProblem } from '../labelSet'
import { compareSpans } from '../model'
import { OffsetMap } from '../offsets'
import { checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { isWellFormed, loneSurrogateAt } from './jsonValues'
import { recordsFromLines, type LineContext } from './lineCodec'
import type { Problems } from './problems'
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
  /** Links between this record's spans, by their index in `spans`. */
  relations?: NativeRelation[]
}

/** A relation of a record: `from` and `to` index the record's `spans` array. */
export interface NativeRelation {
  from: number
  to: number
  type: string
}

export interface ParseDefaults {
  /** Who made spans that arrive without an annotator. */
  annotator: string
}

/** Where records come from and what to do with their problems. */
export interface RecordContext {
  file: string
  defaults: ParseDefaults
  problems: Problems
}

/** The longest text one document may have, in code points: ten times what the editor is measured with, and far less than a 200 MB file. */
export const MAX_DOCUMENT_CHARACTERS = 10_000_000

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

export function nativeFromLines(lines: JsonLine[], context: LineContext): NativeRecord[] {
  const { file } = context
  return recordsFromLines(lines, context, (entry) => {
    const input = checkLine(nativeLineSchema, entry, file, context.fields)
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
    const record = recordFromInput(input, entry.line, context)
    if (sha256 !== undefined) checkedHashes.set(record, sha256)
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

/**
 * A checked record from a line's fields, offsets in code points: a text a document can hold, spans inside it with
 * labels a project can hold, and quotes matching it. A span that fails goes to the context's problems.
 */
export function recordFromInput(input: RecordInput, line: number, context: RecordContext): NativeRecord {
  const { file, defaults, problems } = context
  const textProblem = documentTextProblem(input.text)
  if (textProblem) throw new InputError(file, line, textProblem)
  const map = new OffsetMap(input.text)
  const length = map.codePointLength
  const spans: NativeSpan[] = []
  for (const [i, span] of (input.spans ?? []).entries()) {
    const { start, end, label } = span
    if (!(start >= 0 && start < end && end <= length)) {
      problems.span(line, `spans[${i}] has start ${start} and end ${end}, but offsets must satisfy 0 ≤ start < end ≤ ${length}, the text's length in code points`)
      continue
    }
    const labelProblem = labelNameProblem(label)
    if (labelProblem) {
      problems.span(line, `spans[${i}] has the label ${JSON.stringify(label)}, which ${labelProblem}`)
      continue
    }
    const text = map.slice(start, end)
    if (span.text !== undefined && span.text !== text) {
      problems.quote(line, `spans[${i}] quotes ${JSON.stringify(span.text)} but the text at ${start}–${end} is ${JSON.stringify(text)}`)
    }
    spans.push({ start, end, label, text, annotator: span.annotator ?? defaults.annotator })
  }
  const title = input.title?.trim() ? input.title : titleFromText(input.text, input.id)
  const record = { id: input.id, title, text: input.text, meta: input.meta ?? {}, spans }
  sourceLines.set(record, line)
  return record
}

/** Why a text cannot be a document's, or undefined: a NUL, a lone surrogate, or more than MAX_DOCUMENT_CHARACTERS. */
export function documentTextProblem(text: string): string | undefined {
  const nul = text.indexOf('\u0000')
  if (nul !== -1) return `text contains a NUL character at offset ${codePointOffset(text, nul)}`
  const lone = isWellFormed(text) ? -1 : loneSurrogateAt(text)
  if (lone !== -1) {
    return `text has a lone surrogate \\u${text.charCodeAt(lone).toString(16)} at offset ${codePointOffset(text, lone)}: text must be valid Unicode, and no UTF-8 can hold half a surrogate pair`
  }
  // Cheap bound first: a string has at least half as many code points as UTF-16 units.
  if (text.length > MAX_DOCUMENT_CHARACTERS) {
    const length = new OffsetMap(text).codePointLength
    if (length > MAX_DOCUMENT_CHARACTERS) {
      return `text has ${length.toLocaleString('en')} characters, but a document holds at most ${MAX_DOCUMENT_CHARACTERS.toLocaleString('en')}: split it into several documents`
    }
  }
  return undefined
}

function codePointOffset(text: string, utf16: number): number {
  return new OffsetMap(text.slice(0, utf16 + 1)).toCodePoint(utf16)
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
