import { lowerBound } from '../lowerBound'
import { spanLayer, type SpanLayer } from './spanLayer'

/** A labelled span; offsets are code points, end exclusive. Spans of different documents must not share offsets. */
export interface Span {
  start: number
  end: number
  label: string
}

export type SpanMatch = 'exact' | 'overlap'

export interface F1Score {
  precision: number
  recall: number
  f1: number
}

export interface SpanF1 {
  labels: Record<string, F1Score>
  micro: F1Score
}

/**
 * Precision, recall and F1 of the spans `b` against the spans `a`, per label and micro-averaged (counts pooled
 * over labels). A span of b is correct when a span of a with the same label matches it; a span of a is found
 * when a span of b with the same label matches it:
 *
 *   precision = |b correct| / |b|,  recall = |a found| / |a|,  F1 = 2 P R / (P + R)
 *
 * `exact` matches the same start and end, one to one; `overlap` matches any shared character (a.start < b.end
 * and b.start < a.end), the lenient match of span-extraction evaluations. With exact matching
 * F1 = 2 |matches| / (|a| + |b|), the inter-annotator F-measure of Hripcsak & Rothschild (2005), "Agreement,
 * the F-measure, and reliability in information retrieval", JAMIA 12(3): it needs no count of non-spans,
 * and swapping a and b swaps P and R.
 *
 * Undefined cases: precision is NaN when b has no span (of the label), recall when a has none; F1 is NaN when
 * neither has one, and 0 when only one has.
 */
export function spanF1(a: readonly Span[], b: readonly Span[], match: SpanMatch): SpanF1 {
  const names: string[] = []
  const index = new Map<string, number>()
  for (const span of [...a, ...b]) {
    if (index.has(span.label)) continue
    index.set(span.label, names.length)
    names.push(span.label)
  }
  const layer = (spans: readonly Span[]) =>
    spanLayer(
      spans.map((s) => s.start),
      spans.map((s) => s.end),
      spans.map((s) => index.get(s.label)!),
      names.length,
    )
  const counts = matchCounts(layer(a), layer(b), match)
  const labels: Record<string, F1Score> = {}
  names.forEach((name, k) => (labels[name] = f1Score(counts[k])))
  return { labels, micro: f1Score(sumCounts(counts)) }
}

/** What F1 is made of, for one label or pooled. */
export interface MatchCount {
  /** Spans in a and in b. */
  a: number
  b: number
  /** Spans of a that b matches, spans of b that a matches. */
  found: number
  correct: number
}

/** Match counts per label of two layers that share a label index. */
export function matchCounts(a: SpanLayer, b: SpanLayer, match: SpanMatch): MatchCount[] {
  const counts: MatchCount[] = []
  for (let k = 0; k + 1 < a.groups.length; k++) {
    const ra = [a.groups[k], a.groups[k + 1]] as const
    const rb = [b.groups[k], b.groups[k + 1]] as const
    const count = { a: ra[1] - ra[0], b: rb[1] - rb[0], found: 0, correct: 0 }
    if (match === 'exact') count.found = count.correct = exactMatches(a, ra, b, rb)
    else {
      count.correct = overlapped(b, rb, a, ra)
      count.found = overlapped(a, ra, b, rb)
    }
    counts.push(count)
  }
  return counts
}

export function sumCounts(counts: readonly MatchCount[]): MatchCount {
  const total = { a: 0, b: 0, found: 0, correct: 0 }
  for (const c of counts) {
    total.a += c.a
    total.b += c.b
    total.found += c.found
    total.correct += c.correct
  }
  return total
}

export function f1Score({ a, b, found, correct }: MatchCount): F1Score {
  const precision = b === 0 ? NaN : correct / b
  const recall = a === 0 ? NaN : found / a
  if (a === 0 && b === 0) return { precision, recall, f1: NaN }
  if (a === 0 || b === 0 || precision + recall === 0) return { precision, recall, f1: 0 }
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) }
}

type Range = readonly [from: number, to: number]

/** Pairs of spans with the same start and end in two sorted groups, each span used once. */
function exactMatches(a: SpanLayer, ra: Range, b: SpanLayer, rb: Range): number {
  let matches = 0
  let i = ra[0]
  let j = rb[0]
  while (i < ra[1] && j < rb[1]) {
    const order = a.start[i] - b.start[j] || a.end[i] - b.end[j]
    if (order === 0) {
      matches++
      i++
      j++
    } else if (order < 0) i++
    else j++
  }
  return matches
}

/** How many spans of `query` share a character with some span of `target`. */
function overlapped(query: SpanLayer, rq: Range, target: SpanLayer, rt: Range): number {
  let hits = 0
  for (let q = rq[0]; q < rq[1]; q++) {
    // Of the target spans that start before this one ends, does the furthest reaching one end after it starts?
    const before = startsBefore(target.start, rt[0], rt[1], query.end[q])
    if (before > rt[0] && target.reach[before - 1] > query.start[q]) hits++
  }
  return hits
}

/** Index of the first start ≥ x in sorted starts[from, to). */
function startsBefore(starts: Float64Array, from: number, to: number, x: number): number {
  return lowerBound(to, (i) => starts[i] < x, from)
}
