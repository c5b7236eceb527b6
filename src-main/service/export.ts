import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { FactspanError } from '../shared/errors'
import type { Api, ColumnSeparator, ExportFormat, ExportWarning } from '../shared/api'
import { codecs, exportFormats, fileCodec, type FolderEntry, type JsonlFormat } from '../shared/formats'
import type { NativeRecord } from '../shared/formats/native'
import { GOLD_LAYER, isGoldName } from '../shared/model'
import { countReviewedDocuments, iterateDocuments } from '../store/documents'
import { hasLayer, spanReader } from '../store/spans'
import { fileTarget, folderTarget, type ExportTarget } from './exportTargets'
import type { Workspace } from './workspace'

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

export interface ExportCounts {
  documents: number
  spans: number
}

/** The layer an export takes: one annotator's (or gold), or every layer; `byDefault` when nobody named it. */
export type ExportLayer = { all: true; byDefault: boolean } | { all: false; name: string; byDefault: boolean }

/** A project has a gold layer once a reviewer has accepted a span or marked a document reviewed. */
export function hasGoldLayer(db: Database): boolean {
  return hasLayer(db, GOLD_LAYER) || countReviewedDocuments(db) > 0
}

export function exportLayer(db: Database, options: Pick<ExportOptions, 'annotator' | 'layer'>): ExportLayer {
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
  const which = layer.all ? 'every layer' : layer.name === GOLD_LAYER ? 'the gold layer' : `${layer.name}'s layer`
  if (!layer.byDefault) return which
  return layer.all ? `${which} (the default while the project has no gold layer)` : `${which} (the default once a project has one; --annotator NAME or --layer all for others)`
}

/** The documents with the exported layer's spans, in project order; counts are filled in as they are read. */
export function* exportRecords(db: Database, options: ExportOptions, counts: ExportCounts = { documents: 0, spans: 0 }): Generator<NativeRecord> {
  const layer = exportLayer(db, options)
  const spansOf = spanReader(db, layer.all ? undefined : layer.name)
  for (const doc of iterateDocuments(db)) {
    const spans = spansOf(doc.id).map(({ start, end, label, text, annotator }) => ({ start, end, label, text, annotator }))
    counts.documents++
    counts.spans += spans.length
    yield { id: doc.id, title: doc.title, text: doc.text, meta: doc.meta, spans }
  }
}

/** The export of a JSONL format as its lines, one document each. */
export function* exportLines(db: Database, options: ExportOptions & { format: JsonlFormat }, counts?: ExportCounts): Generator<string> {
  const serialize = exportFormats[options.format]
  for (const record of exportRecords(db, options, counts)) yield serialize(record)
}

/** The export of a format written as one file, in the chunks its codec writes. */
export function* exportChunks(db: Database, options: ExportOptions, counts?: ExportCounts): Generator<string> {
  yield* fileCodec(options.format).write(exportRecords(db, options, counts), { separator: options.separator, warn: options.onWarning })
}

/** Writes the export beside its destination and renames it into place, so a failure never leaves half a file. */
export function exportToFile(db: Database, options: ExportOptions, file: string): ExportCounts {
  const counts: ExportCounts = { documents: 0, spans: 0 }
  writeWhole(fileTarget(file), exportChunks(db, options, counts))
  return counts
}

/** Writes a folder format (brat) into a new folder beside the destination and renames it into place, whole or not at all. */
export function exportToFolder(db: Database, options: ExportOptions, folder: string): ExportCounts {
  const codec = codecs[options.format]
  if (codec.output !== 'folder') throw new FactspanError('bad-input', `${options.format} writes one file, not a folder`)
  const counts: ExportCounts = { documents: 0, spans: 0 }
  writeWhole(folderTarget(folder, options.format), codec.write(exportRecords(db, options, counts), { warn: options.onWarning }))
  return counts
}

function writeWhole(target: ExportTarget, chunks: Iterable<string | FolderEntry>): void {
  try {
    for (const chunk of chunks) target.write(chunk)
    target.finish()
    target.commit()
  } catch (error) {
    target.abort()
    throw error
  }
}

export function exportFileName(projectPath: string, format: ExportFormat, layer: ExportLayer): string {
  const suffix = layer.all ? '' : `-${layer.name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}`
  return `${path.basename(projectPath, '.factspan')}-${format}${suffix}${codecs[format].extensions[0]}`
}

export function exportMethods(ws: Workspace): Pick<Api, 'export.build'> {
  return {
    'export.build': (options) => {
      const db = ws.database()
      const layer = exportLayer(db, options)
      const counts: ExportCounts = { documents: 0, spans: 0 }
      const warnings: ExportWarning[] = []
      let content = ''
      for (const chunk of exportChunks(db, { ...options, onWarning: (w) => warnings.push(w) }, counts)) content += chunk
      return {
        fileName: exportFileName(ws.path, options.format, layer),
        content,
        ...counts,
        warnings,
        layer: layerName(layer),
        layerByDefault: layer.byDefault,
        reviewed: countReviewedDocuments(db),
      }
    },
  }
}
