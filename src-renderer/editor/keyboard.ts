// The keyboard model of the article: which key does what, and where caret moves land. Pure, so it is testable.
import { RESERVED_LETTERS } from '../../src-main/shared/hotkeys'
import type { Label, Span } from '../../src-main/shared/model'
import { spanIndexOf } from './rangeIndex'
import { lineEnd, lineIndexAt, type TextLines } from './textModel'
import { nextWordEnd, previousWordStart } from './words'

export type CaretMove =
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'lineStart'
  | 'lineEnd'
  | 'wordLeft'
  | 'wordRight'
  | 'documentStart'
  | 'documentEnd'
  | 'pageUp'
  | 'pageDown'

export type EditorCommand =
  | { type: 'move'; move: CaretMove; extend: boolean }
  | { type: 'selectSpan'; direction: 1 | -1 }
  | { type: 'clear' }
  | { type: 'label'; label: string }
  | { type: 'remove' }
  | { type: 'resize'; edge: 'start' | 'end'; by: -1 | 1 }
  | { type: 'tagAll' }
  | { type: 'find' }
  | { type: 'help' }
  | { type: 'editLabels' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'finish' }
  /** The suggestion at the caret, or the next one after it. */
  | { type: 'acceptSuggestion' }
  | { type: 'rejectSuggestion' }
  | { type: 'stepSuggestion'; direction: 1 | -1 }
  | { type: 'acceptAllSuggestions' }

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
  PageUp: 'pageUp',
  PageDown: 'pageDown',
}

/** With Ctrl (or ⌘, or ⌥ as on macOS) these keys move by words or to the ends of the document. */
const COMMAND_MOVES: Record<string, CaretMove> = {
  ArrowLeft: 'wordLeft',
  ArrowRight: 'wordRight',
  Home: 'documentStart',
  End: 'documentEnd',
}

const RESIZES: Record<string, { edge: 'start' | 'end'; by: -1 | 1 }> = {
  '[': { edge: 'start', by: -1 },
  ']': { edge: 'start', by: 1 },
  '{': { edge: 'end', by: -1 },
  '}': { edge: 'end', by: 1 },
}

const [, , ACCEPT, REJECT, STEP] = RESERVED_LETTERS

export function commandForKey(e: KeyInput, labels: readonly Label[]): EditorCommand | null {
  const command = e.ctrlKey || e.metaKey
  if (command && !e.altKey) {
    const move = COMMAND_MOVES[e.key]
    if (move) return { type: 'move', move, extend: e.shiftKey }
    const key = e.key.toLowerCase()
    if (key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' }
    if (key === 'y' && !e.shiftKey) return { type: 'redo' }
    if (key === 'f' && !e.shiftKey) return { type: 'find' }
    return null
  }
  if (e.altKey && !command && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
    return { type: 'move', move: COMMAND_MOVES[e.key], extend: e.shiftKey }
  }
  if (command || e.altKey) return null
  const move = MOVES[e.key]
  if (move) return { type: 'move', move, extend: e.shiftKey }
  const resize = RESIZES[e.key]
  if (resize) return { type: 'resize', ...resize }
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
    case '?':
      return { type: 'help' }
    case RESERVED_LETTERS[0]:
      return { type: 'tagAll' }
    case RESERVED_LETTERS[1]:
      return { type: 'editLabels' }
  }
  // Before the labels: a project made before these letters were reserved may have given them to a label.
  const letter = e.key.toLowerCase()
  if (letter === ACCEPT) return e.shiftKey ? { type: 'acceptAllSuggestions' } : { type: 'acceptSuggestion' }
  if (letter === REJECT && !e.shiftKey) return { type: 'rejectSuggestion' }
  if (letter === STEP) return { type: 'stepSuggestion', direction: e.shiftKey ? -1 : 1 }
  const label = labels.find((l) => l.hotkey !== '' && l.hotkey.toLowerCase() === e.key.toLowerCase())
  return label ? { type: 'label', label: label.name } : null
}

/** Up, down and the page moves keep a column and depend on the layout. */
export function isVertical(move: CaretMove): boolean {
  return move === 'up' || move === 'down' || move === 'pageUp' || move === 'pageDown'
}

/** Paragraphs a page move crosses when the layout cannot be measured. */
const PARAGRAPHS_PER_PAGE = 10

/**
 * Where a caret move lands, in code points. Left and right step over whole characters (never into a surrogate
 * pair); up and down keep the column the first vertical move started from, as editors do; word moves follow
 * Intl.Segmenter's words.
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
    case 'wordLeft':
      return { caret: map.toCodePoint(previousWordStart(lines, utf16)), goalColumn: null }
    case 'wordRight':
      return { caret: map.toCodePoint(nextWordEnd(lines, utf16)), goalColumn: null }
    case 'documentStart':
      return { caret: 0, goalColumn: null }
    case 'documentEnd':
      return { caret: map.codePointLength, goalColumn: null }
    case 'up':
    case 'down':
    case 'pageUp':
    case 'pageDown': {
      const column = goalColumn ?? caret - lineStartCp
      const step = move === 'up' ? -1 : move === 'down' ? 1 : move === 'pageUp' ? -PARAGRAPHS_PER_PAGE : PARAGRAPHS_PER_PAGE
      const target = line + step
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
  const index = spanIndexOf(spans)
  const at = selectedId === null ? -1 : index.indexOf(selectedId)
  if (at >= 0) return spans[at + direction] ?? null
  const next = index.firstStartingAt(caret)
  return direction === 1 ? (spans[next] ?? null) : (spans[next - 1] ?? null)
}
