// Which suggestion the keys act on, and how lists of suggestions merge. Pure, so it is testable.
import type { SuggestionView } from '../../src-main/shared/api'
import { lowerBound } from '../../src-main/shared/lowerBound'
import { compareSuggestions } from '../../src-main/shared/suggest/suggestion'
import { rangeIndexOf } from '../editor/rangeIndex'
import type { Store } from './types'

/** Asked for as soon as a document's text has arrived: they are computed at once. */
export const FAST_SOURCES = ['rule', 'dictionary', 'imported']
/** Asked for next: the trained model (a worker) and the external recommender answer later. */
export const SLOW_SOURCES = ['model', 'external']

/** A suggestion's identity: there are no ids. */
export interface SuggestionMark {
  start: number
  end: number
  label: string
}

export function sameSuggestion(a: SuggestionMark, b: SuggestionMark): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label
}

const keyOf = (s: SuggestionMark) => `${s.start}:${s.end}:${s.label}`

/**
 * Both lists as one, in text order; where two sources propose the same span and label, the higher score stays
 * (ties: the one first in text order, which compareSuggestions breaks by source name). Both come in text order from
 * the server, so they are merged in one pass: a 1 MB document's 55,000 suggestions went through a map of string keys
 * and a sort in one frame.
 */
export function mergeSuggestions(held: readonly SuggestionView[], found: readonly SuggestionView[]): SuggestionView[] {
  const all = inOrder(held) && inOrder(found) ? mergeSorted(held, found) : [...held, ...found].sort(compareSuggestions)
  // In text order, the suggestions of one span and label are next to each other.
  const merged: SuggestionView[] = []
  for (const s of all) {
    const last = merged[merged.length - 1]
    if (last === undefined || !sameSuggestion(last, s)) merged.push(s)
    else if (s.score > last.score) merged[merged.length - 1] = s
  }
  return merged
}

function inOrder(list: readonly SuggestionView[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareSuggestions(list[i - 1], list[i]) > 0) return false
  return true
}

function mergeSorted(a: readonly SuggestionView[], b: readonly SuggestionView[]): SuggestionView[] {
  if (a.length === 0) return [...b]
  if (b.length === 0) return [...a]
  const out = new Array<SuggestionView>(a.length + b.length)
  let i = 0
  let j = 0
  for (let k = 0; k < out.length; k++) out[k] = j >= b.length || (i < a.length && compareSuggestions(a[i], b[j]) <= 0) ? a[i++] : b[j++]
  return out
}

/** The list without these suggestions (nor others of the same span and label, which a span of it now answers). */
export function withoutSuggestions(list: readonly SuggestionView[], gone: readonly SuggestionMark[]): SuggestionView[] {
  const keys = new Set(gone.map(keyOf))
  return list.filter((s) => !keys.has(keyOf(s)))
}

/** The first suggestion starting at or after an offset (list.length when none). */
function firstStartingAt(list: readonly SuggestionView[], offset: number): number {
  return lowerBound(list.length, (i) => list[i].start < offset)
}

/** The selected suggestion (stepped to, clicked, or next after a decision) while the caret is on it. */
export function selectCurrentSuggestion(s: Store): SuggestionView | null {
  const cursor = s.suggestionCursor
  const caret = s.annotate?.caret
  if (!cursor || caret === undefined || caret < cursor.start || caret > cursor.end) return null
  return s.suggestions.find((x) => sameSuggestion(x, cursor)) ?? null
}

/** The suggestion at the caret: the selected one, else the first covering the caret. Painted as the current one. */
export function selectSuggestionAtCaret(s: Store): SuggestionView | null {
  const current = selectCurrentSuggestion(s)
  if (current) return current
  const caret = s.annotate?.caret
  if (caret === undefined) return null
  return rangeIndexOf(s.suggestions).covering(caret)[0] ?? null
}

/** What y and n act on: the suggestion at the caret, or else the next one after it. */
export function selectSuggestionToDecide(s: Store): SuggestionView | null {
  const at = selectSuggestionAtCaret(s)
  if (at) return at
  const caret = s.annotate?.caret ?? 0
  return s.suggestions[firstStartingAt(s.suggestions, caret)] ?? null
}

/** The suggestion after (or before) the current one in text order; from the caret when none is current. */
export function nextSuggestion(list: readonly SuggestionView[], caret: number, current: SuggestionMark | null, direction: 1 | -1): SuggestionView | null {
  const at = current ? list.findIndex((x) => sameSuggestion(x, current)) : -1
  if (at >= 0) return list[at + direction] ?? null
  const next = firstStartingAt(list, caret)
  return (direction === 1 ? list[next] : list[next - 1]) ?? null
}
