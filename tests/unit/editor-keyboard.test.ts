import { describe, expect, it } from 'vitest'
import type { Label, Span } from '../../src-main/shared/model'
import { OffsetMap } from '../../src-main/shared/offsets'
import { HOTKEY_ORDER, hotkeyProblem, RESERVED_LETTERS } from '../../src-main/shared/hotkeys'
import { adjacentSpan, commandForKey, moveCaret, type KeyInput } from '../../src-renderer/editor/keyboard'
import { reviewCommandForKey } from '../../src-renderer/editor/reviewKeys'
import { splitLines } from '../../src-renderer/editor/textModel'

const LABELS: Label[] = [
  { name: 'metric', color: '#2563eb', hotkey: '1', description: '' },
  { name: 'organization', color: '#16a34a', hotkey: '3', description: '' },
  { name: 'person', color: '#9333ea', hotkey: 'n', description: '' },
]

function press(key: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods }
}

function span(id: number, start: number, end: number): Span {
  return { id, documentId: 'd', start, end, label: 'metric', text: '', annotator: 'alice', createdAt: '' }
}

// 𠮷 is one code point and two UTF-16 units. Line 2 runs from code point 7 to 18 (𠮷 at 13), line 3 is empty at 19.
const lines = splitLines(new OffsetMap('𠮷野家 公告\n2月25日，𠮷野家復工\n'))

describe('the keyboard model', () => {
  it('maps keys to commands: moves, Shift extends, Ctrl moves by word and to the ends, labels by hotkey', () => {
    expect(commandForKey(press('ArrowLeft'), LABELS)).toEqual({ type: 'move', move: 'left', extend: false })
    expect(commandForKey(press('ArrowRight', { shiftKey: true }), LABELS)).toEqual({ type: 'move', move: 'right', extend: true })
    expect(commandForKey(press('ArrowRight', { ctrlKey: true }), LABELS)).toEqual({ type: 'move', move: 'wordRight', extend: false })
    expect(commandForKey(press('ArrowLeft', { altKey: true, shiftKey: true }), LABELS)).toEqual({ type: 'move', move: 'wordLeft', extend: true })
    expect(commandForKey(press('End', { ctrlKey: true }), LABELS)).toEqual({ type: 'move', move: 'documentEnd', extend: false })
    expect(commandForKey(press('PageDown'), LABELS)).toEqual({ type: 'move', move: 'pageDown', extend: false })
    expect(commandForKey(press('3'), LABELS)).toEqual({ type: 'label', label: 'organization' })
    expect(commandForKey(press('N', { shiftKey: true }), LABELS)).toEqual({ type: 'label', label: 'person' })
    expect(commandForKey(press('7'), LABELS)).toBeNull()
  })

  it('maps the editing keys: Tab, Esc, Delete, resizes, tag all, find, help, labels, undo, redo, Enter', () => {
    expect(commandForKey(press('Tab', { shiftKey: true }), LABELS)).toEqual({ type: 'selectSpan', direction: -1 })
    expect(commandForKey(press('Escape'), LABELS)).toEqual({ type: 'clear' })
    expect(commandForKey(press('Backspace'), LABELS)).toEqual({ type: 'remove' })
    expect(commandForKey(press('['), LABELS)).toEqual({ type: 'resize', edge: 'start', by: -1 })
    expect(commandForKey(press('}'), LABELS)).toEqual({ type: 'resize', edge: 'end', by: 1 })
    expect(commandForKey(press('a'), LABELS)).toEqual({ type: 'tagAll' })
    expect(commandForKey(press('l'), LABELS)).toEqual({ type: 'editLabels' })
    expect(commandForKey(press('?'), LABELS)).toEqual({ type: 'help' })
    expect(commandForKey(press('f', { ctrlKey: true }), LABELS)).toEqual({ type: 'find' })
    expect(commandForKey(press('z', { metaKey: true }), LABELS)).toEqual({ type: 'undo' })
    expect(commandForKey(press('Z', { ctrlKey: true, shiftKey: true }), LABELS)).toEqual({ type: 'redo' })
    expect(commandForKey(press('y', { ctrlKey: true }), LABELS)).toEqual({ type: 'redo' })
    expect(commandForKey(press('Enter'), LABELS)).toEqual({ type: 'finish' })
    expect(commandForKey(press('Enter', { shiftKey: true }), LABELS)).toBeNull()
  })

  it('keeps y, n, s and r from labels, and maps the suggestion keys ahead of an older label that holds one', () => {
    expect(RESERVED_LETTERS).toEqual(['a', 'l', 'y', 'n', 's', 'r'])
    for (const letter of ['a', 'l', 'y', 'n', 's', 'r']) {
      expect(HOTKEY_ORDER).not.toContain(letter)
      expect(hotkeyProblem(letter, [])).toMatch(/is an editor shortcut/)
    }
    // 1–9, 0, then the 20 letters left of 26.
    expect(HOTKEY_ORDER.length).toBe(30)
    expect(commandForKey(press('y'), LABELS)).toEqual({ type: 'acceptSuggestion' })
    expect(commandForKey(press('Y', { shiftKey: true }), LABELS)).toEqual({ type: 'acceptAllSuggestions' })
    expect(commandForKey(press('s'), LABELS)).toEqual({ type: 'stepSuggestion', direction: 1 })
    expect(commandForKey(press('S', { shiftKey: true }), LABELS)).toEqual({ type: 'stepSuggestion', direction: -1 })
    // "n" is person's hotkey in this (older) label set: n rejects, Shift+N still tags.
    expect(commandForKey(press('n'), LABELS)).toEqual({ type: 'rejectSuggestion' })
    expect(commandForKey(press('y', { ctrlKey: true }), LABELS)).toEqual({ type: 'redo' })
  })

  it("gives review's keys first: Shift+digit by code takes a version, n and p step unless a label took the letter", () => {
    expect(reviewCommandForKey({ ...press('!', { shiftKey: true }), code: 'Digit1' }, LABELS)).toEqual({ type: 'take', version: 0 })
    expect(reviewCommandForKey({ ...press(']'), code: 'BracketRight' }, LABELS)).toEqual({ type: 'step', direction: 1 })
    expect(reviewCommandForKey({ ...press('p'), code: 'KeyP' }, LABELS)).toEqual({ type: 'step', direction: -1 })
    expect(reviewCommandForKey({ ...press('u'), code: 'KeyU' }, LABELS)).toEqual({ type: 'unanimous' })
    // "n" is person's hotkey here, so it tags rather than steps.
    expect(reviewCommandForKey({ ...press('n'), code: 'KeyN' }, LABELS)).toBeNull()
    expect(reviewCommandForKey({ ...press('z', { ctrlKey: true }), code: 'KeyZ' }, LABELS)).toBeNull()
  })
})

describe('caret moves', () => {
  it('steps over 𠮷 as one character, and goes to the ends of lines and of the document', () => {
    expect(moveCaret(lines, 0, 'right', null).caret).toBe(1)
    expect(moveCaret(lines, 1, 'left', null).caret).toBe(0)
    expect(moveCaret(lines, 14, 'left', null).caret).toBe(13)
    expect(moveCaret(lines, 8, 'lineStart', null).caret).toBe(7)
    expect(moveCaret(lines, 8, 'lineEnd', null).caret).toBe(18)
    expect(moveCaret(lines, 8, 'documentEnd', null).caret).toBe(19)
    expect(moveCaret(lines, 8, 'documentStart', null).caret).toBe(0)
  })

  it('keeps the column on ↑ and ↓, and stops at the first and last line', () => {
    const down = moveCaret(lines, 4, 'down', null)
    expect(down).toEqual({ caret: 11, goalColumn: 4 })
    // The last line is empty: the caret goes to its start and remembers the column for the way back.
    const further = moveCaret(lines, down.caret, 'down', down.goalColumn)
    expect(further).toEqual({ caret: 19, goalColumn: 4 })
    expect(moveCaret(lines, further.caret, 'up', further.goalColumn).caret).toBe(11)
    expect(moveCaret(lines, 2, 'up', null).caret).toBe(0)
    expect(moveCaret(lines, 11, 'pageDown', null).caret).toBe(19)
  })

  it('moves by words over spaces and punctuation', () => {
    // "𠮷野家 公告": from the start, the next word ends after the first word; Ctrl+← from its end comes back.
    const end = moveCaret(lines, 0, 'wordRight', null).caret
    expect(end).toBeGreaterThan(0)
    expect(end).toBeLessThanOrEqual(3)
    expect(moveCaret(lines, end, 'wordLeft', null).caret).toBe(0)
    // From the space, the next word is 公告.
    expect(moveCaret(lines, 3, 'wordRight', null).caret).toBe(6)
  })
})

describe('Tab between spans', () => {
  const spans = [span(1, 0, 3), span(2, 7, 9), span(3, 12, 14)]

  it('walks the spans in text order from the selected one, or from the caret, and stops at either end', () => {
    expect(adjacentSpan(spans, 1, 0, 1)?.id).toBe(2)
    expect(adjacentSpan(spans, 2, 0, -1)?.id).toBe(1)
    expect(adjacentSpan(spans, 3, 0, 1)).toBeNull()
    expect(adjacentSpan(spans, null, 8, 1)?.id).toBe(3)
    expect(adjacentSpan(spans, null, 8, -1)?.id).toBe(2)
    expect(adjacentSpan(spans, null, 0, -1)).toBeNull()
  })
})
