// Heights of the article's lines (paragraphs) for virtual scrolling: estimated from their length until they are
// rendered once, then measured. Tops are prefix sums, refreshed lazily from the first line that changed.
import { lowerBound } from '../../src-main/shared/lowerBound'

export interface LineMetrics {
  /** Height of one row of text, in px. */
  rowHeight: number
  /** How many characters fit in one row. */
  charsPerRow: number
}

export class LineHeights {
  private readonly heights: Float64Array
  private readonly measured: Uint8Array
  private readonly tops: Float64Array
  /** tops[i] is correct for every i ≤ this. */
  private valid = 0

  constructor(
    private readonly lengths: readonly number[],
    private metrics: LineMetrics,
  ) {
    this.heights = new Float64Array(lengths.length)
    this.measured = new Uint8Array(lengths.length)
    this.tops = new Float64Array(lengths.length + 1)
    this.reestimate(metrics)
  }

  get count(): number {
    return this.lengths.length
  }

  /** New metrics (a new width or font): every line goes back to an estimate until measured again. */
  reestimate(metrics: LineMetrics): void {
    this.metrics = metrics
    this.measured.fill(0)
    for (let i = 0; i < this.lengths.length; i++) this.heights[i] = this.estimate(i)
    this.valid = 0
  }

  isMeasured(index: number): boolean {
    return this.measured[index] === 1
  }

  /** Records a measured height; true when it differs from what was assumed. */
  measure(index: number, height: number): boolean {
    this.measured[index] = 1
    if (Math.abs(this.heights[index] - height) < 0.01) return false
    this.heights[index] = height
    this.valid = Math.min(this.valid, index)
    return true
  }

  /** Distance from the top of the first line to the top of line `index` (index = count gives the total). */
  top(index: number): number {
    if (index > this.valid) {
      for (let i = this.valid; i < index; i++) this.tops[i + 1] = this.tops[i] + this.heights[i]
      this.valid = index
    }
    return this.tops[index]
  }

  total(): number {
    return this.top(this.lengths.length)
  }

  /** The line at a distance from the top (clamped to the lines there are). */
  lineAt(y: number): number {
    const total = this.total()
    if (y >= total) return Math.max(0, this.lengths.length - 1)
    return Math.max(0, lowerBound(this.lengths.length, (i) => this.tops[i] <= y) - 1)
  }

  private estimate(index: number): number {
    const rows = Math.max(1, Math.ceil(this.lengths[index] / Math.max(1, this.metrics.charsPerRow)))
    return rows * this.metrics.rowHeight
  }
}
