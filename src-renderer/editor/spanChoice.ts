// Which span a click selects where spans overlap: found from offsets with the index, never from DOM nodes. Pure.
import type { Span } from '../../src-main/shared/model'
import { spanIndexOf } from './rangeIndex'

/** Spans covering a code point, shortest first: the order repeated clicks walk through. Found with the index, not a scan. */
export function spansCovering(spans: readonly Span[], offset: number): Span[] {
  return spanIndexOf(spans)
    .covering(offset)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || a.id - b.id)
}

/** The span a click selects: the shortest first, then the next one each time the user clicks the same place. */
export function spanToSelect(covering: readonly Span[], selectedId: number | null): Span | null {
  if (covering.length === 0) return null
  const current = covering.findIndex((s) => s.id === selectedId)
  return covering[(current + 1) % covering.length]
}

