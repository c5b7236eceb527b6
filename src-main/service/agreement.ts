import { categoryConfusion, characterCategories, characterConfusion, fleissTotalsOfPairs } from '../shared/agreement/characters'
import { kappaFromConfusion } from '../shared/agreement/cohenKappa'
import { fleissKappaFromTotals } from '../shared/agreement/fleissKappa'
import { f1Score, matchCounts, sumCounts, type F1Score, type MatchCount } from '../shared/agreement/spanF1'
import { relationF1 } from '../shared/agreement/relations'
import { spanLayer } from '../shared/agreement/spanLayer'
import { expectedDisagreement, observedDisagreement, pairDisagreement, ratioAlpha, segmentsOf, type Segments } from '../shared/agreement/unitizedAlpha'
import type { AgreementReport, GroupScores, PairScores, Score, SpanScores } from '../shared/agreementReport'
import type { Api } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { GOLD_LAYER } from '../shared/model'
import type { ReadableDB } from '../store/db'
import { readContinuumSpans } from '../store/continuumSpans'
import { listLabels } from '../store/labels'
import { statusTable } from '../store/layerStatus'
import { listRelationTypes, relationItemsOfLayer } from '../store/relations'
import { listAnnotators } from '../store/spans'
import type { Workspace } from './workspace'

export interface AgreementOptions {
  /** The layers to compare, in this order; default every annotator but the gold layer. */
  annotators?: string[]
  /** Adds the gold layer, when there is one, after the others. */
  includeGold?: boolean
  /** Counts every document, finished or not; by default only those every compared annotator finished. */
  allDocuments?: boolean
}

/**
 * Agreement between annotators over the whole project, per label and overall, for every pair and for the group.
 * The documents are laid end to end, in project order, as one continuum; the kappas code each of its characters
 * by the label covering it (characters.ts says which when one annotator's spans overlap).
 */
export function projectAgreement(db: ReadableDB, options: AgreementOptions = {}): AgreementReport {
  const annotators = chooseAnnotators(db, options)
  const labels = listLabels(db).map((l) => l.name)
  const { counted, leftOut } = countedDocuments(db, annotators, options.allDocuments ?? false)
  const { documents, length, layers: columns } = readContinuumSpans(db, annotators, labels, counted)
  const layers = columns.map((c) => spanLayer(c.start, c.end, c.label, labels.length))
  const categories = layers.map((layer) => characterCategories(layer, length))
  const size = labels.length + 1
  // Each annotator's units per label for α_U, overlaps of one annotator merged.
  const units = layers.map((layer) =>
    labels.map((_, k) => {
      const [from, to] = [layer.groups[k], layer.groups[k + 1]]
      return segmentsOf(layer.start.subarray(from, to), layer.end.subarray(from, to), length)
    }),
  )

  const pairs: PairWork[] = []
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const disagreement = labels.map((_, k) => pairDisagreement(units[i][k], units[j][k]))
      pairs.push({
        annotators: [annotators[i], annotators[j]],
        exact: matchCounts(layers[i], layers[j], 'exact'),
        overlap: matchCounts(layers[i], layers[j], 'overlap'),
        confusion: characterConfusion(categories[i], categories[j], size),
        disagreement,
        unitizing: labels.map((_, k) => unitizing([disagreement[k]], [units[i][k], units[j][k]], length)),
      })
    }
  }
  const groupUnitizing = labels.map((_, k) =>
    unitizing(
      pairs.map((p) => p.disagreement[k]),
      units.map((u) => u[k]),
      length,
    ),
  )

  const pairScores = (p: PairWork, k: number | null): PairScores => ({
    exactF1: spanScores(f1Score(k === null ? sumCounts(p.exact) : p.exact[k])),
    overlapF1: spanScores(f1Score(k === null ? sumCounts(p.overlap) : p.overlap[k])),
    cohenKappa: score(k === null ? kappaFromConfusion(p.confusion, size) : kappaFromConfusion(categoryConfusion(p.confusion, size, k + 1), 2)),
    unitizedAlpha: score(k === null ? overallAlpha(p.unitizing) : ratioAlpha(p.unitizing[k].observed, p.unitizing[k].expected)),
  })
  // Relations of the documents the spans were counted on, and of no other.
  const countedSet = counted && new Set(counted)
  const relationItems = annotators.map((name) => relationItemsOfLayer(db, name).filter((r) => !countedSet || countedSet.has(r.document)))
  const relationTypes = listRelationTypes(db).map((t) => t.name)
  for (const item of relationItems.flat()) if (!relationTypes.includes(item.type)) relationTypes.push(item.type)
  const reported = pairs.map((p) => {
    const [i, j] = [annotators.indexOf(p.annotators[0]), annotators.indexOf(p.annotators[1])]
    const relations = relationF1(relationItems[i], relationItems[j], relationTypes)
    return {
      annotators: p.annotators,
      overall: pairScores(p, null),
      labels: Object.fromEntries(labels.map((label, k) => [label, pairScores(p, k)])),
      relations: { overall: spanScores(relations.micro), types: Object.fromEntries(relationTypes.map((t) => [t, spanScores(relations.types[t])])) },
    }
  })
  const confusions = pairs.map((p) => p.confusion)
  const groupScores = (k: number | null): GroupScores => ({
    exactF1: mean(reported.map((p) => (k === null ? p.overall : p.labels[labels[k]]).exactF1.f1)),
    overlapF1: mean(reported.map((p) => (k === null ? p.overall : p.labels[labels[k]]).overlapF1.f1)),
    fleissKappa: score(
      k === null
        ? fleissKappaFromTotals(fleissTotalsOfPairs(confusions, size, annotators.length))
        : fleissKappaFromTotals(fleissTotalsOfPairs(confusions.map((c) => categoryConfusion(c, size, k + 1)), 2, annotators.length)),
    ),
    unitizedAlpha: score(k === null ? overallAlpha(groupUnitizing) : ratioAlpha(groupUnitizing[k].observed, groupUnitizing[k].expected)),
  })

  return {
    annotators,
    labels,
    documents,
    allDocuments: options.allDocuments ?? false,
    leftOut,
    characters: length,
    spans: Object.fromEntries(annotators.map((a, i) => [a, Object.fromEntries(labels.map((label, k) => [label, layers[i].groups[k + 1] - layers[i].groups[k]]))])),
    relationTypes,
    relations: Object.fromEntries(
      annotators.map((a, i) => [a, Object.fromEntries(relationTypes.map((t) => [t, relationItems[i].filter((r) => r.type === t).length]))]),
    ),
    pairs: reported,
    group: { overall: groupScores(null), labels: Object.fromEntries(labels.map((label, k) => [label, groupScores(k)])) },
  }
}

/** What a pair's scores are made of, per label. */
interface PairWork {
  annotators: [string, string]
  exact: MatchCount[]
  overlap: MatchCount[]
  /** Character categories, none first, then the labels. */
  confusion: Float64Array
  /** Σ δ² of α_U. */
  disagreement: number[]
  unitizing: Disagreement[]
}

interface Disagreement {
  observed: number
  expected: number
}

/**
 * The documents every compared annotator has finished (gold: reviewed), and the others with why they were left out;
 * with `all`, every document (counted: undefined) and none left out.
 */
function countedDocuments(db: ReadableDB, annotators: readonly string[], all: boolean): { counted?: string[]; leftOut: AgreementReport['leftOut'] } {
  if (all) return { leftOut: [] }
  const people = annotators.filter((name) => name !== GOLD_LAYER)
  const counted: string[] = []
  const leftOut: AgreementReport['leftOut'] = []
  for (const row of statusTable(db, people)) {
    const reasons = people.filter((name) => row.statuses[name] !== 'done').map((name) => `${name} has not finished`)
    if (annotators.includes(GOLD_LAYER) && !row.reviewed) reasons.push('the gold layer is not reviewed')
    if (reasons.length === 0) counted.push(row.documentId)
    else leftOut.push({ documentId: row.documentId, title: row.title, reasons })
  }
  return { counted, leftOut }
}

/** The layers to compare: those named, or every annotator but the gold layer; the gold layer added when asked. */
function chooseAnnotators(db: ReadableDB, { annotators, includeGold }: AgreementOptions): string[] {
  const present = listAnnotators(db)
  const unknown = (annotators ?? []).filter((name) => !present.includes(name))
  if (unknown.length > 0) {
    throw new FactspanError('bad-input', `no spans by ${unknown.map((n) => `"${n}"`).join(', ')} in this project; its annotators are ${present.map((n) => `"${n}"`).join(', ') || 'none yet'}`)
  }
  const chosen = [...new Set(annotators ?? present.filter((name) => name !== GOLD_LAYER))]
  if (includeGold && present.includes(GOLD_LAYER) && !chosen.includes(GOLD_LAYER)) chosen.push(GOLD_LAYER)
  return chosen
}

/** D_O and D_E of one label over some annotators, from their pairs' Σ δ². */
function unitizing(pairSums: number[], units: Segments[], length: number): Disagreement {
  if (units.length < 2 || length === 0) return { observed: NaN, expected: NaN }
  const sum = pairSums.reduce((a, b) => a + b, 0)
  return { observed: observedDisagreement(sum, units.length, length), expected: expectedDisagreement(units, length) }
}

/** Overall α_U: 1 − mean D_O / mean D_E over the labels; labels nobody used add nothing to either. */
function overallAlpha(perLabel: Disagreement[]): number {
  let observed = 0
  let expected = 0
  for (const d of perLabel) {
    observed += d.observed
    expected += d.expected
  }
  return ratioAlpha(observed, expected)
}

function score(value: number): Score {
  return Number.isFinite(value) ? value : null
}

function spanScores(f: F1Score): SpanScores {
  return { precision: score(f.precision), recall: score(f.recall), f1: score(f.f1) }
}

/** Mean of the defined values; null when none is. */
function mean(values: Score[]): Score {
  const defined = values.filter((v): v is number => v !== null)
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null
}

export function agreementMethods(ws: Workspace): Pick<Api, 'review.agreement'> {
  return {
    'review.agreement': (options) => projectAgreement(ws.database(), options),
  }
}
