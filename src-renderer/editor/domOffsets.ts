// DOM points ↔ offsets. Each line element holds one text node, so a DOM point is its line's start plus an offset
// in that node (UTF-16); OffsetMap alone turns those into code points and back.
import { lineIndexAt, type TextLines } from './textModel'

/** UTF-16 offset of a DOM point such as a selection end; a point outside the lines element clamps to the text's ends. */
export function utf16AtDomPoint(root: HTMLElement, lines: TextLines, node: Node, offset: number): number {
  const whole = document.createRange()
  whole.selectNodeContents(root)
  const side = whole.comparePoint(node, offset)
  if (side < 0) return 0
  if (side > 0) return lines.map.utf16Length
  if (node === root) return offset < lines.starts.length ? lines.starts[offset] : lines.map.utf16Length
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  const line = element?.closest<HTMLElement>('[data-start]')
  if (!line) return 0
  const start = Number(line.dataset.start)
  if (node.nodeType === Node.TEXT_NODE) return start + offset
  // A point on the line element itself counts children: before or after its one text node.
  return start + (offset === 0 ? 0 : (line.textContent ?? '').length)
}

/** The DOM point of a UTF-16 offset: in the line's text node, or on the line element when the line is empty. */
export function domPointAt(root: HTMLElement, lines: TextLines, utf16: number): { node: Node; offset: number } {
  const index = lineIndexAt(lines, utf16)
  const line = root.children[index]
  return { node: line.firstChild ?? line, offset: utf16 - lines.starts[index] }
}

/** False on a DOM without layout (jsdom in component tests): the caret and scrolling then stay put. */
export function canMeasure(): boolean {
  return typeof Range !== 'undefined' && typeof Range.prototype.getClientRects === 'function'
}

/** A range between UTF-16 offsets, live so it can be measured. */
export function measurableRange(root: HTMLElement, lines: TextLines, start: number, end: number): Range {
  const from = domPointAt(root, lines, start)
  const to = domPointAt(root, lines, end)
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}

/** A range between code-point offsets for painting; static ranges cost nothing when the DOM changes. */
export function paintableRange(root: HTMLElement, lines: TextLines, start: number, end: number): StaticRange {
  const from = domPointAt(root, lines, lines.map.toUtf16(start))
  const to = domPointAt(root, lines, lines.map.toUtf16(end))
  return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset })
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
