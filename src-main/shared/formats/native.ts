// Factspan's own JSONL: one document a line, code-point offsets, the text's hash and every span's quote.
import { z } from 'zod'
import { InputError } from '../errors'
import { sha256Hex } from '../hash'
import { labelNameProblem } from '../labelSet'
import { compareSpans } from '../model'
import { OffsetMap } from '../offsets'
import { checkField, checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { isWellFormed, loneSurrogateAt } from './jsonValues'
import { recordsFromLines, type LineContext } from './lineCodec'
import type { Problems } from './problems'
import { relationsInto } from './relations'
import { titleFromText } from './text'

export interface NativeSpan {
  start: number
  end: number
  label: string
  text: string
  annotator: string
}

/** A proposed span that arrived with a document (a model's prediction): stored as a suggestion, never as a span. */
export interface NativeSuggestion {
  start: number
  end: number
  label: string
  /** 0…1; 1 when the file gives none. */
  score: number
  /** Where it came from; 'imported' when the file does not say. */
  source: string
}

export interface NativeRecord {
  id: string
  title: string
  text: string
  meta: Record<string, unknown>
  spans: NativeSpan[]
  suggestions?: NativeSuggestion[]
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

/**
 * One document as one line, keys in a fixed order, spans in text order and relations in the order of their ends, so
 * exports diff cleanly. `relations` is written when the document has any.
 */
export function serializeNative(record: NativeRecord): string {
  const sorted = [...record.spans].sort(compareSpans)
  const spans = sorted.map(({ start, end, label, text, annotator }) => ({ start, end, label, text, annotator }))
  const relations = relationsInto(record, sorted)
  return writeJsonLine({
    id: record.id,
    title: record.title,
    text: record.text,
    text_sha256: sha256Hex(record.text),
    offset_unit: 'codepoint',
    meta: record.meta,
    spans,
    ...(relations.length > 0 ? { relations } : {}),
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
  /** Predictions to offer as suggestions: {start, end, label, score?, source?}, offsets in code points. */
  suggestions: z
    .array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        label: nonEmptyString,
        score: z.number().min(0).max(1).optional(),
        source: z.string().min(1).max(100).optional(),
      }),
    )
    .optional(),
  relations: z.array(z.unknown()).optional(),
})

const int = z.number().int()
/** Strict, so a misspelt field ("form") is named rather than read as a relation without its end. */
const nativeRelationSchema = z.strictObject({ from: int, to: int, type: nonEmptyString })

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
    const relations = (input.relations ?? []).flatMap((item, i) => {
      const relation = checkField(nativeRelationSchema, item, `relations[${i}]`, entry, context.problems)
      return relation === undefined ? [] : [relation]
    })
    const record = recordFromInput({ ...input, relations }, entry.line, context)
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
  /** Code points, as spans. */
  suggestions?: Array<{ start: number; end: number; label: string; score?: number; source?: string }>
  /** Links by index into `spans`; `where` names one in messages (`relations[0]` when absent), `line` is its own line. */
  relations?: RelationInput[]
}

export interface RelationInput {
  from: number
  to: number
  type: string
  where?: string
  line?: number
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
  /** Why a span or suggestion cannot be placed, or undefined; `where` names it, e.g. spans[2]. */
  const placeProblem = (where: string, { start, end, label }: { start: number; end: number; label: string }): string | undefined => {
    if (!(start >= 0 && start < end && end <= length)) return `${where} has start ${start} and end ${end}, but offsets must satisfy 0 ≤ start < end ≤ ${length}, the text's length in code points`
    const labelProblem = labelNameProblem(label)
    return labelProblem && `${where} has the label ${JSON.stringify(label)}, which ${labelProblem}`
  }
  const spans: NativeSpan[] = []
  // The index each input span has among the spans kept, for the relations.
  const kept = new Map<number, number>()
  for (const [i, span] of (input.spans ?? []).entries()) {
    const { start, end, label } = span
    const problem = placeProblem(`spans[${i}]`, span)
    if (problem) {
      problems.span(line, problem)
      continue
    }
    const text = map.slice(start, end)
    if (span.text !== undefined && span.text !== text) {
      problems.quote(line, `spans[${i}] quotes ${JSON.stringify(span.text)} but the text at ${start}–${end} is ${JSON.stringify(text)}`)
    }
    kept.set(i, spans.length)
    spans.push({ start, end, label, text, annotator: span.annotator ?? defaults.annotator })
  }
  const suggestions: NativeSuggestion[] = []
  for (const [i, suggestion] of (input.suggestions ?? []).entries()) {
    const { start, end, label, score, source } = suggestion
    const problem = placeProblem(`suggestions[${i}]`, suggestion)
    if (problem) {
      problems.span(line, problem)
      continue
    }
    suggestions.push({ start, end, label, score: score ?? 1, source: source ?? 'imported' })
  }
  const relations = checkedRelations(input, kept, spans, line, problems)
  const title = input.title?.trim() ? input.title : titleFromText(input.text, input.id)
  const record: NativeRecord = {
    id: input.id,
    title,
    text: input.text,
    meta: input.meta ?? {},
    spans,
    ...(relations.length > 0 ? { relations } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  }
  sourceLines.set(record, line)
  return record
}

/**
 * The input's relations as indices into the spans kept: each end must be a span of the input that was kept, the two
 * ends different spans of one layer, the type a name a project can hold. A relation that fails goes to the problems;
 * one given twice is kept once.
 */
function checkedRelations(input: RecordInput, kept: Map<number, number>, spans: NativeSpan[], line: number, problems: Problems): NativeRelation[] {
  const count = input.spans?.length ?? 0
  const relations: NativeRelation[] = []
  const seen = new Set<string>()
  for (const [i, relation] of (input.relations ?? []).entries()) {
    const where = relation.where ?? `relations[${i}]`
    const at = relation.line ?? line
    const fail = (reason: string) => problems.span(at, `${where} ${reason}`)
    const ends = (['from', 'to'] as const).map((end) => {
      const index = relation[end]
      if (!(Number.isInteger(index) && index >= 0 && index < count)) {
        fail(`has ${end} ${index}, but ${count === 0 ? 'the document has no spans' : `span indices run from 0 to ${count - 1}`}`)
        return undefined
      }
      const mapped = kept.get(index)
      if (mapped === undefined) fail(`has ${end} ${index}, a span that was left out`)
      return mapped
    })
    const [from, to] = ends
    if (from === undefined || to === undefined) continue
    if (from === to) {
      fail(`links span ${relation.from} to itself`)
      continue
    }
    const typeProblem = labelNameProblem(relation.type)
    if (typeProblem) {
      fail(`has the type ${JSON.stringify(relation.type)}, which ${typeProblem}`)
      continue
    }
    if (spans[from].annotator !== spans[to].annotator) {
      fail(`links spans of two layers (${JSON.stringify(spans[from].annotator)} and ${JSON.stringify(spans[to].annotator)}), but a relation links spans of one layer`)
      continue
    }
    const key = `${from}\u0000${to}\u0000${relation.type}`
    if (seen.has(key)) continue
    seen.add(key)
    relations.push({ from, to, type: relation.type })
  }
  return relations
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
