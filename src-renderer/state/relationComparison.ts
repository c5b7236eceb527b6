// How the compared layers' relations agree, for the compare view, and which relations a version brings into gold.
// A relation matches another when both ends match exactly (start, end, label) and the type is the same. Pure.
import type { Version, VersionSpan } from '../../src-main/shared/comparison'
import { GOLD_LAYER, type Relation, type Span } from '../../src-main/shared/model'
import type { GoldRelationEnds } from './applyEdits'

const endKey = (s: VersionSpan) => `${s.start}:${s.end}:${s.label}`

/** One relation as the layers made it: its two ends by place, its type, and the layers that have it. */
export interface RelationComparison {
  key: string
  from: Span
  to: Span
  type: string
  layers: string[]
  /** Every compared layer has it. */
  agreed: boolean
}

/** The compared layers' relations, matched across layers, in text order of their first end. */
export function compareRelations(spans: readonly Span[], relations: readonly Relation[], layers: readonly string[]): RelationComparison[] {
  const byId = new Map(spans.map((s) => [s.id, s]))
  const wanted = new Set(layers)
  const found = new Map<string, RelationComparison>()
  for (const relation of relations) {
    if (!wanted.has(relation.annotator)) continue
    const from = byId.get(relation.from)
    const to = byId.get(relation.to)
    if (!from || !to) continue
    const key = `${endKey(from)}>${endKey(to)}>${relation.type}`
    const seen = found.get(key) ?? { key, from, to, type: relation.type, layers: [], agreed: false }
    if (!seen.layers.includes(relation.annotator)) seen.layers.push(relation.annotator)
    found.set(key, seen)
  }
  return [...found.values()]
    .map((c) => ({ ...c, layers: [...c.layers].sort(), agreed: c.layers.length === wanted.size }))
    .sort((a, b) => a.from.start - b.from.start || a.to.start - b.to.start || (a.key < b.key ? -1 : 1))
}

/**
 * The relations a version takes into gold: the first of its annotators' relations that touch one of its spans and
 * whose other end gold has (or gets with this version), each named by where its ends are.
 */
export function relationsToTake(version: Version, compared: readonly Span[], relations: readonly Relation[], goldAfter: readonly VersionSpan[]): GoldRelationEnds[] {
  const annotator = version.annotators.find((a) => a !== GOLD_LAYER)
  if (!annotator || version.spans.length === 0) return []
  const inVersion = new Set(version.spans.map(endKey))
  const inGold = new Set(goldAfter.map(endKey))
  const layer = new Map(compared.filter((s) => s.annotator === annotator).map((s) => [s.id, s]))
  const taken: GoldRelationEnds[] = []
  for (const relation of relations) {
    if (relation.annotator !== annotator) continue
    const from = layer.get(relation.from)
    const to = layer.get(relation.to)
    if (!from || !to) continue
    if (!inVersion.has(endKey(from)) && !inVersion.has(endKey(to))) continue
    if (!inGold.has(endKey(from)) || !inGold.has(endKey(to))) continue
    taken.push({ from: { start: from.start, end: from.end, label: from.label }, to: { start: to.start, end: to.end, label: to.label }, type: relation.type })
  }
  return taken
}

/** The relations every compared layer made whose two ends gold has (or gets), each named by where its ends are. */
export function relationsAgreed(comparisons: readonly RelationComparison[], goldAfter: readonly VersionSpan[]): GoldRelationEnds[] {
  const inGold = new Set(goldAfter.map(endKey))
  return comparisons
    .filter((c) => c.agreed && inGold.has(endKey(c.from)) && inGold.has(endKey(c.to)))
    .map((c) => ({ from: { start: c.from.start, end: c.from.end, label: c.from.label }, to: { start: c.to.start, end: c.to.end, label: c.to.label }, type: c.type }))
}
