// Facts are derived from spans and relations, never stored: a metric or measure with the spans it links to, and the
// sentence it stands in. Pure, so the service, the exports and the renderer's fact list agree.
import { compareSpans, FACT_HEAD_LABELS, type Relation, type Span } from './model'
import { OffsetMap } from './offsets'

export interface FactLink {
  type: string
  span: Span
}

export interface Fact {
  head: Span
  /** The head's outgoing relations, in text order of the linked span, then by type. */
  links: FactLink[]
}

/**
 * One fact per span labelled metric or measure, and per other span that a relation leaves from (so a project with
 * its own labels still has facts), in text order. Relations whose ends are not among `spans` are left out.
 */
export function factsOf(spans: readonly Span[], relations: readonly Relation[]): Fact[] {
  const byId = new Map(spans.map((s) => [s.id, s]))
  const links = new Map<number, FactLink[]>()
  for (const relation of relations) {
    const from = byId.get(relation.from)
    const to = byId.get(relation.to)
    if (!from || !to) continue
    let list = links.get(from.id)
    if (!list) links.set(from.id, (list = []))
    list.push({ type: relation.type, span: to })
  }
  const heads = spans.filter((s) => FACT_HEAD_LABELS.includes(s.label) || links.has(s.id)).sort(compareSpans)
  return heads.map((head) => ({
    head,
    links: (links.get(head.id) ?? []).sort((a, b) => compareSpans(a.span, b.span) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
  }))
}

/**
 * The facts that link to something: factsOf without the heads that have no relation yet. Found from the relations,
 * so a document's 20,000 spans are passed over once and not sorted; no relations, no facts.
 */
export function linkedFactsOf(spans: readonly Span[], relations: readonly Relation[]): Fact[] {
  if (relations.length === 0) return []
  const ends = new Set<number>()
  for (const relation of relations) ends.add(relation.from).add(relation.to)
  return factsOf(
    spans.filter((s) => ends.has(s.id)),
    relations,
  ).filter((fact) => fact.links.length > 0)
}

/** Characters that end a sentence; a newline ends one too, and is left out of it. */
const SENTENCE_ENDS = new Set(['。', '！', '？', '!', '?', '；', ';'])
/** Closing quotes and brackets that belong to the sentence they follow: 」after 。stays in. */
const CLOSERS = new Set(['」', '』', '”', '’', '"', "'", '）', ')', '】', '》'])
const SPACE = /\s/

export interface Sentence {
  text: string
  /** Code points, end exclusive. */
  start: number
  end: number
}

/**
 * The sentence around start–end (code points): from after the sentence end before it to the next sentence end at
 * or after `end` (kept, with a closing quote after it), white space at either side trimmed. A span that crosses a
 * sentence end gets the sentences it touches. Pass the text's OffsetMap when calling it many times on one text.
 */
export function sentenceAround(text: string, start: number, end: number, map: OffsetMap = new OffsetMap(text)): Sentence {
  // Every character that ends a sentence is in the BMP, so the scan runs on UTF-16 units.
  const from = map.toUtf16(start)
  const to = map.toUtf16(end)
  let left = from
  while (left > 0 && !endsSentence(text, left - 1)) left--
  let right = Math.max(to, from)
  // A span that ends on a sentence end (…91.9%。) already holds it.
  if (!(right > from && SENTENCE_ENDS.has(text[right - 1]))) {
    while (right < text.length && !endsSentence(text, right)) right++
    if (right < text.length && text[right] !== '\n') right++
  }
  if (right > 0 && SENTENCE_ENDS.has(text[right - 1])) while (right < text.length && CLOSERS.has(text[right])) right++
  // Closers right after the sentence end before it belong to that sentence.
  while (left < from && (CLOSERS.has(text[left]) || SPACE.test(text[left]))) left++
  while (right > to && SPACE.test(text[right - 1])) right--
  return { text: text.slice(left, right), start: map.toCodePoint(left), end: map.toCodePoint(right) }
}

function endsSentence(text: string, i: number): boolean {
  return text[i] === '\n' || text[i] === '\r' || SENTENCE_ENDS.has(text[i])
}
