// Every key of the annotate view, as the help overlay (`?`) lists them. Keep in step with keyboard.ts and README.md.
import { RESERVED_LETTERS } from '../../src-main/shared/hotkeys'
import { RELATION_KEY } from './relationKeys'

export interface Shortcut {
  keys: string[]
  /** Words that go with the keys, such as "then a label key". */
  note?: string
  does: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: Shortcut[]
}

const [TAG_ALL, EDIT_LABELS, ACCEPT, REJECT, STEP] = RESERVED_LETTERS

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Move and select',
    shortcuts: [
      { keys: ['←', '→'], does: 'move the caret one character (never into the middle of 𠮷 or an emoji)' },
      { keys: ['↑', '↓'], does: 'move the caret one row' },
      { keys: ['Home', 'End'], does: 'go to the start or end of the paragraph' },
      { keys: ['Ctrl+←', 'Ctrl+→'], does: 'move by word' },
      { keys: ['PageUp', 'PageDown'], does: 'move by a screen' },
      { keys: ['Ctrl+Home', 'Ctrl+End'], does: 'go to the start or end of the document' },
      { keys: ['Shift'], note: 'with any of these', does: 'extend the selection' },
      { keys: [], note: 'double-click', does: 'select a word' },
      { keys: ['Esc'], does: 'clear the selection' },
    ],
  },
  {
    title: 'Tag and edit spans',
    shortcuts: [
      { keys: ['1…9', '0'], note: 'or a letter', does: 'tag the selection with that label; with a span selected, change its label' },
      { keys: [TAG_ALL], note: 'then a label key', does: 'tag every occurrence of the selected text (or the find query) with that label' },
      { keys: ['Tab', 'Shift+Tab'], does: 'select the next or previous span' },
      { keys: ['[', ']'], does: "move the selected span's start one character left or right" },
      { keys: ['{', '}'], does: "move the selected span's end one character left or right" },
      { keys: ['Delete', 'Backspace'], does: 'remove the selected span' },
      { keys: ['Ctrl+Z'], does: 'undo' },
      { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], does: 'redo' },
    ],
  },
  {
    title: 'Link spans into facts',
    shortcuts: [
      { keys: [RELATION_KEY], note: 'on a selected span', does: 'start a relation from it: the spans it may link to are offered, nearest first' },
      { keys: ['←', '→', 'Tab'], note: 'in relation mode', does: 'move to the previous or next candidate' },
      { keys: ['1…9'], note: 'in relation mode', does: "link to the candidate with that relation type's key (Alt+drag from span to span does it with the mouse)" },
      { keys: ['Esc'], note: 'in relation mode', does: 'leave relation mode' },
    ],
  },
  {
    title: 'Suggestions (dashed underlines)',
    shortcuts: [
      { keys: [ACCEPT], does: 'accept the suggestion at the caret, or the next one, as a span of your layer' },
      { keys: [REJECT], does: 'reject it; it does not come back for your layer' },
      { keys: [STEP, `Shift+${STEP.toUpperCase()}`], does: 'go to the next or previous suggestion' },
      { keys: [`Shift+${ACCEPT.toUpperCase()}`], does: 'accept every suggestion in the document, as one undo step' },
      { keys: ['1…9', '0'], note: 'on a selected suggestion', does: 'accept it with that label instead' },
    ],
  },
  {
    title: 'Document and tools',
    shortcuts: [
      { keys: ['Enter'], does: 'mark the document done and open the next one' },
      { keys: ['Ctrl+F'], does: 'find in the document; Enter and Shift+Enter go to the next and previous hit' },
      { keys: [EDIT_LABELS], does: 'edit the label set' },
      { keys: ['?'], does: 'show these shortcuts' },
    ],
  },
]
