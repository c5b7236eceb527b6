// Which layer an export takes and what its file is called, for the dataset export and the CLI.
import path from 'node:path'
import { FactspanError } from '../shared/errors'
import type { ColumnSeparator, ExportFormat, ExportWarning } from '../shared/api'
import { codecs } from '../shared/formats'
import { GOLD_LAYER, isGoldName, SUGGESTIONS_LAYER } from '../shared/model'
import type { ReadableDB } from '../store/db'
import { countReviewedDocuments } from '../store/documents'
import { hasLayer } from '../store/spans'

export interface ExportOptions {
  format: ExportFormat
  /** One annotator's layer, named exactly. */
  annotator?: string
  /** 'gold', 'all' (every layer) or an annotator's name. Without it or `annotator`: gold once the project has a gold layer, else all. */
  layer?: string
  /** bio / bioes / bmes: the column separator, tab when absent. */
  separator?: ColumnSeparator
  /** Told about each document whose spans the format cannot hold as they are. */
  onWarning?: (warning: ExportWarning) => void
}

/** `--layer suggestions`: the stored suggestions (imported, or written by `factspan suggest`) exported as spans. */
export { SUGGESTIONS_LAYER }

/** The layer an export takes: one annotator's (or gold), or every layer; `byDefault` when nobody named it. */
export type ExportLayer = { all: true; byDefault: boolean } | { all: false; name: string; byDefault: boolean }

/** A project has a gold layer once a reviewer has accepted a span or marked a document reviewed. */
function hasGoldLayer(db: ReadableDB): boolean {
  return hasLayer(db, GOLD_LAYER) || countReviewedDocuments(db) > 0
}

export function exportLayer(db: ReadableDB, options: Pick<ExportOptions, 'annotator' | 'layer'>): ExportLayer {
  if (options.annotator !== undefined && options.layer !== undefined) {
    throw new FactspanError('bad-input', 'Name the layer once: either an annotator or a layer.')
  }
  if (options.annotator !== undefined) return { all: false, name: options.annotator, byDefault: false }
  if (options.layer === 'all') return { all: true, byDefault: false }
  if (options.layer !== undefined) return { all: false, name: isGoldName(options.layer) ? GOLD_LAYER : options.layer, byDefault: false }
  return hasGoldLayer(db) ? { all: false, name: GOLD_LAYER, byDefault: true } : { all: true, byDefault: true }
}

export function layerName(layer: ExportLayer): string {
  return layer.all ? 'all' : layer.name
}

/** Says which layer was exported and why, for the console. */
export function describeLayer(layer: ExportLayer): string {
  const which = layer.all ? 'every layer' : layer.name === GOLD_LAYER ? 'the gold layer' : layer.name === SUGGESTIONS_LAYER ? 'the stored suggestions' : `${layer.name}'s layer`
  if (!layer.byDefault) return which
  return layer.all ? `${which} (the default while the project has no gold layer)` : `${which} (the default once a project has one; --annotator NAME or --layer all for others)`
}

export function exportFileName(projectPath: string, format: ExportFormat, layer: ExportLayer): string {
  const suffix = layer.all ? '' : `-${layer.name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}`
  return `${path.basename(projectPath, '.factspan')}-${format}${suffix}${codecs[format].extensions[0]}`
}
