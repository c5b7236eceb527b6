// Reads of relations for views: relation mode's focus and the facts of the open document, each derived once per
// change of what it reads (the memo is the store's own, in `derive`).
import type { Fact } from '../../src-main/shared/facts'
import { GOLD_LAYER, type Span } from '../../src-main/shared/model'
import type { RelationComparison } from './relationComparison'
import type { RelationFocus } from './relationState'
import type { Store } from './types'

const NO_SPANS: Span[] = []

export function selectRelationFocus(s: Store): RelationFocus | null {
  return s.derive.relationFocus(s.annotate?.spans ?? NO_SPANS, s.relations, s.relationTypes, s.relationMode)
}

/** The facts that link somewhere, each fact's links in the order of the relation types (who, then when), as a fact is read out. */
export function selectFacts(s: Store): readonly Fact[] {
  return s.derive.facts(s.annotate?.spans ?? NO_SPANS, s.relations, s.relationTypes)
}

/** The compared layers' relations, matched across them, for the compare view. */
export function selectRelationComparisons(s: Store): RelationComparison[] {
  const layers = s.compareGold ? [...s.reviewAnnotators, GOLD_LAYER] : s.reviewAnnotators
  return s.derive.relationComparisons(s.comparedSpans, s.review?.spans ?? NO_SPANS, s.reviewRelations, layers)
}
