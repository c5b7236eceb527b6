// The keyboard model of the article: which key does what, and where caret moves land. Pure, so it is testable.
import type { Label, Span } from '../../src-main/shared/model'
import { lineEnd, lineIndexAt, type TextLines } from './textModel'

export type CaretMove = 'left' | 'right' | 'up' | 'down' | 'lineStart' | 'lineEnd'

export type EditorCommand =
  | { type: 'move'; move: CaretMove; extend: boolean }
  | { type: 'selectSpan'; direction: 1 | -1 }
  | { type: 'clear' }
  | { type: 'label'; label: string }
  | { type: 'remove' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'finish' }

export interface KeyInput {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

const MOVES: Record<string, CaretMove> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'lineStart',
  End: 'lineEnd',
}

export function commandForKey(e: KeyInput, labels: readonly Label[]): EditorCommand | null {
  const command = e.ctrlKey || e.metaKey
  if (command && !e.altKey) {
    const key = e.key.toLowerCase()
    if (key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' }
    if (key === 'y' && !e.shiftKey) return { type: 'redo' }
    return null
  }
  if (command || e.altKey) return null
  const move = MOVES[e.key]
  if (move) return { type: 'move', move, extend: e.shiftKey }
  switch (e.key) {
    case 'Tab':
      return { type: 'selectSpan', direction: e.shiftKey ? -1 : 1 }
    case 'Escape':
      return { type: 'clear' }
    case 'Delete':
    case 'Backspace':
      return { type: 'remove' }
    case 'Enter':
      return e.shiftKey ? null : { type: 'finish' }
  }
  const label = labels.find((l) => l.hotkey !== '' && l.hotkey.toLowerCase() === e.key.toLowerCase())
  return label ? { type: 'label', label: label.name } : null
}

/**
 * Where a caret move lands, in code points. Left and right step over whole characters (never into a surrogate
 * pair); up and down keep the column the first vertical move started from, as editors do.
 */
export function moveCaret(
  lines: TextLines,
  caret: number,
  move: CaretMove,
  goalColumn: number | null,
): { caret: number; goalColumn: number | null } {
  const { map } = lines
  const utf16 = map.toUtf16(caret)
  const line = lineIndexAt(lines, utf16)
  const lineStartCp = map.toCodePoint(lines.starts[line])
  switch (move) {
    case 'left':
      return { caret: map.toCodePoint(map.previousBoundary(utf16)), goalColumn: null }
    case 'right':
      return { caret: map.toCodePoint(map.nextBoundary(utf16)), goalColumn: null }
    case 'lineStart':
      return { caret: lineStartCp, goalColumn: null }
    case 'lineEnd':
      return { caret: map.toCodePoint(lineEnd(lines, line)), goalColumn: null }
    case 'up':
    case 'down': {
      const column = goalColumn ?? caret - lineStartCp
      const target = line + (move === 'up' ? -1 : 1)
      if (target < 0) return { caret: 0, goalColumn: column }
      if (target >= lines.starts.length) return { caret: map.codePointLength, goalColumn: column }
      const start = map.toCodePoint(lines.starts[target])
      const end = map.toCodePoint(lineEnd(lines, target))
      return { caret: Math.min(start + column, end), goalColumn: column }
    }
  }
}

/** The span after (or before) the selected one in text order; from the caret when none is selected. */
export function adjacentSpan(spans: readonly Span[], selectedId: number | null, caret: number, direction: 1 | -1): Span | null {
  const index = spans.findIndex((s) => s.id === selectedId)
  if (index >= 0) return spans[index + direction] ?? null
  if (direction === 1) return spans.find((s) => s.start >= caret) ?? null
  return spans.findLast((s) => s.start < caret) ?? null
}
