// Relation mode's keyboard model: after `r` on a selected span, which spans may be linked to (nearest first), how
// the keys move among them and which relation type a digit links with. Pure, so it is testable.
import { allowsLabel as allows, type Span } from '../../src-main/shared/model'
import type { KeyInput } from './keyboard'

/** What relation mode needs of a relation type: who may be at each end, and its key. Empty lists allow any label. */
export interface RelationRule {
  name: string
  hotkey: string
  fromLabels: readonly string[]
  toLabels: readonly string[]
}

export type RelationCommand = { type: 'step'; direction: 1 | -1 } | { type: 'link'; relationType: string } | { type: 'leave' } | { type: 'swallow' }

/** Relation mode's own key, kept from label hotkeys in hotkeys.ts (by name: other keys share that list). */
export const RELATION_KEY = 'r'

/** The types a span of this label may start. */
export function typesFrom<R extends RelationRule>(rules: readonly R[], label: string): R[] {
  return rules.filter((rule) => allows(rule.fromLabels, label))
}

/** The types that may link `from` to `to`. */
export function typesBetween<R extends RelationRule>(rules: readonly R[], from: Pick<Span, 'label'>, to: Pick<Span, 'label'>): R[] {
  return rules.filter((rule) => allows(rule.fromLabels, from.label) && allows(rule.toLabels, to.label))
}

/** Code points between two spans; 0 when they touch or overlap. */
export function gapBetween(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): number {
  return Math.max(0, a.start - b.end, b.start - a.end)
}

/**
 * The spans `from` may link to: another span whose label some type allows at the far end, nearest first (by the
 * gap between them, then the earlier one), so the target the reader means is usually the first one offered.
 */
export function relationCandidates(spans: readonly Span[], from: Span, rules: readonly RelationRule[]): Span[] {
  const starting = typesFrom(rules, from.label)
  if (starting.length === 0) return []
  const fits = spans.filter((span) => span.id !== from.id && starting.some((rule) => allows(rule.toLabels, span.label)))
  return fits.sort((a, b) => gapBetween(from, a) - gapBetween(from, b) || a.start - b.start || a.end - b.end)
}

/** Which key does what in relation mode; every other plain key is swallowed, so a label key never tags by mistake. */
export function relationCommandForKey(e: KeyInput, rules: readonly RelationRule[]): RelationCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  switch (e.key) {
    case 'Escape':
      return { type: 'leave' }
    case 'ArrowRight':
    case 'ArrowDown':
      return { type: 'step', direction: 1 }
    case 'ArrowLeft':
    case 'ArrowUp':
      return { type: 'step', direction: -1 }
    case 'Tab':
      return { type: 'step', direction: e.shiftKey ? -1 : 1 }
  }
  const rule = rules.find((r) => r.hotkey !== '' && r.hotkey.toLowerCase() === e.key.toLowerCase())
  if (rule) return { type: 'link', relationType: rule.name }
  // Shift, a dead key and the like arrive on their own; only a printable key is swallowed.
  return e.key.length === 1 ? { type: 'swallow' } : null
}
