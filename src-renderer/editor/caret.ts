// The keyboard caret: a thin bar placed from a collapsed range, since the article is not editable text.
import { lineElement, liveRange, renderedPointAt } from './domOffsets'
import { lineIndexAt, type TextLines } from './textModel'

export interface Box {
  left: number
  top: number
  height: number
}

/** Where a code-point offset is drawn, in the scroll container's content coordinates; null when its line is not rendered. */
export function caretBox(container: HTMLElement, root: HTMLElement, lines: TextLines, offset: number): Box | null {
  const rect = caretRect(root, lines, offset)
  return rect && toContent(container, rect)
}

/** Where a code-point offset is drawn, in viewport coordinates; null when its line is not rendered. */
export function caretRect(root: HTMLElement, lines: TextLines, offset: number): DOMRect | null {
  const utf16 = lines.map.toUtf16(offset)
  const point = renderedPointAt(root, lines, utf16)
  if (!point) return null
  const rects = liveRange(point.node, point.offset).getClientRects()
  // An empty line has no text to measure: its element stands in.
  return rects.length > 0 ? rects[rects.length - 1] : (lineElement(root, lineIndexAt(lines, utf16))?.getBoundingClientRect() ?? null)
}

/** A viewport rectangle in the container's scrolled content coordinates. */
export function toContent(container: HTMLElement, rect: DOMRect): Box {
  const frame = container.getBoundingClientRect()
  return {
    left: rect.left - frame.left - container.clientLeft + container.scrollLeft,
    top: rect.top - frame.top - container.clientTop + container.scrollTop,
    height: rect.height,
  }
}

/** Scrolls the container just enough to show a box, with a little room around it. */
export function reveal(container: HTMLElement, box: Box, margin = 24): void {
  const top = box.top - margin
  const bottom = box.top + box.height + margin
  if (top < container.scrollTop) container.scrollTop = top
  else if (bottom > container.scrollTop + container.clientHeight) container.scrollTop = bottom - container.clientHeight
}
