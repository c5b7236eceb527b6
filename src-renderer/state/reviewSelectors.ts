// Reads of the review state; comparisons are derived once per change of the spans or the annotators chosen.
import type { ReviewLayers } from '../../src-main/shared/api'
import type { Comparison, VersionSpan } from '../../src-main/shared/comparison'
import { lowerBound } from '../../src-main/shared/lowerBound'
import type { Span } from '../../src-main/shared/model'
import { spanIndexOf } from '../editor/rangeIndex'
import type { GoldEdit } from './goldEdits'
import { historyOf } from './history'
import { pendingOf, type Stretch } from './textSession'
import type { Store } from './types'

const NO_SPANS: Span[] = []

export const selectGoldSpans = (s: Store): Span[] => s.review?.spans ?? NO_SPANS

/**
 * How the chosen layers compare in the open document, gold among them when the reviewer asked for it. Gold edits
 * leave the annotators' spans as they are, so without gold compared the comparisons stay the same objects.
 */
export const selectComparisons = (s: Store): Comparison[] =>
  s.derive.comparisons(s.comparedSpans, s.compareGold ? selectGoldSpans(s) : NO_SPANS, s.reviewAnnotators, s.compareGold)
export const selectDisagreements = (s: Store): Comparison[] => s.derive.disagreements(selectComparisons(s))
/** The spans all chosen annotators made exactly (gold never counts here). */
export const selectUnanimous = (s: Store): VersionSpan[] =>
  s.compareGold ? s.derive.unanimous(s.comparedSpans, s.reviewAnnotators) : s.derive.unanimousIn(selectComparisons(s))
export const selectUnanimousKeys = (s: Store): Set<string> => s.derive.unanimousKeys(selectUnanimous(s))

/** The project's layers as the picker counts them, the reviewer's edits since they were loaded included. */
export const selectReviewLayers = (s: Store): ReviewLayers | null =>
  s.loadedLayers && s.derive.layers(s.loadedLayers, selectGoldSpans(s), s.review?.document ?? null)

export function selectCurrentComparison(s: Store): Comparison | null {
  const at = s.currentComparison
  if (at === null) return null
  const all = selectComparisons(s)
  for (let i = lowerBound(all.length, (k) => all[k].start < at.start); i < all.length && all[i].start === at.start; i++) {
    if (all[i].end === at.end) return all[i]
  }
  return null
}

export const selectReviewPending = (s: Store): Stretch | null => pendingOf(s.review)

export function selectSelectedGold(s: Store): Span | null {
  const id = s.review?.selectedSpanId
  return id == null ? null : spanIndexOf(selectGoldSpans(s)).byId(id)
}

export const selectGoldUndo = (s: Store): GoldEdit[] => historyOf(s.reviewHistories, s.review?.document.id).undo
export const selectGoldRedo = (s: Store): GoldEdit[] => historyOf(s.reviewHistories, s.review?.document.id).redo
