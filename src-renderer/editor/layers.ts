// What the surface paints, in layers: marks drawn behind the text (never wrapping the text in elements).
//
// A layer is a list of items in text order, each a stretch of text drawn in one named highlight. The surface asks
// every layer for the items on the rendered lines and paints them; an item that is the same object as last time
// keeps its mark, and a layer that is the same object as last time is not looked at, so an edit touches one mark,
// not every span on screen. To add a layer (suggestions, relations): write a function that returns a PaintLayer,
// give it highlight names of its own and their rules (`markRule`, in `styles` or a stylesheet), and pass it to
// the surface among its `layers`. The surface itself does not change.
import type { Label, Span } from '../../src-main/shared/model'
import { canMeasure, lineElement, liveRange } from './domOffsets'
import { hitEndingAfter, type Hits } from './findHits'
import { rangeIndexOf, type Stretch } from './rangeIndex'
import { lineEnd, lineIndexAt, type TextLines } from './textModel'

export interface PaintLayer<T extends object = object> {
  /** Names the layer; each layer's ranges are kept apart. */
  id: string
  /** The items overlapping from…to (code points), in any order. */
  visible(from: number, to: number): Iterable<T>
  range(item: T): Stretch
  /** The highlight an item is drawn in: a name no other layer uses, styled by a markRule(). */
  highlight(item: T): string
  /** Where highlights overlap, the higher priority is drawn on top. */
  priority(highlight: string): number
  /** markRule()s the layer brings with it, such as one colour per label. */
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

/**
 * The rule that styles a highlight's marks: the boxes behind each row of an item, as tall as the text. A fill is a
 * background; an underline is a bottom border (`border-bottom: 2px dashed …`), drawn at the foot of the text.
 * Stylesheets write the same selector by hand: `.line-marks > [data-mark='find-hit'] > i`.
 */
export function markRule(highlight: string, declarations: string): string {
  return `.line-marks > [data-mark=${CSS.escape(highlight)}] > i { ${declarations} }`
}

/** One rule per label, translucent so that overlapping spans stay visible. */
export function labelStyles(labels: readonly Label[]): string {
  if (typeof CSS === 'undefined') return ''
  return labels.map((l) => markRule(labelHighlightName(l.name), `background-color: color-mix(in srgb, ${safeColor(l.color)} 36%, transparent);`)).join('\n')
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
  const perLabel = labels.map((l) => markRule(suggestionHighlightName(l.name), `border-bottom: 2px dashed ${safeColor(l.color)};`))
  // A suggestion of a label the set no longer has still shows, in the fallback colour.
  return [markRule(suggestionHighlightName(''), `border-bottom: 2px dashed ${FALLBACK_COLOR};`), ...perLabel].join('\n')
}

/** Suggestions in text order, each in its label's dashed highlight (labels not in the set share the fallback one). */
export function suggestionsLayer<T extends Stretch & { label: string }>(suggestions: readonly T[], labels: readonly Label[], styles: string): PaintLayer<T> {
  const known = new Set(labels.map((l) => l.name))
  return sortedLayer('suggestions', suggestions, (s) => suggestionHighlightName(known.has(s.label) ? s.label : ''), () => 1, styles)
}

/** A drawn row of an item, in its line's box (px). */
interface Row {
  left: number
  top: number
  width: number
  height: number
}

/** What one line shows: per layer, the mark element of each item drawn on it. */
type LineMarks = Map<string, Map<object, HTMLElement>>

interface PaintArgs {
  root: HTMLElement
  lines: TextLines
  first: number
  last: number
  layers: readonly PaintLayer[]
}

interface Wanted {
  line: HTMLElement
  marks: Map<object, HTMLElement>
  item: object
  highlight: string
  priority: number
  start: number
  end: number
  key: string
}

/**
 * Paints layers on the rendered lines, and keeps them painted as they change. One per surface.
 *
 * Each item is drawn as a mark: an element with a box per row of its text, placed behind the text in its line's
 * `.line-marks` (never around the text, which stays one text node per line). Not the CSS Custom Highlight API:
 * Chromium rebuilds and repaints every highlighted range on any change to the page's DOM, so a side list or the
 * status line changing cost a repaint of all the text on screen (4–11 ms a frame, measured). A mark changes only
 * its own few pixels. Marks are placed in their line's coordinates, so scrolling, and lines rendered above or below,
 * never move them; a new width (re-wrapped rows) measures them again (`remeasure`).
 */
export class LayerPainter {
  private readonly painted = new WeakMap<HTMLElement, LineMarks>()
  /** The layers as last painted: a layer given again as the same object has not changed. */
  private shown = new Map<string, PaintLayer>()
  private window = ''
  private last: PaintArgs | null = null

  paint(root: HTMLElement, lines: TextLines, first: number, last: number, layers: readonly PaintLayer[]): void {
    const previous = this.last
    this.last = { root, lines, first, last, layers }
    if (!canMeasure()) return
    if (previous && previous.lines !== lines) this.wipe(previous)
    const window = `${first}:${last}`
    const moved = window !== this.window
    this.window = window
    const rendered = renderedMarks(root, lines, first, last, this.painted)
    if (rendered.size === 0) return
    const { map } = lines
    const from = map.toCodePoint(lines.starts[first])
    const to = map.toCodePoint(lineEnd(lines, last))
    const wanted: Wanted[] = []
    /** Marks no longer wanted, by what they show: an item replaced by an equal one (a saved span) keeps its mark. */
    const spare = new Map<string, HTMLElement>()
    const given = new Set(layers.map((l) => l.id))
    for (const { marks } of rendered.values())
      for (const [id, items] of marks) {
        if (given.has(id)) continue
        for (const mark of items.values()) mark.remove()
        marks.delete(id)
      }
    for (const layer of layers) {
      if (!moved && this.shown.get(layer.id) === layer) continue
      const seen = new Set<HTMLElement>()
      for (const item of layer.visible(from, to)) {
        const { start, end } = layer.range(item)
        if (end <= start) continue
        const highlight = layer.highlight(item)
        const a = Math.max(first, lineIndexAt(lines, map.toUtf16(start)))
        const b = Math.min(last, lineIndexAt(lines, map.toUtf16(end) - 1))
        for (let index = a; index <= b; index++) {
          const line = rendered.get(index)
          if (!line) continue
          let items = line.marks.get(layer.id)
          if (!items) line.marks.set(layer.id, (items = new Map()))
          const old = items.get(item)
          if (old) {
            seen.add(old)
            continue
          }
          wanted.push({ line: line.element, marks: items, item, highlight, priority: layer.priority(highlight), start, end, key: markKey(layer.id, index, highlight, start, end) })
        }
      }
      for (const [index, line] of rendered) {
        const items = line.marks.get(layer.id)
        if (!items) continue
        for (const [item, mark] of items) {
          if (seen.has(mark)) continue
          items.delete(item)
          spare.set(markKey(layer.id, index, mark.dataset.mark, mark.dataset.start, mark.dataset.end), mark)
        }
      }
    }
    this.shown = new Map(layers.map((l) => [l.id, l]))
    // Every measure first, then every write: one layout for all of them.
    const boxes = new Map<HTMLElement, DOMRect>()
    const drawn: Array<{ want: Wanted; rows: Row[] }> = []
    for (const want of wanted) {
      const reused = spare.get(want.key)
      if (reused) {
        spare.delete(want.key)
        want.marks.set(want.item, reused)
        continue
      }
      drawn.push({ want, rows: rowsOf(want.line, lines, want.start, want.end, boxes) })
    }
    for (const mark of spare.values()) mark.remove()
    for (const { want, rows } of drawn) {
      const mark = markElement(want, rows)
      marksOf(want.line)?.appendChild(mark)
      want.marks.set(want.item, mark)
    }
  }

  /** Draws every mark again, from the last layers given: the text was re-wrapped (a new width, a font loaded). */
  remeasure(): void {
    const last = this.last
    if (!last) return
    this.wipe(last)
    this.paint(last.root, last.lines, last.first, last.last, last.layers)
  }

  /** Forgets the surface and takes its marks off the lines. */
  clear(): void {
    if (this.last) this.wipe(this.last)
    this.last = null
  }

  /** Takes every mark off the lines last painted: the next paint draws them all again. */
  private wipe({ root, first, last }: PaintArgs): void {
    for (let index = first; index <= last; index++) {
      const line = lineElement(root, index)
      if (!line) continue
      marksOf(line)?.replaceChildren()
      this.painted.delete(line)
    }
    this.window = ''
    this.shown.clear()
  }
}

/** The rendered lines with their marks, by line index. */
function renderedMarks(root: HTMLElement, lines: TextLines, first: number, last: number, painted: WeakMap<HTMLElement, LineMarks>): Map<number, { element: HTMLElement; marks: LineMarks }> {
  const found = new Map<number, { element: HTMLElement; marks: LineMarks }>()
  for (let index = first; index <= last && index < lines.starts.length; index++) {
    const element = lineElement(root, index)
    const container = element && marksOf(element)
    if (!element || !container) continue
    let marks = painted.get(element)
    if (!marks) painted.set(element, (marks = new Map()))
    found.set(index, { element, marks })
  }
  return found
}

/** What a mark shows where: a mark no longer wanted is kept for a new item with the same key. */
function markKey(layer: string, line: number, highlight: string | undefined, start: number | string | undefined, end: number | string | undefined): string {
  return `${layer}\u0000${line}\u0000${highlight}\u0000${start}\u0000${end}`
}

/** A line's mark container: the element the surface renders after its text. */
export function marksOf(line: HTMLElement): HTMLElement | null {
  const last = line.lastElementChild
  return last instanceof HTMLElement && last.classList.contains('line-marks') ? last : null
}

/** The rows of code points start…end on one line, in the line's box; none for a part off this line. */
function rowsOf(line: HTMLElement, lines: TextLines, start: number, end: number, boxes: Map<HTMLElement, DOMRect>): Row[] {
  const text = line.firstChild
  if (!text || text.nodeType !== Node.TEXT_NODE) return []
  const lineStart = Number(line.dataset.start)
  const length = (text as Text).length
  const from = Math.max(0, lines.map.toUtf16(start) - lineStart)
  const to = Math.min(length, lines.map.toUtf16(end) - lineStart)
  if (from >= to) return []
  const range = liveRange(text, from, text, to)
  let box = boxes.get(line)
  if (!box) boxes.set(line, (box = line.getBoundingClientRect()))
  const rows: Row[] = []
  for (const rect of range.getClientRects()) {
    if (rect.width === 0) continue
    rows.push({ left: rect.left - box.left, top: rect.top - box.top, width: rect.width, height: rect.height })
  }
  return rows
}

function markElement(want: Wanted, rows: readonly Row[]): HTMLElement {
  const mark = document.createElement('span')
  mark.dataset.mark = want.highlight
  mark.dataset.start = String(want.start)
  mark.dataset.end = String(want.end)
  for (const row of rows) {
    const box = document.createElement('i')
    box.style.cssText = `left:${row.left}px;top:${row.top}px;width:${row.width}px;height:${row.height}px;z-index:${want.priority}`
    mark.appendChild(box)
  }
  return mark
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
