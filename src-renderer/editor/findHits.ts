// Occurrences of a phrase in the text, in code points; the last answer is kept, since every render asks again.
import type { OffsetMap } from '../../src-main/shared/offsets'

export interface Hits {
  query: string
  /** Code-point offsets of each occurrence, in text order, not overlapping. */
  starts: number[]
  ends: number[]
}

export const NO_HITS: Hits = { query: '', starts: [], ends: [] }

let last: { map: OffsetMap; hits: Hits } | null = null

export function findHits(map: OffsetMap, query: string): Hits {
  if (query === '') return NO_HITS
  if (last && last.map === map && last.hits.query === query) return last.hits
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
  last = { map, hits }
  return hits
}

/** The first hit at or after an offset (hits.starts.length when none). */
export function hitAtOrAfter(hits: Hits, offset: number): number {
  let lo = 0
  let hi = hits.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (hits.starts[mid] < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
