// The one binary search: every "first index where…" over sorted data in the project goes through here.

/**
 * The first index in from…to at which `before(index)` is false, for a predicate that holds up to some index and not
 * after it (the classic lower bound); `to` when it holds everywhere. O(log n) calls of `before`.
 */
export function lowerBound(to: number, before: (index: number) => boolean, from = 0): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
