// Prodigy's NER JSONL: {"text","tokens":[…],"spans":[{"start","end","token_start","token_end","label"}]}. Prodigy is
// Python, so character offsets count code points, end exclusive; Chinese has no spaces to split on, so every code point
// is one token, and `token_end` is inclusive as Prodigy writes it.
import { z } from 'zod'
import { InputError } from '../errors'
import { OffsetMap } from '../offsets'
import type { FileWarning } from './codec'
import { distinctSpans } from './distinctSpans'
import { checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { lineCodec } from './lineCodec'
import { DocumentIds, documentIdSchema, recordFromInput, type NativeRecord, type ParseDefaults } from './native'
import { fileStem } from './sourceNames'

/** One document as one accepted example; Prodigy keeps one answer per example, so the layers merge. */
export function serializeProdigy(record: NativeRecord): string {
  const tokens = [...record.text].map((text, i) => ({ text, start: i, end: i + 1, id: i, ws: false }))
  const spans = distinctSpans(record.spans).map(({ start, end, label }) => ({ start, end, token_start: start, token_end: end - 1, label }))
  return writeJsonLine({ text: record.text, meta: { id: record.id }, tokens, spans, answer: 'accept' })
}

const int = z.number().int()

const prodigyLineSchema = z.looseObject({
  id: documentIdSchema.optional(),
  text: z.string().min(1),
  meta: z.record(z.string(), z.unknown()).optional(),
  tokens: z.array(z.looseObject({ text: z.string().optional(), start: int, end: int })).optional(),
  spans: z
    .array(z.looseObject({ start: int, end: int, label: z.string().min(1), token_start: int.optional(), token_end: int.optional(), text: z.string().optional() }))
    .optional(),
  answer: z.string().optional(),
})

/** Answers that say the example is wrong or was skipped: importing their spans would pass them off as annotations. */
const NOT_ACCEPTED = new Set(['reject', 'ignore'])

export function prodigyFromLines(lines: JsonLine[], file: string, defaults: ParseDefaults, warnings: FileWarning[]): NativeRecord[] {
  const ids = new DocumentIds(file)
  const stem = fileStem(file)
  const records: NativeRecord[] = []
  for (const entry of lines) {
    const { id, text, meta, tokens, spans, answer, ...rest } = checkLine(prodigyLineSchema, entry, file)
    if (answer !== undefined && NOT_ACCEPTED.has(answer)) {
      warnings.push({ file, line: entry.line, reason: `answer is "${answer}", so the example is not imported` })
      continue
    }
    const fail = (reason: string) => new InputError(file, entry.line, reason)
    const map = new OffsetMap(text)
    for (const [i, token] of (tokens ?? []).entries()) {
      if (!(token.start >= 0 && token.start < token.end && token.end <= map.codePointLength)) {
        throw fail(`tokens[${i}] has start ${token.start} and end ${token.end}, outside the text's ${map.codePointLength} code points`)
      }
      const covered = map.slice(token.start, token.end)
      if (token.text !== undefined && token.text !== covered) {
        throw fail(`tokens[${i}] quotes ${JSON.stringify(token.text)} but the text at ${token.start}–${token.end} is ${JSON.stringify(covered)}`)
      }
    }
    for (const [i, span] of (spans ?? []).entries()) {
      if (tokens === undefined) break
      if (span.token_start !== undefined) {
        const first = tokens[span.token_start]
        if (first === undefined) throw fail(`spans[${i}] has token_start ${span.token_start}, but the line has ${tokens.length} tokens`)
        if (first.start !== span.start) throw fail(`spans[${i}] starts at ${span.start}, but its token_start ${span.token_start} starts at ${first.start}`)
      }
      if (span.token_end !== undefined) {
        const last = tokens[span.token_end]
        if (last === undefined) throw fail(`spans[${i}] has token_end ${span.token_end}, but the line has ${tokens.length} tokens`)
        if (last.end !== span.end) throw fail(`spans[${i}] ends at ${span.end}, but its token_end ${span.token_end} (inclusive) ends at ${last.end}`)
      }
    }
    const { id: metaId, ...otherMeta } = meta ?? {}
    const documentId = documentIdSchema.safeParse(metaId).data ?? id ?? `${stem}-${entry.line}`
    // Prodigy's hashes, session and the example's own meta stay with the document.
    const record = recordFromInput({ id: documentId, text, meta: { ...rest, ...otherMeta }, spans }, file, entry.line, defaults)
    ids.add(record.id, entry.line)
    records.push(record)
  }
  return records
}

export const prodigyCodec = lineCodec({ name: 'prodigy', offsetUnit: 'codepoint', serialize: serializeProdigy, fromLines: prodigyFromLines })
