// The open document's spans stay in text order; changes go in by binary search instead of a sort of them all.
import { lowerBound } from '../../src-main/shared/lowerBound'
import { compareSpans, type Span } from '../../src-main/shared/model'

/** Where a span goes in a list in text order: after equal ones, or with `before` ahead of them. */
function insertionPoint(spans: readonly Span[], span: Span, before = false): number {
  return lowerBound(spans.length, (i) => {
    const order = compareSpans(spans[i], span)
    return order < 0 || (order === 0 && !before)
  })
}

/** Where a span is in the list, found by its place in text order rather than a scan; -1 when it is not there. */
export function placeOf(spans: readonly Span[], span: Span): number {
  for (let i = insertionPoint(spans, span, true); i < spans.length && compareSpans(spans[i], span) === 0; i++) {
    if (spans[i].id === span.id) return i
  }
  return -1
}

/** The list with one span added, or put in its new place when it changed. */
export function withSpan(spans: readonly Span[], span: Span): Span[] {
  const old = spans.findIndex((x) => x.id === span.id)
  const rest = old < 0 ? spans : spans.toSpliced(old, 1)
  return rest.toSpliced(insertionPoint(rest, span), 0, span)
}

export function withoutSpans(spans: readonly Span[], ids: ReadonlySet<number>): Span[] {
  return spans.filter((s) => !ids.has(s.id))
}

/** Merges spans in: one pass over both lists in text order; a span already there by id is replaced. */
export function withSpans(spans: readonly Span[], added: readonly Span[]): Span[] {
  if (added.length === 1) return withSpan(spans, added[0])
  const ids = new Set(added.map((s) => s.id))
  const rest = spans.filter((s) => !ids.has(s.id))
  const incoming = [...added].sort(compareSpans)
  const merged: Span[] = []
  let i = 0
  let j = 0
  while (i < rest.length || j < incoming.length) {
    if (j >= incoming.length || (i < rest.length && compareSpans(rest[i], incoming[j]) <= 0)) merged.push(rest[i++])
    else merged.push(incoming[j++])
  }
  return merged
}
