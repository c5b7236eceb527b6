// DOM points ↔ offsets. Each line element holds one text node (then its marks, which hold no text), so a DOM point
// is its line's start plus an offset in that node (UTF-16); OffsetMap alone turns those into code points and back. In the virtual article only the
// lines near the viewport are elements: `root` then has `data-first` and a spacer before and after them.
import { lineEnd, lineIndexAt, type TextLines } from './textModel'

/** The element of line `index`, or null when it is not rendered. */
export function lineElement(root: HTMLElement, index: number): HTMLElement | null {
  const first = root.dataset.first
  // Without data-first every line is rendered, one child each.
  const element = (first === undefined ? root.children[index] : root.children[1 + index - Number(first)]) as HTMLElement | undefined
  return element && element.dataset.line === String(index) ? element : first === undefined ? (element ?? null) : null
}

/** The first and last rendered line. */
export function renderedLines(root: HTMLElement, lines: TextLines): { first: number; last: number } {
  const first = root.dataset.first === undefined ? 0 : Number(root.dataset.first)
  const last = root.dataset.last === undefined ? lines.starts.length - 1 : Number(root.dataset.last)
  return { first, last }
}

const measuring = new WeakMap<Document, Range>()

/**
 * A live range over the given boundaries, to measure or compare at once: one per document, reused by every
 * measure. A document updates each live range on every change to its DOM until the range is garbage collected, so
 * a range made per measure (thousands, as marks are drawn) once made removing a list row cost milliseconds.
 */
export function liveRange(startContainer: Node, startOffset: number, endContainer: Node = startContainer, endOffset: number = startOffset): Range {
  const owner = startContainer.ownerDocument ?? (startContainer as Document)
  let range = measuring.get(owner)
  if (!range) measuring.set(owner, (range = owner.createRange()))
  range.setStart(startContainer, startOffset)
  range.setEnd(endContainer, endOffset)
  return range
}

/** UTF-16 offset of a DOM point such as a caret hit; a point outside the lines element clamps to the text's ends. */
export function utf16AtDomPoint(root: HTMLElement, lines: TextLines, node: Node, offset: number): number {
  const side = liveRange(root, 0, root, root.childNodes.length).comparePoint(node, offset)
  if (side < 0) return 0
  if (side > 0) return lines.map.utf16Length
  const { first, last } = renderedLines(root, lines)
  if (node === root) {
    const next = root.children[offset] as HTMLElement | undefined
    if (next?.dataset.line !== undefined) return lines.starts[Number(next.dataset.line)]
    return offset === 0 ? lines.starts[first] : lineEnd(lines, last)
  }
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  const line = element?.closest<HTMLElement>('[data-start]')
  // Inside a spacer: the nearest rendered text.
  if (!line || !root.contains(line)) return element?.closest('[data-spacer="after"]') ? lineEnd(lines, last) : lines.starts[first]
  const start = Number(line.dataset.start)
  if (node.nodeType === Node.TEXT_NODE) return start + offset
  // A point on the line element itself counts children: before or after its one text node.
  return start + (offset === 0 ? 0 : (line.textContent ?? '').length)
}

/** The DOM point of a UTF-16 offset, or null when its line is not rendered. */
export function renderedPointAt(root: HTMLElement, lines: TextLines, utf16: number): { node: Node; offset: number } | null {
  const index = lineIndexAt(lines, utf16)
  const line = lineElement(root, index)
  if (!line) return null
  // An empty line has no text node: the point is on the line element, before its marks.
  const text = line.firstChild?.nodeType === Node.TEXT_NODE ? line.firstChild : null
  return text ? { node: text, offset: utf16 - lines.starts[index] } : { node: line, offset: 0 }
}

/** The DOM point of a UTF-16 offset: in the line's text node, or on the line element when the line is empty. */
export function domPointAt(root: HTMLElement, lines: TextLines, utf16: number): { node: Node; offset: number } {
  const point = renderedPointAt(root, lines, utf16)
  if (!point) throw new RangeError(`offset ${utf16} is on a line that is not rendered`)
  return point
}

/** False on a DOM without layout (jsdom in component tests): the caret and scrolling then stay put. */
export function canMeasure(): boolean {
  return typeof Range !== 'undefined' && typeof Range.prototype.getClientRects === 'function'
}

/** A range between UTF-16 offsets, live so it can be measured. */
export function measurableRange(root: HTMLElement, lines: TextLines, start: number, end: number): Range {
  const from = domPointAt(root, lines, start)
  const to = domPointAt(root, lines, end)
  return liveRange(from.node, from.offset, to.node, to.offset)
}

/**
 * The part of a code-point range on rendered lines, for painting; null when none of it is.
 * The virtual article paints only this: what is off screen is painted when it scrolls in.
 */
export function visibleRange(root: HTMLElement, lines: TextLines, start: number, end: number): StaticRange | null {
  const { first, last } = renderedLines(root, lines)
  const { map } = lines
  const from = Math.max(map.toUtf16(start), lines.starts[first])
  const to = Math.min(map.toUtf16(end), lineEnd(lines, last))
  if (from >= to) return null
  const a = renderedPointAt(root, lines, from)
  const b = renderedPointAt(root, lines, to)
  if (!a || !b) return null
  return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset })
}

/**
 * The window selection as code points, anchor and focus kept apart so the caret lands where the drag ended.
 * The start snaps back and the end forward, so a surrogate pair is never split. Null when nothing is selected.
 */
export function selectionInText(root: HTMLElement, lines: TextLines, selection: Selection): { anchor: number; focus: number } | null {
  if (!selection.anchorNode || !selection.focusNode) return null
  const anchor = utf16AtDomPoint(root, lines, selection.anchorNode, selection.anchorOffset)
  const focus = utf16AtDomPoint(root, lines, selection.focusNode, selection.focusOffset)
  if (anchor === focus) return null
  const backwards = focus < anchor
  return {
    anchor: lines.map.toCodePoint(anchor, backwards ? 'after' : 'before'),
    focus: lines.map.toCodePoint(focus, backwards ? 'before' : 'after'),
  }
}
