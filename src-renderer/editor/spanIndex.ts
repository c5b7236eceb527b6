// Spans by position: starts are sorted (the store keeps spans in text order), and a max-end tree over them
// answers "which spans cover this offset / overlap this range" in O(log n + hits), without scanning them all.
import type { Span } from '../../src-main/shared/model'

export class SpanIndex {
  /** tree[node] is the largest end among the spans under that node; leaves start at `leaves`. */
  private readonly tree: Float64Array
  private readonly leaves: number
  /** The last id looked up, and where: a Map of every id would cost more per edit than the scans it saves. */
  private lastId: { id: number; index: number } | null = null

  constructor(readonly spans: readonly Span[]) {
    let leaves = 1
    while (leaves < spans.length) leaves *= 2
    this.leaves = leaves
    this.tree = new Float64Array(2 * leaves).fill(-1)
    for (let i = 0; i < spans.length; i++) this.tree[leaves + i] = spans[i].end
    for (let node = leaves - 1; node >= 1; node--) this.tree[node] = Math.max(this.tree[2 * node], this.tree[2 * node + 1])
  }

  /** Index of the first span starting at or after an offset (spans.length when none). */
  firstStartingAt(offset: number): number {
    let lo = 0
    let hi = this.spans.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.spans[mid].start < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Spans with start < end and end > start, in text order. */
  overlapping(start: number, end: number): Span[] {
    const found: Span[] = []
    const limit = this.firstStartingAt(end)
    if (limit > 0) this.collect(1, 0, this.leaves, limit, start, found)
    return found
  }

  /** Spans covering a code point (start ≤ offset < end), in text order. */
  covering(offset: number): Span[] {
    return this.overlapping(offset, offset + 1)
  }

  /** Position of a span in text order, or -1. */
  indexOf(id: number): number {
    if (this.lastId?.id !== id) this.lastId = { id, index: this.spans.findIndex((s) => s.id === id) }
    return this.lastId.index
  }

  byId(id: number): Span | null {
    const index = this.indexOf(id)
    return index < 0 ? null : this.spans[index]
  }

  private collect(node: number, from: number, to: number, limit: number, after: number, found: Span[]): void {
    if (from >= limit || this.tree[node] <= after) return
    if (node >= this.leaves) {
      found.push(this.spans[from])
      return
    }
    const mid = (from + to) >>> 1
    this.collect(2 * node, from, mid, limit, after, found)
    this.collect(2 * node + 1, mid, to, limit, after, found)
  }
}

const indexes = new WeakMap<readonly Span[], SpanIndex>()

/** The index of a spans array, built once per array: the store replaces the array on every change. */
export function spanIndexOf(spans: readonly Span[]): SpanIndex {
  let index = indexes.get(spans)
  if (!index) indexes.set(spans, (index = new SpanIndex(spans)))
  return index
}
