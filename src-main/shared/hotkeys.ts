// Which single keys may tag with a label. Pure, so the service checks them and the editor offers the same ones.
import type { Label } from './model'

/**
 * Plain letters the editor keeps for itself, never a label's: `a` tags all occurrences, `l` opens the label editor;
 * `y` and `n` accept and reject a suggestion (Shift+Y accepts all), `s` goes to the next one (Shift+S the previous),
 * and `r` starts a relation. The first two keep their places: the editor names them by index.
 */
export const RESERVED_LETTERS = ['a', 'l', 'y', 'n', 's', 'r'] as const

/** Hotkeys in the order new labels get them: 1–9, 0, then the letters the editor does not use. */
export const HOTKEY_ORDER: readonly string[] = [
  ...'1234567890',
  ...'abcdefghijklmnopqrstuvwxyz'.split('').filter((k) => !(RESERVED_LETTERS as readonly string[]).includes(k)),
]

/** A hotkey as stored: one lower-case key, or '' for none. */
export function normalizeHotkey(key: string): string {
  return key.trim().toLowerCase()
}

/** Why a label cannot have this hotkey, or null when it can. `except` is the label being edited. */
export function hotkeyProblem(key: string, labels: readonly Pick<Label, 'name' | 'hotkey'>[], except?: string): string | null {
  const hotkey = normalizeHotkey(key)
  if (hotkey === '') return null
  if (!HOTKEY_ORDER.includes(hotkey)) {
    return (RESERVED_LETTERS as readonly string[]).includes(hotkey)
      ? `"${hotkey}" is an editor shortcut; choose a digit or another letter.`
      : `"${key}" cannot be a hotkey: use one digit or one letter.`
  }
  const holder = labels.find((l) => l.name !== except && l.hotkey === hotkey)
  return holder ? `"${hotkey}" is already the hotkey of "${holder.name}".` : null
}

/** The first hotkey no label has, or '' when all are taken. */
export function nextFreeHotkey(labels: readonly Pick<Label, 'hotkey'>[]): string {
  const used = new Set(labels.map((l) => l.hotkey))
  return HOTKEY_ORDER.find((k) => !used.has(k)) ?? ''
}
