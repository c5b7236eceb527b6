import { describe, expect, it } from 'vitest'
import type { Span } from '../../src-main/shared/model'
import { RangeIndex } from '../../src-renderer/editor/rangeIndex'
import { placeOf, withoutSpans, withSpan, withSpans } from '../../src-renderer/state/sortedSpans'

function span(id: number, start: number, end: number, label = 'metric', annotator = 'alice'): Span {
  return { id, documentId: 'doc', start, end, label, text: '', annotator, createdAt: '' }
}

const ids = (spans: readonly Span[]) => spans.map((s) => s.id)

describe('the open document spans in text order', () => {
  it('adds a span at its place, moves a changed one and merges many in one pass', () => {
    const spans = [span(1, 0, 2), span(2, 5, 8), span(3, 9, 12)]
    expect(ids(withSpan(spans, span(4, 6, 7)))).toEqual([1, 2, 4, 3])
    expect(ids(withSpan(spans, span(1, 10, 11)))).toEqual([2, 3, 1])
    expect(ids(withSpans(spans, [span(6, 20, 21), span(5, 1, 3)]))).toEqual([1, 5, 2, 3, 6])
    expect(ids(withoutSpans(spans, new Set([2])))).toEqual([1, 3])
  })

  it('finds a span by its place among spans that sort the same, and not one that moved or is gone', () => {
    // Same range and label, other annotators, then the same range with another label: all sort by start first.
    const spans = [span(7, 3, 5, 'date'), span(8, 3, 5, 'metric', 'alice'), span(-1, 3, 5, 'metric', 'bob'), span(9, 3, 5, 'metric', 'carol'), span(2, 4, 6)]
    expect(placeOf(spans, span(-1, 3, 5, 'metric', 'bob'))).toBe(2)
    expect(placeOf(spans, span(9, 3, 5, 'metric', 'carol'))).toBe(3)
    expect(placeOf(spans, span(2, 4, 6))).toBe(4)
    expect(placeOf(spans, span(2, 4, 7))).toBe(-1)
    expect(placeOf(spans, span(10, 3, 5, 'metric', 'alice'))).toBe(-1)
    expect(placeOf([], span(1, 0, 1))).toBe(-1)
  })
})

describe('the span index', () => {
  it('answers overlaps from offsets and finds spans by id, whichever was asked before', () => {
    const spans = [span(1, 0, 40), span(2, 5, 8), span(3, 9, 12), span(4, 30, 31)]
    const index = new RangeIndex(spans)
    expect(ids(index.overlapping(8, 10))).toEqual([1, 3])
    expect(ids(index.covering(30))).toEqual([1, 4])
    expect(ids(index.overlapping(40, 50))).toEqual([])
    expect(index.indexOf(3)).toBe(2)
    expect(index.byId(4)?.start).toBe(30)
    expect(index.indexOf(3)).toBe(2)
    expect(index.indexOf(99)).toBe(-1)
    expect(index.byId(1)?.end).toBe(40)
  })
})
