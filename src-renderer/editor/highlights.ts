// Spans are painted with the CSS Custom Highlight API, never wrapped in elements: one Highlight per label,
// so overlapping spans blend their translucent colours, plus one for the selected span and one for the pending selection.
import type { Label, Span } from '../../src-main/shared/model'
import { renderedLines, visibleRange } from './domOffsets'
import { spanIndexOf } from './spanIndex'
import { lineEnd, type TextLines } from './textModel'

const LABEL_PREFIX = 'label-'
const SELECTED_HIGHLIGHT = 'span-selected'
const PENDING_HIGHLIGHT = 'pending-selection'
const FIND_HIGHLIGHT = 'find-hit'
const FALLBACK_COLOR = '#94a3b8'

/** Absent where the API is (component tests on a fake DOM): the text then simply shows unpainted. */
function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined' ? CSS.highlights : null
}

function labelHighlightName(label: string): string {
  return LABEL_PREFIX + label
}

/** A label colour as given, unless it is not a CSS colour: label names and colours arrive with imported data. */
export function safeColor(color: string): string {
  return typeof CSS !== 'undefined' && CSS.supports('color', color) ? color : FALLBACK_COLOR
}

/** One `::highlight()` rule per label, translucent so that overlapping spans stay visible. */
export function highlightStyles(labels: readonly Label[]): string {
  if (typeof CSS === 'undefined') return ''
  return labels
    .map((l) => `::highlight(${CSS.escape(labelHighlightName(l.name))}) { background-color: color-mix(in srgb, ${safeColor(l.color)} 36%, transparent); }`)
    .join('\n')
}

function paintOne(highlights: HighlightRegistry, name: string, range: StaticRange | null, priority: number): void {
  if (!range) {
    highlights.delete(name)
    return
  }
  const highlight = new Highlight(range)
  highlight.priority = priority
  highlights.set(name, highlight)
}

export function clearHighlights(): void {
  const highlights = registry()
  if (!highlights) return
  for (const name of [...highlights.keys()]) {
    if (name.startsWith(LABEL_PREFIX) || name === SELECTED_HIGHLIGHT || name === PENDING_HIGHLIGHT || name === FIND_HIGHLIGHT) {
      highlights.delete(name)
    }
  }
}

/**
 * Paints what is on the rendered lines of the virtual article, and keeps it painted as spans change: a span
 * whose object is unchanged keeps its range, so an edit touches one range, not every span on screen.
 * When other lines are rendered (scrolling), the ranges are built again for those lines only.
 */
export class VisiblePainter {
  private readonly byLabel = new Map<string, Highlight>()
  private readonly painted = new Map<number, { span: Span; name: string; range: StaticRange }>()
  private rendered = ''

  paint(
    root: HTMLElement,
    lines: TextLines,
    spans: readonly Span[],
    marks: { selected: Pick<Span, 'start' | 'end'> | null; pending: { start: number; end: number } | null; hits: { starts: number[]; ends: number[] } },
  ): void {
    const highlights = registry()
    if (!highlights) return
    const { first, last } = renderedLines(root, lines)
    const window = `${first}:${last}:${lines.starts.length}`
    if (window !== this.rendered) {
      // Other lines, other text nodes: every range is built again.
      for (const highlight of this.byLabel.values()) highlight.clear()
      this.painted.clear()
      this.rendered = window
    }
    const from = lines.map.toCodePoint(lines.starts[first])
    const to = lines.map.toCodePoint(lineEnd(lines, last))
    const seen = new Set<number>()
    for (const span of spanIndexOf(spans).overlapping(from, Math.max(to, from + 1))) {
      seen.add(span.id)
      const old = this.painted.get(span.id)
      if (old?.span === span) continue
      if (old) this.byLabel.get(old.name)?.delete(old.range)
      const range = visibleRange(root, lines, span.start, span.end)
      if (!range) continue
      const name = labelHighlightName(span.label)
      this.labelHighlight(highlights, name).add(range)
      this.painted.set(span.id, { span, name, range })
    }
    for (const [id, old] of this.painted) {
      if (seen.has(id)) continue
      this.byLabel.get(old.name)?.delete(old.range)
      this.painted.delete(id)
    }
    const clip = (mark: { start: number; end: number } | null) => mark && visibleRange(root, lines, mark.start, mark.end)
    paintOne(highlights, SELECTED_HIGHLIGHT, clip(marks.selected), 1)
    paintOne(highlights, PENDING_HIGHLIGHT, clip(marks.pending), 3)
    paintHits(highlights, root, lines, marks.hits, from, to)
  }

  /** Forgets every range, e.g. when the label set changed. */
  reset(): void {
    this.rendered = ''
  }

  private labelHighlight(highlights: HighlightRegistry, name: string): Highlight {
    let highlight = this.byLabel.get(name)
    if (!highlight) {
      highlight = new Highlight()
      this.byLabel.set(name, highlight)
    }
    // Another view may have replaced or removed it: make sure ours is the one shown.
    if (highlights.get(name) !== highlight) highlights.set(name, highlight)
    return highlight
  }
}

/** Find hits on the rendered lines; hits are in text order, so the ones on screen are found by binary search. */
function paintHits(highlights: HighlightRegistry, root: HTMLElement, lines: TextLines, hits: { starts: number[]; ends: number[] }, from: number, to: number): void {
  if (hits.starts.length === 0) {
    highlights.delete(FIND_HIGHLIGHT)
    return
  }
  let lo = 0
  let hi = hits.ends.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (hits.ends[mid] <= from) lo = mid + 1
    else hi = mid
  }
  const highlight = new Highlight()
  highlight.priority = 2
  for (let i = lo; i < hits.starts.length && hits.starts[i] < to; i++) {
    const range = visibleRange(root, lines, hits.starts[i], hits.ends[i])
    if (range) highlight.add(range)
  }
  highlights.set(FIND_HIGHLIGHT, highlight)
}
