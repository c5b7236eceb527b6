// Relation F1 between two layers: a relation of one matches a relation of the other when both ends match exactly
// (same document, start, end and label) and the type is equal. Pure, like the span measures.
import { f1Score, sumCounts, type F1Score, type MatchCount } from './spanF1'

export interface RelationEnd {
  start: number
  end: number
  label: string
}

/** A relation as agreement sees it: where its ends are, not which span ids they have (each layer has its own spans). */
export interface RelationItem {
  document: string
  from: RelationEnd
  to: RelationEnd
  type: string
}

export interface RelationF1 {
  types: Record<string, F1Score>
  micro: F1Score
  /** What each type's score is made of. */
  counts: Record<string, MatchCount>
}

/**
 * Precision, recall and F1 of the relations `b` against `a`, per type and pooled, with the conventions of spanF1:
 * precision = |b matched| / |b|, recall = |a matched| / |a|; NaN where undefined. A layer holds a relation at most
 * once (the same ends and type), so a match is one to one. `types` orders the result; types met only in a or b follow.
 */
export function relationF1(a: readonly RelationItem[], b: readonly RelationItem[], types: readonly string[] = []): RelationF1 {
  const names = [...types]
  const counts: Record<string, MatchCount> = {}
  const countOf = (type: string) => {
    if (!counts[type]) {
      counts[type] = { a: 0, b: 0, found: 0, correct: 0 }
      if (!names.includes(type)) names.push(type)
    }
    return counts[type]
  }
  for (const type of types) countOf(type)
  const inA = new Set<string>()
  for (const relation of a) {
    const key = keyOf(relation)
    if (inA.has(key)) continue
    inA.add(key)
    countOf(relation.type).a++
  }
  const inB = new Set<string>()
  for (const relation of b) {
    const key = keyOf(relation)
    if (inB.has(key)) continue
    inB.add(key)
    const count = countOf(relation.type)
    count.b++
    if (inA.has(key)) {
      count.found++
      count.correct++
    }
  }
  const ordered: Record<string, MatchCount> = {}
  const scores: Record<string, F1Score> = {}
  for (const name of names) {
    ordered[name] = counts[name]
    scores[name] = f1Score(counts[name])
  }
  return { types: scores, micro: f1Score(sumCounts(Object.values(counts))), counts: ordered }
}

function keyOf({ document, from, to, type }: RelationItem): string {
  return JSON.stringify([document, from.start, from.end, from.label, to.start, to.end, to.label, type])
}
