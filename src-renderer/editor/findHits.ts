// Occurrences of a phrase in the text, in code points. Pure: the store caches the answer per text and query.
import { lowerBound } from '../../src-main/shared/lowerBound'
import type { OffsetMap } from '../../src-main/shared/offsets'

export interface Hits {
  query: string
  /** Code-point offsets of each occurrence, in text order, not overlapping. */
  starts: number[]
  ends: number[]
}

export const NO_HITS: Hits = { query: '', starts: [], ends: [] }

export function findHits(map: OffsetMap, query: string): Hits {
  if (query === '') return NO_HITS
  const hits: Hits = { query, starts: [], ends: [] }
  for (let at = map.text.indexOf(query); at >= 0; at = map.text.indexOf(query, at + query.length)) {
    // A query that starts or ends with half of a pair never matches a whole character.
    const start = map.toCodePoint(at, 'after')
    const end = map.toCodePoint(at + query.length, 'before')
    if (map.toUtf16(start) === at && map.toUtf16(end) === at + query.length) {
      hits.starts.push(start)
      hits.ends.push(end)
    }
  }
  return hits
}

/** The first hit at or after an offset (hits.starts.length when none). */
export function hitAtOrAfter(hits: Hits, offset: number): number {
  return lowerBound(hits.starts.length, (i) => hits.starts[i] < offset)
}

/** The first hit ending after an offset: where the hits on screen begin. */
export function hitEndingAfter(hits: Hits, offset: number): number {
  return lowerBound(hits.ends.length, (i) => hits.ends[i] <= offset)
}
