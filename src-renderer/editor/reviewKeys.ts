// The compare view's own keys, ahead of the editor's: moving between disagreements and settling them. Pure, so it is testable.
import type { Label } from '../../src-main/shared/model'
import type { KeyInput } from './keyboard'

export type ReviewCommand = { type: 'step'; direction: 1 | -1 } | { type: 'take'; version: number } | { type: 'unanimous' }

/** ] and [ always step; n, p and u do unless a label has taken the letter as its hotkey. Shift+1…9 take a version. */
export function reviewCommandForKey(e: KeyInput & { code: string }, labels: readonly Label[]): ReviewCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  // By code, not key: Shift+1 types "!" on one keyboard and "+" on another.
  const digit = /^Digit([1-9])$/.exec(e.code)
  if (e.shiftKey && digit) return { type: 'take', version: Number(digit[1]) - 1 }
  if (e.key === ']') return { type: 'step', direction: 1 }
  if (e.key === '[') return { type: 'step', direction: -1 }
  if (e.shiftKey || labels.some((l) => l.hotkey !== '' && l.hotkey.toLowerCase() === e.key.toLowerCase())) return null
  if (e.key === 'n') return { type: 'step', direction: 1 }
  if (e.key === 'p') return { type: 'step', direction: -1 }
  if (e.key === 'u') return { type: 'unanimous' }
  return null
}
