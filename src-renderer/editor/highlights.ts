// Spans are painted with the CSS Custom Highlight API, never wrapped in elements: one Highlight per label,
// so overlapping spans blend their translucent colours, plus one for the selected span and one for the pending selection.
import type { Label, Span } from '../../src-main/shared/model'
import { paintableRange } from './domOffsets'
import type { TextLines } from './textModel'

const LABEL_PREFIX = 'label-'
const SELECTED_HIGHLIGHT = 'span-selected'
const PENDING_HIGHLIGHT = 'pending-selection'
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

export function paintSpans(root: HTMLElement, lines: TextLines, spans: readonly Span[]): void {
  const highlights = registry()
  if (!highlights) return
  const byLabel = new Map<string, StaticRange[]>()
  for (const span of spans) {
    const name = labelHighlightName(span.label)
    let ranges = byLabel.get(name)
    if (!ranges) byLabel.set(name, (ranges = []))
    ranges.push(paintableRange(root, lines, span.start, span.end))
  }
  for (const name of [...highlights.keys()]) {
    if (name.startsWith(LABEL_PREFIX) && !byLabel.has(name)) highlights.delete(name)
  }
  for (const [name, ranges] of byLabel) highlights.set(name, new Highlight(...ranges))
}

export function paintSelection(
  root: HTMLElement,
  lines: TextLines,
  selected: Pick<Span, 'start' | 'end'> | null,
  pending: { start: number; end: number } | null,
): void {
  const highlights = registry()
  if (!highlights) return
  paintOne(highlights, SELECTED_HIGHLIGHT, selected && paintableRange(root, lines, selected.start, selected.end), 1)
  paintOne(highlights, PENDING_HIGHLIGHT, pending && paintableRange(root, lines, pending.start, pending.end), 2)
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
    if (name.startsWith(LABEL_PREFIX) || name === SELECTED_HIGHLIGHT || name === PENDING_HIGHLIGHT) highlights.delete(name)
  }
}
