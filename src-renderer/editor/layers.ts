// What the surface paints, in layers, with the CSS Custom Highlight API (never wrapping the text in elements).
//
// A layer is a list of items in text order, each a stretch of text drawn in one named highlight. The surface asks
// every layer for the items on the rendered lines and paints them; an item that is the same object as last time
// keeps its range, so an edit touches one range, not every span on screen. To add a layer (suggestions, relations):
// write a function that returns a PaintLayer, give it highlight names of its own and their ::highlight() rules
// (`styles`, or a stylesheet), and pass it to the surface among its `layers`. The surface itself does not change.
import type { Label, Span } from '../../src-main/shared/model'
import { visibleRange } from './domOffsets'
import { hitEndingAfter, type Hits } from './findHits'
import { rangeIndexOf, type Stretch } from './rangeIndex'
import { lineEnd, type TextLines } from './textModel'

export interface PaintLayer<T extends object = object> {
  /** Names the layer; each layer's ranges are kept apart. */
  id: string
  /** The items overlapping from…to (code points), in any order. */
  visible(from: number, to: number): Iterable<T>
  range(item: T): Stretch
  /** The highlight an item is drawn in: a name no other layer uses, styled by a ::highlight() rule. */
  highlight(item: T): string
  /** Where highlights overlap, the higher priority is drawn on top. */
  priority(highlight: string): number
  /** ::highlight() rules the layer brings with it, such as one colour per label. */
  styles?: string
}

/** A layer of items in text order (spans, comparisons), found on screen through their range index. */
export function sortedLayer<T extends Stretch>(
  id: string,
  items: readonly T[],
  highlight: (item: T) => string,
  priority: (highlight: string) => number,
  styles?: string,
): PaintLayer<T> {
  return {
    id,
    visible: (from, to) => rangeIndexOf(items).overlapping(from, Math.max(to, from + 1)),
    range: (item) => item,
    highlight,
    priority,
    styles,
  }
}

/** A few marks (the selection, the selected span, the current comparison), each in its own highlight. */
export function marksLayer(id: string, marks: ReadonlyArray<{ highlight: string; range: Stretch | null; priority: number }>): PaintLayer<Stretch & { name: string }> {
  const items = marks.flatMap((m) => (m.range && m.range.end > m.range.start ? [{ start: m.range.start, end: m.range.end, name: m.highlight }] : []))
  const priorities = new Map(marks.map((m) => [m.highlight, m.priority]))
  return {
    id,
    visible: (from, to) => items.filter((m) => m.start < to && m.end > from),
    range: (item) => item,
    highlight: (item) => item.name,
    priority: (name) => priorities.get(name) ?? 0,
  }
}

/** The selection as both views draw it: the pending selection and the selected span. */
export function selectionLayer(pending: Stretch | null, selected: Stretch | null): PaintLayer {
  return marksLayer('selection', [
    { highlight: 'span-selected', range: selected, priority: 4 },
    { highlight: 'pending-selection', range: pending, priority: 6 },
  ])
}

const LABEL_PREFIX = 'label-'
const FALLBACK_COLOR = '#94a3b8'

export function labelHighlightName(label: string): string {
  return LABEL_PREFIX + label
}

/** A label colour as given, unless it is not a CSS colour: label names and colours arrive with imported data. */
export function safeColor(color: string): string {
  return typeof CSS !== 'undefined' && CSS.supports('color', color) ? color : FALLBACK_COLOR
}

/** One `::highlight()` rule per label, translucent so that overlapping spans stay visible. */
export function labelStyles(labels: readonly Label[]): string {
  if (typeof CSS === 'undefined') return ''
  return labels
    .map((l) => `::highlight(${CSS.escape(labelHighlightName(l.name))}) { background-color: color-mix(in srgb, ${safeColor(l.color)} 36%, transparent); }`)
    .join('\n')
}

/** Spans in their label's colour: one highlight per label, so overlapping spans blend. */
export function spansLayer(spans: readonly Span[], styles: string): PaintLayer<Span> {
  return sortedLayer('spans', spans, (span) => labelHighlightName(span.label), () => 0, styles)
}

const SUGGESTION_PREFIX = 'suggestion-'
/** The suggestion at the caret, or the one `s` stepped to. */
export const CURRENT_SUGGESTION = 'suggestion-current'

export function suggestionHighlightName(label: string): string {
  return SUGGESTION_PREFIX + label
}

/**
 * Suggestions are proposals, not spans: a dashed underline in the label's colour and never a fill, so they cannot
 * be taken for spans (a fill); the current one is underlined in a thick dark double line over it.
 */
export function suggestionStyles(labels: readonly Label[]): string {
  if (typeof CSS === 'undefined') return ''
  const perLabel = labels.map((l) => `::highlight(${CSS.escape(suggestionHighlightName(l.name))}) { text-decoration: underline dashed 2px ${safeColor(l.color)}; }`)
  // A suggestion of a label the set no longer has still shows, in the fallback colour.
  return [`::highlight(${CSS.escape(suggestionHighlightName(''))}) { text-decoration: underline dashed 2px ${FALLBACK_COLOR}; }`, ...perLabel].join('\n')
}

/** Suggestions in text order, each in its label's dashed highlight (labels not in the set share the fallback one). */
export function suggestionsLayer<T extends Stretch & { label: string }>(suggestions: readonly T[], labels: readonly Label[], styles: string): PaintLayer<T> {
  const known = new Set(labels.map((l) => l.name))
  return sortedLayer('suggestions', suggestions, (s) => suggestionHighlightName(known.has(s.label) ? s.label : ''), () => 1, styles)
}

/** Absent on a DOM without the API (component tests): the text then shows unpainted. */
function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined' ? CSS.highlights : null
}

interface PaintedItem {
  highlight: string
  range: StaticRange
}

/** Paints layers on the rendered lines, and keeps them painted as they change. One per surface. */
export class LayerPainter {
  private readonly highlights = new Map<string, Highlight>()
  private readonly painted = new Map<string, Map<object, PaintedItem>>()
  private rendered = ''

  paint(root: HTMLElement, lines: TextLines, first: number, last: number, layers: readonly PaintLayer[]): void {
    const registered = registry()
    if (!registered) return
    const window = `${first}:${last}:${lines.starts.length}`
    if (window !== this.rendered) {
      // Other lines, other text nodes: every range is built again.
      for (const highlight of this.highlights.values()) highlight.clear()
      this.painted.clear()
      this.rendered = window
    }
    const from = lines.map.toCodePoint(lines.starts[first])
    const to = lines.map.toCodePoint(lineEnd(lines, last))
    const shown = new Set<string>()
    for (const layer of layers) {
      shown.add(layer.id)
      let items = this.painted.get(layer.id)
      if (!items) this.painted.set(layer.id, (items = new Map()))
      const seen = new Set<object>()
      for (const item of layer.visible(from, to)) {
        seen.add(item)
        const old = items.get(item)
        if (old) continue
        const { start, end } = layer.range(item)
        const range = visibleRange(root, lines, start, end)
        if (!range) continue
        const highlight = layer.highlight(item)
        this.highlightNamed(registered, highlight, layer.priority(highlight)).add(range)
        items.set(item, { highlight, range })
      }
      for (const [item, old] of items) {
        if (seen.has(item)) continue
        this.highlights.get(old.highlight)?.delete(old.range)
        items.delete(item)
      }
    }
    for (const [id, items] of this.painted) {
      if (shown.has(id)) continue
      for (const old of items.values()) this.highlights.get(old.highlight)?.delete(old.range)
      this.painted.delete(id)
    }
  }

  /** Forgets every range: the next paint builds them again. */
  reset(): void {
    this.rendered = ''
  }

  /** Takes this surface's highlights off the page. */
  clear(): void {
    const registered = registry()
    for (const [name, highlight] of this.highlights) if (registered?.get(name) === highlight) registered.delete(name)
    this.highlights.clear()
    this.painted.clear()
    this.rendered = ''
  }

  private highlightNamed(registered: HighlightRegistry, name: string, priority: number): Highlight {
    let highlight = this.highlights.get(name)
    if (!highlight) {
      highlight = new Highlight()
      this.highlights.set(name, highlight)
    }
    // Setting it repaints every range of the highlight, so only when it changes.
    if (highlight.priority !== priority) highlight.priority = priority
    // Another surface may have replaced or removed it: make sure ours is the one shown.
    if (registered.get(name) !== highlight) registered.set(name, highlight)
    return highlight
  }
}

/** Find hits: hits are in text order, so the ones on screen are found by binary search. */
export function findLayer(hits: Hits): PaintLayer<Stretch> {
  return {
    id: 'find',
    visible: (from, to) => {
      const shown: Stretch[] = []
      for (let i = hitEndingAfter(hits, from); i < hits.starts.length && hits.starts[i] < to; i++) shown.push({ start: hits.starts[i], end: hits.ends[i] })
      return shown
    },
    range: (item) => item,
    highlight: () => 'find-hit',
    priority: () => 2,
  }
}
