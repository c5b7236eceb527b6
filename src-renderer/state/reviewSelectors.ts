// Reads of the review state; comparisons are derived once per change of the spans or the annotators chosen.
import { compareLayers, spanKey, unanimousSpans, type Comparison } from '../../src-main/shared/comparison'
import { GOLD_LAYER, type Span } from '../../src-main/shared/model'
import type { Store } from './types'

/** Remembers the last answer, so a selector returns the same object until its inputs change. */
function lastOf<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let args: A | null = null
  let result: R
  return (...next: A) => {
    if (args === null || args.length !== next.length || args.some((a, i) => a !== next[i])) {
      result = compute(...next)
      args = next
    }
    return result
  }
}

// One layer alone compares with nothing: every span of it would look agreed on.
const comparisonsOf = lastOf((spans: Span[], annotators: string[], withGold: boolean) => {
  const layers = withGold ? [...annotators, GOLD_LAYER] : annotators
  return layers.length < 2 ? [] : compareLayers(spans, layers)
})
const unanimousOf = lastOf((spans: Span[], annotators: string[]) => (annotators.length < 2 ? [] : unanimousSpans(compareLayers(spans, annotators))))
const unanimousKeysOf = lastOf((unanimous: ReturnType<typeof unanimousOf>) => new Set(unanimous.map(spanKey)))
const goldOf = lastOf((spans: Span[]) => spans.filter((s) => s.annotator === GOLD_LAYER))
const disagreementsOf = lastOf((comparisons: Comparison[]) => comparisons.filter((c) => c.kind !== 'agree'))

/** How the chosen layers compare in the open document, gold among them when the reviewer asked for it. */
export const selectComparisons = (s: Store): Comparison[] => comparisonsOf(s.reviewSpans, s.reviewAnnotators, s.compareGold)
export const selectDisagreements = (s: Store): Comparison[] => disagreementsOf(selectComparisons(s))
/** The spans all chosen annotators made exactly (gold never counts here). */
export const selectUnanimous = (s: Store) => unanimousOf(s.reviewSpans, s.reviewAnnotators)
export const selectUnanimousKeys = (s: Store): Set<string> => unanimousKeysOf(selectUnanimous(s))
export const selectGoldSpans = (s: Store): Span[] => goldOf(s.reviewSpans)

export function selectCurrentComparison(s: Store): Comparison | null {
  const at = s.currentComparison
  return at === null ? null : (selectComparisons(s).find((c) => c.start === at.start && c.end === at.end) ?? null)
}

export function selectReviewPending(s: Store): { start: number; end: number } | null {
  if (s.reviewAnchor === null || s.reviewAnchor === s.reviewCaret) return null
  return { start: Math.min(s.reviewAnchor, s.reviewCaret), end: Math.max(s.reviewAnchor, s.reviewCaret) }
}

export function selectSelectedGold(s: Store): Span | null {
  return s.selectedGoldId === null ? null : (selectGoldSpans(s).find((g) => g.id === s.selectedGoldId) ?? null)
}

const NO_EDITS: never[] = []
export const selectGoldUndo = (s: Store) => (s.reviewDocument && s.goldHistories[s.reviewDocument.id]?.undo) || NO_EDITS
export const selectGoldRedo = (s: Store) => (s.reviewDocument && s.goldHistories[s.reviewDocument.id]?.redo) || NO_EDITS
