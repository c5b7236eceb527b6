// Where a relation's arc is drawn: from the top of one span to the top of the other, bowed up into the room between
// rows, so links on one row never cross its text and links between rows stay thin curves. Pure, so it is testable.
/** Where a span's first row is drawn, in the surface's content coordinates (as caret.ts's Box, and its width). */
export interface SpanBox {
  left: number
  top: number
  height: number
  width: number
}

export interface Arc {
  /** An SVG path from the first span to the second. */
  path: string
  /** Where the type's name is written: the arc's top. */
  labelX: number
  labelY: number
}

/** How high an arc bows over its ends, in px: longer links bow higher, up to the room between two rows. */
export function bowOf(dx: number, rowGap: number): number {
  return Math.min(Math.max(rowGap, 6), 6 + Math.abs(dx) * 0.08)
}

/** The arc from one span's box to another's, in the same coordinates as the boxes. */
export function arcBetween(from: SpanBox, to: SpanBox, rowGap: number): Arc {
  const x1 = from.left + from.width / 2
  const x2 = to.left + to.width / 2
  // The text's top is inside the box: a line box is taller than its glyphs.
  const y1 = from.top + from.height * 0.18
  const y2 = to.top + to.height * 0.18
  const top = Math.min(y1, y2) - bowOf(x2 - x1, rowGap)
  const path = `M ${round(x1)} ${round(y1)} C ${round(x1)} ${round(top)}, ${round(x2)} ${round(top)}, ${round(x2)} ${round(y2)}`
  // A cubic's top with both controls at `top` lies three quarters of the way up from the ends.
  return { path, labelX: round((x1 + x2) / 2), labelY: round(Math.min(y1, y2) + (top - Math.min(y1, y2)) * 0.75) }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
