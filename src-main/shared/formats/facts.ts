// A dataset of facts: one JSON line per fact (a metric or measure with the spans it links to, see facts.ts), with its
// sentence, offsets in code points. What an analyst tabulates and a relation-extraction model trains on. Export only:
// a line holds a sentence, not its document's text, so it cannot be read back into a project.
import { InputError } from '../errors'
import { factsOf, sentenceAround } from '../facts'
import type { Relation, Span } from '../model'
import { OffsetMap } from '../offsets'
import type { FileCodec } from './codec'
import { writeJsonLine } from './jsonl'
import type { NativeRecord } from './native'

interface FactSpan {
  label: string
  text: string
  start: number
  end: number
}

/** The fact lines of one document, in text order of their heads. */
export function factLines(record: NativeRecord): string[] {
  // Spans and relations of a record as the model has them: a span's id is its index.
  const spans: Span[] = record.spans.map((s, i) => ({ id: i, documentId: record.id, createdAt: '', ...s }))
  const relations: Relation[] = (record.relations ?? []).map((r, i) => ({ id: i, documentId: record.id, annotator: spans[r.from]?.annotator ?? '', createdAt: '', ...r }))
  const facts = factsOf(spans, relations)
  if (facts.length === 0) return []
  const map = new OffsetMap(record.text)
  return facts.map(({ head, links }) => {
    const byType: Record<string, FactSpan[]> = {}
    for (const { type, span } of links) (byType[type] ??= []).push(factSpan(span))
    return writeJsonLine({
      document: record.id,
      annotator: head.annotator,
      fact: factSpan(head),
      links: byType,
      sentence: sentenceAround(record.text, head.start, head.end, map),
    })
  })
}

function factSpan({ label, text, start, end }: Span): FactSpan {
  return { label, text, start, end }
}

export const factsCodec: FileCodec = {
  name: 'facts',
  offsetUnit: 'codepoint',
  extensions: ['.jsonl'],
  output: 'file',
  parse(input) {
    throw new InputError(input.name, undefined, 'a facts file is an export only: its lines hold sentences, not the documents, so it cannot be imported (import the native export instead)')
  },
  *write(records) {
    for (const record of records) for (const line of factLines(record)) yield line + '\n'
  },
}
