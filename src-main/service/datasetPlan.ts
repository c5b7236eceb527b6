// What a dataset export will hold before anything is written: which documents (status filter), which spans (layer
// and label filters), and which split each document goes to. The app's preview and the export share it.
import type { DatasetCounts, DocumentStatus, ExportPreview } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { checkSplitRatios, type SplitRatio } from '../shared/splitSpec'
import type { ReadableDB } from '../store/db'
import { countDocuments, iterateDocumentIds } from '../store/documents'
import { listLabels } from '../store/labels'
import { countSpansByLabelInLayer, iterateSpanCountsByDocument } from '../store/spans'
import { countSuggestionsByLabel, iterateSuggestionCountsByDocument } from '../store/suggestions'
import { exportLayer, layerName, SUGGESTIONS_LAYER, type ExportLayer, type ExportOptions } from './export'
import { assignSplits, type SpanCounts } from './splits'

export interface DatasetOptions extends ExportOptions {
  /** Only documents with one of these statuses; every document when absent. */
  status?: readonly DocumentStatus[]
  /** Only spans with these labels; every label when absent. */
  labels?: readonly string[]
  /** One file per split; one file when absent. */
  split?: readonly SplitRatio[]
  /** The seed of the split; 0 when absent. */
  seed?: number
}

export interface PlannedSplit {
  /** null for an export without splits. */
  name: string | null
  /** The split's documents in project order; null without splits, when the export reads the documents as they come. */
  ids: string[] | null
  counts: DatasetCounts
}

export interface DatasetPlan {
  layer: ExportLayer
  /** The labels exported, in the project's order. */
  labels: string[]
  /** The label filter; null for every label. */
  labelFilter: ReadonlySet<string> | null
  splits: PlannedSplit[]
  total: DatasetCounts
  seed: number
}

export function planDataset(db: ReadableDB, options: DatasetOptions): DatasetPlan {
  const layer = exportLayer(db, options)
  const projectLabels = listLabels(db).map((l) => l.name)
  const labelFilter = options.labels ? new Set(options.labels) : null
  const unknown = [...(labelFilter ?? [])].filter((label) => !projectLabels.includes(label))
  if (unknown.length > 0) {
    throw new FactspanError('bad-input', `no label ${unknown.map((l) => `"${l}"`).join(', ')} in this project; its labels are ${projectLabels.join(', ')}`)
  }
  if (options.split) checkSplitRatios(options.split)
  const labels = projectLabels.filter((label) => labelFilter === null || labelFilter.has(label))
  const seed = options.seed ?? 0

  const layerFilter = layer.all ? undefined : layer.name
  // Suggestions are never spans: only asked for by name do they stand in for a layer.
  const suggestions = !layer.all && layer.name === SUGGESTIONS_LAYER
  const zeroes = () => Object.fromEntries(labels.map((label) => [label, 0])) as Record<string, number>
  if (!options.split && !options.status) {
    // The whole project: two aggregate queries, no list of documents.
    const total: DatasetCounts = { documents: countDocuments(db), spans: 0, labels: zeroes() }
    for (const [label, n] of (suggestions ? countSuggestionsByLabel(db) : countSpansByLabelInLayer(db, layerFilter))) {
      if (labelFilter && !labelFilter.has(label)) continue
      total.labels[label] += n
      total.spans += n
    }
    return { layer, labels, labelFilter, splits: [{ name: null, ids: null, counts: total }], total, seed }
  }

  const ids = [...iterateDocumentIds(db, options.status, layerFilter ?? null)]
  const row = new Map(ids.map((id, i) => [id, i]))
  const column = new Map(labels.map((label, l) => [label, l]))
  const matrix: SpanCounts = { ids, labels: labels.length, counts: new Int32Array(ids.length * labels.length) }
  for (const [documentId, label, count] of (suggestions ? iterateSuggestionCountsByDocument(db) : iterateSpanCountsByDocument(db, layerFilter))) {
    const [r, l] = [row.get(documentId), column.get(label)]
    // Spans of documents or labels the filters leave out.
    if (r !== undefined && l !== undefined) matrix.counts[r * labels.length + l] = count
  }
  const countsOf = (rows: Iterable<number>, documents: number): DatasetCounts => {
    const counts: DatasetCounts = { documents, spans: 0, labels: zeroes() }
    for (const r of rows) {
      for (let l = 0; l < labels.length; l++) {
        const n = matrix.counts[r * labels.length + l]
        counts.labels[labels[l]] += n
        counts.spans += n
      }
    }
    return counts
  }

  const total = countsOf(ids.keys(), ids.length)
  if (!options.split) return { layer, labels, labelFilter, splits: [{ name: null, ids: null, counts: total }], total, seed }
  const chosen = assignSplits(matrix, options.split, seed)
  const members = options.split.map((): number[] => [])
  chosen.forEach((s, r) => members[s].push(r))
  return {
    layer,
    labels,
    labelFilter,
    splits: options.split.map((split, s) => ({ name: split.name, ids: members[s].map((r) => ids[r]), counts: countsOf(members[s], members[s].length) })),
    total,
    seed,
  }
}

export function previewOf(plan: DatasetPlan): ExportPreview {
  return {
    layer: layerName(plan.layer),
    layerByDefault: plan.layer.byDefault,
    splits: plan.splits.map((split) => ({ name: split.name, ...split.counts })),
    total: plan.total,
  }
}
