// Relations in records point at spans by their index in the record's `spans`. A writer that sorts, merges or leaves
// out spans carries the relations along here, and a format with no place for them says how many it left out.
import type { ExportWarning } from './codec'
import type { NativeRecord, NativeRelation, NativeSpan } from './native'

/** The relation type a link gets when its source names none (a Label Studio relation without labels). */
export const UNNAMED_RELATION_TYPE = 'related'

const spanKey = (span: Pick<NativeSpan, 'start' | 'end' | 'label'>) => `${span.start}\u0000${span.end}\u0000${span.label}`

/**
 * The record's relations as indices into `spans`, a rearrangement of the record's spans (sorted, or with the layers
 * merged so that a span several annotators share is there once). Each relation is there once, ordered by its ends'
 * positions in `spans` and then by type, so exports diff cleanly; one whose end is not in `spans` is left out.
 */
export function relationsInto(record: NativeRecord, spans: readonly NativeSpan[]): NativeRelation[] {
  if (!record.relations || record.relations.length === 0) return []
  const byIdentity = new Map<NativeSpan, number>()
  const byKey = new Map<string, number>()
  for (const [i, span] of spans.entries()) {
    byIdentity.set(span, i)
    if (!byKey.has(spanKey(span))) byKey.set(spanKey(span), i)
  }
  const indexOf = (i: number) => {
    const span = record.spans[i]
    return span === undefined ? undefined : (byIdentity.get(span) ?? byKey.get(spanKey(span)))
  }
  const seen = new Set<string>()
  const out: NativeRelation[] = []
  for (const relation of record.relations) {
    const from = indexOf(relation.from)
    const to = indexOf(relation.to)
    if (from === undefined || to === undefined) continue
    const key = `${from}\u0000${to}\u0000${relation.type}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ from, to, type: relation.type })
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))
}

/** How many relations a record has. */
export function relationCount(record: NativeRecord): number {
  return record.relations?.length ?? 0
}

const FORMAT_NAMES: Record<string, string> = { clue: 'CLUENER', spacy: 'spaCy', bio: 'BIO', bioes: 'BIOES', bmes: 'BMES' }

/** The warning of a format that has no place for relations, when the record has some. */
export function relationsLeftOut(record: NativeRecord, format: string, warn: ((warning: ExportWarning) => void) | undefined): void {
  const left = relationCount(record)
  // `dropped` counts spans (the manifest sums it as dropped_spans), so the relations are counted in the reason.
  if (left > 0) warn?.({ documentId: record.id, dropped: 0, reason: `${FORMAT_NAMES[format] ?? format} has no place for relations: left out ${left} relation(s)` })
}

/**
 * The facts that have links, by span index: each span a relation leaves from, in the order of `spans`, with its
 * relations in their order. As factsOf (../facts.ts) has it, a head is any span with outgoing links, so a project
 * with its own labels has facts too; a metric or measure without links has nothing to write here.
 */
export function factsIn(relations: readonly NativeRelation[]): Array<{ head: number; links: NativeRelation[] }> {
  const facts = new Map<number, NativeRelation[]>()
  for (const relation of relations) {
    const links = facts.get(relation.from) ?? []
    links.push(relation)
    facts.set(relation.from, links)
  }
  return [...facts].sort((a, b) => a[0] - b[0]).map(([head, links]) => ({ head, links }))
}
