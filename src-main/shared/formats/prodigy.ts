// Prodigy's NER JSONL: {"text","tokens":[…],"spans":[{"start","end","token_start","token_end","label"}]}. Prodigy is
// Python, so character offsets count code points, end exclusive; Chinese has no spaces to split on, so every code point
// is one token, and `token_end` is inclusive as Prodigy writes it. `rel.manual` adds "relations":[{"head","child","label",
// "head_span","child_span"}]: head and child are the token_end of their spans (as spaCy's rel_component reads them),
// and the spans are read from head_span and child_span's character offsets.
import { z } from 'zod'
import { OffsetMap } from '../offsets'
import { distinctSpans } from './distinctSpans'
import { checkField, checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { lineCodec, recordsFromLines, type LineContext } from './lineCodec'
import { documentIdSchema, recordFromInput, type NativeRecord, type RelationInput } from './native'
import { relationsInto } from './relations'
import { fileStem } from './sourceNames'

/** One document as one accepted example; Prodigy keeps one answer per example, so the layers merge. */
export function serializeProdigy(record: NativeRecord): string {
  const tokens = [...record.text].map((text, i) => ({ text, start: i, end: i + 1, id: i, ws: false }))
  const distinct = distinctSpans(record.spans)
  const spans = distinct.map(({ start, end, label }) => ({ start, end, token_start: start, token_end: end - 1, label }))
  const relations = relationsInto(record, distinct).map(({ from, to, type }) => ({
    head: spans[from].token_end,
    child: spans[to].token_end,
    head_span: spans[from],
    child_span: spans[to],
    label: type,
  }))
  return writeJsonLine({ text: record.text, meta: { id: record.id }, tokens, spans, ...(relations.length > 0 ? { relations } : {}), answer: 'accept' })
}

const int = z.number().int()

const prodigyLineSchema = z.looseObject({
  id: documentIdSchema.optional(),
  text: z.string().min(1),
  meta: z.record(z.string(), z.unknown()).optional(),
  tokens: z.array(z.looseObject({ text: z.string().optional(), start: int, end: int })).optional(),
  spans: z.array(z.unknown()).optional(),
  relations: z.array(z.unknown()).optional(),
  answer: z.string().optional(),
})
const endSchema = z.looseObject({ start: int, end: int, label: z.string().min(1).nullable().optional() })
const relationSchema = z.looseObject({ head: int.optional(), child: int.optional(), label: z.string().min(1), head_span: endSchema.optional(), child_span: endSchema.optional() })
const spanSchema = z.looseObject({ start: int, end: int, label: z.string().min(1), token_start: int.optional(), token_end: int.optional(), text: z.string().optional() })

/** Answers that say the example is wrong or was skipped: importing their spans would pass them off as annotations. */
const NOT_ACCEPTED = new Set(['reject', 'ignore'])

export function prodigyFromLines(lines: JsonLine[], context: LineContext): NativeRecord[] {
  const { file, problems } = context
  const stem = fileStem(file)
  return recordsFromLines(lines, context, (entry) => {
    const { id, text, meta, tokens: given, spans: items, relations: links, answer, ...rest } = checkLine(prodigyLineSchema, entry, file, context.fields)
    if (answer !== undefined && NOT_ACCEPTED.has(answer)) {
      problems.skipped({ file, line: entry.line, reason: `answer is "${answer}", so the example is not imported` })
      return undefined
    }
    const map = new OffsetMap(text)
    const tokens = tokenProblem(given, map) === undefined ? given : undefined
    if (given !== undefined && tokens === undefined) problems.without(entry.line, tokenProblem(given, map)!, "its tokens are not used; the spans' character offsets are")
    const spans = (items ?? []).flatMap((item, i) => {
      const span = checkField(spanSchema, item, `spans[${i}]`, entry, problems)
      if (span === undefined) return []
      const disagreement = tokens && tokenDisagreement(span, tokens)
      if (disagreement) problems.quote(entry.line, `spans[${i}] ${disagreement}`)
      return [span]
    })
    const relations = relationsOf(links ?? [], spans, tokens, entry, context)
    const { id: metaId, ...otherMeta } = meta ?? {}
    const documentId = documentIdSchema.safeParse(metaId).data ?? id ?? `${stem}-${entry.line}`
    // Prodigy's hashes, session and the example's own meta stay with the document.
    return recordFromInput({ id: documentId, text, meta: { ...rest, ...otherMeta }, spans, relations }, entry.line, context)
  })
}

type SpanRead = z.output<typeof spanSchema>

/**
 * The relations of a line as indices into its spans. Each end is the span with head_span's (child_span's) offsets and
 * label; a labelled end that is not among the spans is added to them. Without head_span, the span whose last token is
 * `head` is meant.
 */
function relationsOf(links: unknown[], spans: SpanRead[], tokens: Token[] | undefined, entry: JsonLine, context: LineContext): RelationInput[] {
  const relations: RelationInput[] = []
  for (const [i, item] of links.entries()) {
    const where = `relations[${i}]`
    const link = checkField(relationSchema, item, where, entry, context.problems)
    if (link === undefined) continue
    const ends = (['head', 'child'] as const).map((end) => {
      const span = link[`${end}_span`]
      const token = link[end]
      if (span !== undefined) {
        const found = spans.findIndex((s) => s.start === span.start && s.end === span.end && (span.label == null || s.label === span.label))
        if (found !== -1) return found
        if (span.label == null) {
          context.problems.span(entry.line, `${where}.${end}_span ${span.start}–${span.end} has no label and is not one of the line's spans`)
          return undefined
        }
        spans.push({ start: span.start, end: span.end, label: span.label })
        return spans.length - 1
      }
      const tokenEnd = token === undefined ? undefined : tokens?.[token]?.end
      const found = tokenEnd === undefined ? -1 : spans.findIndex((s) => s.end === tokenEnd)
      if (found === -1) context.problems.span(entry.line, `${where} has no ${end}_span, and ${token === undefined ? `no ${end}` : `no span ends with token ${token}`}`)
      return found === -1 ? undefined : found
    })
    const [from, to] = ends
    if (from !== undefined && to !== undefined) relations.push({ from, to, type: link.label, where })
  }
  return relations
}

type Token = { text?: string; start: number; end: number }

function tokenProblem(tokens: Token[] | undefined, map: OffsetMap): string | undefined {
  for (const [i, token] of (tokens ?? []).entries()) {
    if (!(token.start >= 0 && token.start < token.end && token.end <= map.codePointLength)) {
      return `tokens[${i}] has start ${token.start} and end ${token.end}, outside the text's ${map.codePointLength} code points`
    }
    const covered = map.slice(token.start, token.end)
    if (token.text !== undefined && token.text !== covered) return `tokens[${i}] quotes ${JSON.stringify(token.text)} but the text at ${token.start}–${token.end} is ${JSON.stringify(covered)}`
  }
  return undefined
}

/** How a span's token_start and token_end disagree with its character offsets, or undefined. */
function tokenDisagreement(span: z.output<typeof spanSchema>, tokens: Token[]): string | undefined {
  if (span.token_start !== undefined) {
    const first = tokens[span.token_start]
    if (first === undefined) return `has token_start ${span.token_start}, but the line has ${tokens.length} tokens`
    if (first.start !== span.start) return `starts at ${span.start}, but its token_start ${span.token_start} starts at ${first.start}`
  }
  if (span.token_end !== undefined) {
    const last = tokens[span.token_end]
    if (last === undefined) return `has token_end ${span.token_end}, but the line has ${tokens.length} tokens`
    if (last.end !== span.end) return `ends at ${span.end}, but its token_end ${span.token_end} (inclusive) ends at ${last.end}`
  }
  return undefined
}

export const prodigyCodec = lineCodec({ name: 'prodigy', offsetUnit: 'codepoint', serialize: serializeProdigy, fromLines: prodigyFromLines })
