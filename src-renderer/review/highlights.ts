// The compare view's paint, with the CSS Custom Highlight API like the annotate view: one highlight per kind of
// comparison, one for the gold layer (an underline, so it shows over any of them), and the reviewer's marks.
import type { Comparison, ComparisonKind, VersionSpan } from '../../src-main/shared/comparison'
import { visibleRange } from '../editor/domOffsets'
import type { TextLines } from '../editor/textModel'

export const KIND_HIGHLIGHTS: Record<ComparisonKind, string> = {
  agree: 'review-agree',
  label: 'review-label',
  boundary: 'review-boundary',
  missed: 'review-missed',
}
const GOLD = 'review-gold'
const CURRENT = 'review-current'
const SELECTED = 'review-selected'
const PENDING = 'review-pending'
const ALL = [...Object.values(KIND_HIGHLIGHTS), GOLD, CURRENT, SELECTED, PENDING]

/** Absent on a DOM without the API (component tests): the text then shows unpainted. */
function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined' ? CSS.highlights : null
}

function paint(highlights: HighlightRegistry, name: string, root: HTMLElement, lines: TextLines, ranges: ReadonlyArray<{ start: number; end: number }>, priority: number): void {
  const highlight = new Highlight()
  highlight.priority = priority
  for (const { start, end } of ranges) {
    const range = visibleRange(root, lines, start, end)
    if (range) highlight.add(range)
  }
  if (highlight.size === 0) highlights.delete(name)
  else highlights.set(name, highlight)
}

/** Each comparison's stretch in the colour of its kind, and every gold span underlined. */
export function paintComparisons(root: HTMLElement, lines: TextLines, comparisons: readonly Comparison[], gold: readonly VersionSpan[]): void {
  const highlights = registry()
  if (!highlights) return
  for (const [kind, name] of Object.entries(KIND_HIGHLIGHTS)) {
    paint(highlights, name, root, lines, comparisons.filter((c) => c.kind === kind), kind === 'agree' ? 0 : 1)
  }
  paint(highlights, GOLD, root, lines, gold, 2)
}

/** The comparison the reviewer is on, the gold span selected and the pending selection. */
export function paintMarks(
  root: HTMLElement,
  lines: TextLines,
  marks: { current: { start: number; end: number } | null; selected: { start: number; end: number } | null; pending: { start: number; end: number } | null },
): void {
  const highlights = registry()
  if (!highlights) return
  paint(highlights, CURRENT, root, lines, marks.current ? [marks.current] : [], 3)
  paint(highlights, SELECTED, root, lines, marks.selected ? [marks.selected] : [], 4)
  paint(highlights, PENDING, root, lines, marks.pending ? [marks.pending] : [], 5)
}

export function clearReviewHighlights(): void {
  const highlights = registry()
  if (!highlights) return
  for (const name of ALL) highlights.delete(name)
}
