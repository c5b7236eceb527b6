// Stretches of text by position: starts are sorted (spans and comparisons are kept in text order), and a max-end
// tree over them answers "which cover this offset / overlap this range" in O(log n + hits), without scanning them all.
import { lowerBound } from '../../src-main/shared/lowerBound'
import type { Span } from '../../src-main/shared/model'

export interface Stretch {
  start: number
  end: number
}

export class RangeIndex<T extends Stretch & { id?: number }> {
  /** tree[node] is the largest end among the items under that node; leaves start at `leaves`. */
  private readonly tree: Float64Array
  private readonly leaves: number
  /** The last id looked up, and where: a Map of every id would cost more per edit than the scans it saves. */
  private lastId: { id: number; index: number } | null = null

  constructor(readonly items: readonly T[]) {
    let leaves = 1
    while (leaves < items.length) leaves *= 2
    this.leaves = leaves
    this.tree = new Float64Array(2 * leaves).fill(-1)
    for (let i = 0; i < items.length; i++) this.tree[leaves + i] = items[i].end
    for (let node = leaves - 1; node >= 1; node--) this.tree[node] = Math.max(this.tree[2 * node], this.tree[2 * node + 1])
  }

  /** Index of the first item starting at or after an offset (items.length when none). */
  firstStartingAt(offset: number): number {
    return lowerBound(this.items.length, (i) => this.items[i].start < offset)
  }

  /** Items with start < end and end > start, in text order. */
  overlapping(start: number, end: number): T[] {
    const found: T[] = []
    const limit = this.firstStartingAt(end)
    if (limit > 0) this.collect(1, 0, this.leaves, limit, start, found)
    return found
  }

  /** Items covering a code point (start ≤ offset < end), in text order. */
  covering(offset: number): T[] {
    return this.overlapping(offset, offset + 1)
  }

  /** Position of the item with an id (a span) in text order, or -1. */
  indexOf(id: number): number {
    if (this.lastId?.id !== id) this.lastId = { id, index: this.items.findIndex((s) => s.id === id) }
    return this.lastId.index
  }

  byId(id: number): T | null {
    const index = this.indexOf(id)
    return index < 0 ? null : this.items[index]
  }

  private collect(node: number, from: number, to: number, limit: number, after: number, found: T[]): void {
    if (from >= limit || this.tree[node] <= after) return
    if (node >= this.leaves) {
      found.push(this.items[from])
      return
    }
    const mid = (from + to) >>> 1
    this.collect(2 * node, from, mid, limit, after, found)
    this.collect(2 * node + 1, mid, to, limit, after, found)
  }
}

// A memo of a pure function of an immutable array (the store replaces arrays, never changes them): keyed weakly by
// the array itself, it holds nothing a second store could see, and goes with the array. One index per array, so the
// selection, the keys and the painter of one spans array share one tree.
const indexes = new WeakMap<readonly Stretch[], RangeIndex<Stretch>>()

/** The index of an array of stretches in text order (spans, comparisons), built once per array. */
export function rangeIndexOf<T extends Stretch>(items: readonly T[]): RangeIndex<T> {
  let index = indexes.get(items) as RangeIndex<T> | undefined
  if (!index) indexes.set(items, (index = new RangeIndex(items)))
  return index
}

/** The index of a spans array: by position, and by id. */
export function spanIndexOf(spans: readonly Span[]): RangeIndex<Span> {
  return rangeIndexOf(spans)
}
