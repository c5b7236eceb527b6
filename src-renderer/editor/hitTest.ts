// What is under the pointer, found from offsets (caret position → spans covering it), never from DOM nodes.
import { lineElement, measurableRange, utf16AtDomPoint } from './domOffsets'
import { lineEnd, lineIndexAt, type TextLines } from './textModel'

/** The UTF-16 caret offset nearest to a viewport point, or null when the point is not over the text. */
export function utf16AtPoint(root: HTMLElement, lines: TextLines, x: number, y: number): number | null {
  let node: Node | null = null
  let offset = 0
  if (document.caretPositionFromPoint) {
    const position = document.caretPositionFromPoint(x, y)
    if (position) ({ offsetNode: node, offset } = position)
  } else {
    const range = document.caretRangeFromPoint(x, y)
    if (range) ({ startContainer: node, startOffset: offset } = range)
  }
  if (!node || !root.contains(node)) return null
  return utf16AtDomPoint(root, lines, node, offset)
}

/** The UTF-16 index of the character drawn under a viewport point, or null beside the text (past a line's end). */
export function characterAtPoint(root: HTMLElement, lines: TextLines, x: number, y: number): number | null {
  const caret = utf16AtPoint(root, lines, x, y)
  if (caret === null) return null
  // The caret lands on the nearer edge of the character hit: it is the one after the caret or the one before.
  for (const start of [caret, lines.map.previousBoundary(caret)]) {
    const line = lineIndexAt(lines, start)
    if (start >= lineEnd(lines, line) || !lineElement(root, line)) continue
    const rects = measurableRange(root, lines, start, lines.map.nextBoundary(start)).getClientRects()
    for (const r of rects) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return start
    }
  }
  return null
}
