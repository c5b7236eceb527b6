import { describe, expect, it } from 'vitest'
import { lowerBound } from '../../src-main/shared/lowerBound'
import type { Span } from '../../src-main/shared/model'
import { OffsetMap } from '../../src-main/shared/offsets'
import { findHits, hitAtOrAfter, hitEndingAfter } from '../../src-renderer/editor/findHits'
import { spansCovering, spanToSelect } from '../../src-renderer/editor/spanChoice'
import { LineHeights } from '../../src-renderer/editor/lineHeights'
import { RangeIndex } from '../../src-renderer/editor/rangeIndex'
import { lineEnd, lineIndexAt, splitLines, trimSelection } from '../../src-renderer/editor/textModel'
import { nextWordEnd, paragraphAt, previousWordStart, wordAt } from '../../src-renderer/editor/words'

function span(id: number, start: number, end: number): Span {
  return { id, documentId: 'd', start, end, label: 'metric', text: '', annotator: 'alice', createdAt: '' }
}

describe('the text model', () => {
  // In UTF-16 units: line 0 is 0–4 (𠮷 is two units), line 1 starts at 5, line 2 (empty) at 12.
  const lines = splitLines(new OffsetMap('𠮷野家\nalpha 😀\n'))

  it('splits the text into lines with their UTF-16 starts', () => {
    expect(lines.starts).toEqual([0, 5, 14])
    expect(lines.texts).toEqual(['𠮷野家', 'alpha 😀', ''])
    expect(lineEnd(lines, 1)).toBe(13)
  })

  it('finds the line of an offset; the end of a line, where its break sits, belongs to it', () => {
    expect(lineIndexAt(lines, 0)).toBe(0)
    expect(lineIndexAt(lines, 4)).toBe(0)
    expect(lineIndexAt(lines, 5)).toBe(1)
    expect(lineIndexAt(lines, 13)).toBe(1)
    expect(lineIndexAt(lines, 14)).toBe(2)
  })

  it('trims white space and line breaks off a selection, in code points, and gives nothing for white space alone', () => {
    const map = new OffsetMap(' 𠮷野 \n 😀')
    expect(trimSelection(map, 0, 6)).toEqual({ start: 1, end: 3 })
    expect(trimSelection(map, 3, 6)).toBeNull()
    expect(trimSelection(map, 4, 7)).toEqual({ start: 6, end: 7 })
  })
})

describe('words', () => {
  const lines = splitLines(new OffsetMap('alpha beta, gamma\n\ndelta'))

  it('finds the word under an offset, and the whole paragraph for a triple click', () => {
    expect(wordAt(lines, 7)).toEqual({ start: 6, end: 10 })
    expect(wordAt(lines, 18)).toEqual({ start: 18, end: 18 })
    expect(paragraphAt(lines, 7)).toEqual({ start: 0, end: 17 })
  })

  it('moves to the end of the next word and the start of the previous one, over punctuation and empty lines', () => {
    expect(nextWordEnd(lines, 0)).toBe(5)
    expect(nextWordEnd(lines, 10)).toBe(17)
    expect(nextWordEnd(lines, 17)).toBe(24)
    expect(previousWordStart(lines, 19)).toBe(12)
    expect(previousWordStart(lines, 6)).toBe(0)
    expect(previousWordStart(lines, 0)).toBe(0)
  })
})

describe('hit testing from offsets', () => {
  const spans = [span(1, 0, 10), span(2, 2, 5), span(3, 4, 6)]

  it('lists the spans under a code point, shortest first', () => {
    expect(spansCovering(spans, 4).map((s) => s.id)).toEqual([3, 2, 1])
    expect(spansCovering(spans, 6).map((s) => s.id)).toEqual([1])
    expect(spansCovering(spans, 10)).toEqual([])
  })

  it('selects the shortest span first, then the next one on each click at the same place', () => {
    const covering = spansCovering(spans, 4)
    expect(spanToSelect(covering, null)?.id).toBe(3)
    expect(spanToSelect(covering, 3)?.id).toBe(2)
    expect(spanToSelect(covering, 1)?.id).toBe(3)
    expect(spanToSelect([], 1)).toBeNull()
  })

  it('answers overlaps for any stretches in text order, such as comparisons', () => {
    const index = new RangeIndex([
      { start: 0, end: 3 },
      { start: 1, end: 20 },
      { start: 8, end: 9 },
    ])
    expect(index.overlapping(5, 8)).toEqual([{ start: 1, end: 20 }])
    expect(index.covering(8)).toEqual([
      { start: 1, end: 20 },
      { start: 8, end: 9 },
    ])
  })
})

describe('line heights', () => {
  it('estimates rows from lengths until measured, and keeps tops as prefix sums', () => {
    const heights = new LineHeights([10, 45, 0, 100], { rowHeight: 20, charsPerRow: 40 })
    // 1, 2, 1 (an empty line keeps a row) and 3 rows.
    expect([0, 1, 2, 3, 4].map((i) => heights.top(i))).toEqual([0, 20, 60, 80, 140])
    expect(heights.lineAt(59)).toBe(1)
    expect(heights.lineAt(60)).toBe(2)
    expect(heights.lineAt(1000)).toBe(3)
    expect(heights.measure(1, 50)).toBe(true)
    expect(heights.measure(2, 20)).toBe(false)
    expect(heights.isMeasured(1)).toBe(true)
    expect(heights.total()).toBe(150)
    // A new width: estimates again, measures forgotten.
    heights.reestimate({ rowHeight: 10, charsPerRow: 100 })
    expect(heights.isMeasured(1)).toBe(false)
    expect(heights.total()).toBe(40)
  })
})

describe('find hits', () => {
  it('finds every occurrence in code points, never half of 𠮷, and steps from an offset', () => {
    const map = new OffsetMap('𠮷野家、𠮷野家，野家')
    const hits = findHits(map, '野家')
    expect(hits.starts).toEqual([1, 5, 8])
    expect(hits.ends).toEqual([3, 7, 10])
    expect(findHits(map, '𠮷野').starts).toEqual([0, 4])
    // A lone half of the pair matches no whole character.
    expect(findHits(map, '\ud842').starts).toEqual([])
    expect(hitAtOrAfter(hits, 2)).toBe(1)
    expect(hitAtOrAfter(hits, 12)).toBe(3)
    expect(hitEndingAfter(hits, 7)).toBe(2)
  })
})

describe('the one lower bound', () => {
  it('gives the first index where the predicate stops holding, within bounds', () => {
    const sorted = [1, 3, 3, 5, 9]
    expect(lowerBound(sorted.length, (i) => sorted[i] < 3)).toBe(1)
    expect(lowerBound(sorted.length, (i) => sorted[i] <= 3)).toBe(3)
    expect(lowerBound(sorted.length, (i) => sorted[i] < 100)).toBe(5)
    expect(lowerBound(sorted.length, (i) => sorted[i] < 0)).toBe(0)
    expect(lowerBound(5, (i) => sorted[i] < 9, 2)).toBe(4)
    expect(lowerBound(0, () => true)).toBe(0)
  })
})
