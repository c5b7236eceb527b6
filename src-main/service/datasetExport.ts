// A dataset export as a job: the plan's documents written split by split in any format, each file whole or not at
// all, and the manifest beside them. The CLI writes to disk; the app gets the files as strings to download.
import './nativeHash'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Api, DatasetCounts, ExportWarning } from '../shared/api'
import { codecs, fileCodec, type FolderEntry } from '../shared/formats'
import type { NativeRecord, NativeRelation, NativeSpan } from '../shared/formats/native'
import { OffsetMap } from '../shared/offsets'
import { checkpoint, readTransaction, readTransactionSteps, type ReadableDB, type WritableDB } from '../store/db'
import { documentReader, iterateDocumentsWithStatus, type ExportedDocument } from '../store/documents'
import { relationReader } from '../store/relations'
import { exportedSpanReader, type ExportedSpanRow } from '../store/spans'
import { suggestionSpanReader } from '../store/suggestions'
import { planDataset, previewOf, type DatasetOptions, type DatasetPlan, type PlannedSplit } from './datasetPlan'
import { exportFileName, exportLayer, SUGGESTIONS_LAYER } from './export'
import { fileTarget, folderTarget, memoryTarget, type ExportTarget } from './exportTargets'
import { runJob, type Job, type Jobs, type RunOptions } from './jobs'
import { readGuidelines } from './guidelines'
import { agreementSummary, manifestJson, sha256OfFile, type ManifestFile } from './manifest'
import type { Workspace } from './workspace'

/** Where the export goes: files (a folder for brat) beside `out` on disk, or strings named after `fileName`. */
export type DatasetDestination = { disk: string } | { memory: string }

export interface DatasetResult {
  plan: DatasetPlan
  /** `location` is where the file was written (or its name in memory); `path` is relative to the manifest. */
  files: Array<ManifestFile & { location: string; content?: string }>
  manifest: { path: string; content: string }
  warnings: ExportWarning[]
}

/**
 * The names an export writes for `out`: a split's name goes before the extension (out-train.jsonl, or corpus-train
 * for a folder), and the manifest is the name without its extension plus .manifest.json.
 */
export function outputNames(out: string, splits: ReadonlyArray<string | null>, folder: boolean): { files: string[]; manifest: string } {
  const extension = folder ? '' : path.extname(out)
  const stem = out.slice(0, out.length - extension.length)
  return {
    files: splits.map((name) => (name === null ? out : `${stem}-${name}${extension}`)),
    manifest: `${stem}.manifest.json`,
  }
}

/**
 * Exports the dataset `options` describe, in a read transaction so every split comes from one state of the project.
 * A failure or a cancel removes every file written so far; the files are renamed into place together, the manifest last.
 */
export function* exportDatasetJob(db: ReadableDB, options: DatasetOptions, destination: DatasetDestination, projectFile: string): Job<DatasetResult> {
  const codec = 'memory' in destination ? fileCodec(options.format) : codecs[options.format]
  const folder = codec.output === 'folder'
  // The hash names the project as it was read, so it is taken before the read starts.
  const sha256 = yield* sha256OfFile(projectFile)
  const targets: ExportTarget[] = []
  try {
    return yield* readTransactionSteps(db, function* () {
      const plan = planDataset(db, options)
      const agreement = agreementSummary(db)
      const names = outputNames('disk' in destination ? destination.disk : destination.memory, plan.splits.map((s) => s.name), folder)
      const warnings: ExportWarning[] = []
      const files: DatasetResult['files'] = []
      let done = 0
      for (const [s, split] of plan.splits.entries()) {
        const name = names.files[s]
        const target = 'memory' in destination ? memoryTarget(name) : folder ? folderTarget(name, options.format) : fileTarget(name)
        targets.push(target)
        const counts: DatasetCounts = { documents: 0, spans: 0, labels: Object.fromEntries(plan.labels.map((label) => [label, 0])) }
        let droppedSpans = 0
        const warn = (warning: ExportWarning) => {
          droppedSpans += warning.dropped
          warnings.push(warning)
          options.onWarning?.(warning)
        }
        const chunks: Iterable<string | FolderEntry> = codec.write(datasetRecords(db, plan, split, options, counts), { separator: options.separator, warn })
        for (const chunk of chunks) {
          target.write(chunk)
          yield { done: done + counts.documents, total: plan.total.documents, documents: done + counts.documents }
        }
        done += counts.documents
        target.finish()
        files.push({ split: split.name, path: path.basename(name), location: name, ...counts, droppedSpans, content: target.content?.() })
      }
      const manifest = { path: names.manifest, content: manifestJson({ options, plan, files, project: { file: projectFile, sha256 }, guidelines: { sha256: readGuidelines(db).sha256 }, agreement }) }
      if ('disk' in destination) {
        const manifestTarget = fileTarget(names.manifest)
        targets.push(manifestTarget)
        manifestTarget.write(manifest.content)
        manifestTarget.finish()
        for (const target of targets) target.commit()
      }
      return { plan, files, manifest, warnings }
    })
  } catch (error) {
    for (const target of targets) target.abort()
    throw error
  }
}

/** The split's documents with the layer's spans of the chosen labels, counted as they are read. */
function* datasetRecords(db: ReadableDB, plan: DatasetPlan, split: PlannedSplit, options: DatasetOptions, counts: DatasetCounts): Generator<NativeRecord> {
  const suggestions = !plan.layer.all && plan.layer.name === SUGGESTIONS_LAYER
  const layer = plan.layer.all || suggestions ? undefined : plan.layer.name
  const spansOf = suggestions ? suggestionsAsSpans(db) : exportedSpanReader(db, layer)
  // Suggestions link nothing: relations belong to spans of a layer.
  const relationsOf: ReturnType<typeof relationReader> = suggestions ? () => [] : relationReader(db, layer)
  const documents = split.ids ? byId(db, split.ids) : iterateDocumentsWithStatus(db, options.status, layer ?? null)
  for (const { id, title, text, meta } of documents) {
    const spans: NativeSpan[] = []
    // Relations name spans by their index in `spans`; one whose end was filtered out is left out with it.
    const indexOf = new Map<number, number>()
    for (const [start, end, label, quote, annotator, spanId] of spansOf(id, text)) {
      if (plan.labelFilter && !plan.labelFilter.has(label)) continue
      indexOf.set(spanId, spans.length)
      spans.push({ start, end, label, text: quote, annotator })
      counts.labels[label]++
    }
    const relations: NativeRelation[] = []
    for (const relation of relationsOf(id)) {
      const from = indexOf.get(relation.from)
      const to = indexOf.get(relation.to)
      if (from !== undefined && to !== undefined) relations.push({ from, to, type: relation.type })
    }
    counts.documents++
    counts.spans += spans.length
    yield relations.length > 0 ? { id, title, text, meta, spans, relations } : { id, title, text, meta, spans }
  }
}

/** The stored suggestions of a document as span rows of the layer 'suggestions', quoting the text they cover. */
function suggestionsAsSpans(db: ReadableDB): (documentId: string, text: string) => ExportedSpanRow[] {
  const read = suggestionSpanReader(db)
  return (documentId, text) => {
    const rows = read(documentId)
    if (rows.length === 0) return []
    const map = new OffsetMap(text)
    // Not spans: no id any relation could name.
    return rows.map(([start, end, label], i) => [start, end, label, map.slice(start, end), SUGGESTIONS_LAYER, -(i + 1)])
  }
}

function* byId(db: ReadableDB, ids: readonly string[]): Generator<ExportedDocument> {
  const read = documentReader(db)
  for (const id of ids) {
    const document = read(id)
    if (document) yield document
  }
}

/** Exports to disk for the CLI; the project file is checkpointed first, so its hash covers what the export reads. */
export function exportDataset(db: WritableDB, options: DatasetOptions, out: string, projectFile: string, run: RunOptions = {}): Promise<DatasetResult> {
  checkpoint(db)
  return runJob(exportDatasetJob(db, options, { disk: out }, projectFile), run)
}

export function datasetMethods(ws: Workspace, jobs: Jobs): Pick<Api, 'export.preview' | 'export.dataset'> {
  return {
    // One read transaction, so the counts of every split come from one state of the project.
    'export.preview': (options) => {
      const db = ws.database()
      return previewOf(readTransaction(db, () => planDataset(db, options)))
    },
    'export.dataset': async ({ jobId, ...options }) => {
      const db = ws.database()
      const projectFile = ws.path
      const fileName = exportFileName(projectFile, options.format, exportLayer(db, options))
      // A read-only connection of its own: the export reads one snapshot while the app goes on editing between its steps.
      const result = await jobs.run(jobId ?? randomUUID(), 'export', function* () {
        checkpoint(db)
        const reader = ws.openReader()
        try {
          return yield* exportDatasetJob(reader, options, { memory: fileName }, projectFile)
        } finally {
          reader.close()
        }
      })
      return {
        files: result.files.map(({ split, path: name, documents, spans, labels, content }) => ({ split, fileName: name, content: content ?? '', documents, spans, labels })),
        manifest: { fileName: result.manifest.path, content: result.manifest.content },
        warnings: result.warnings,
        layer: previewOf(result.plan).layer,
        layerByDefault: result.plan.layer.byDefault,
        total: result.plan.total,
      }
    },
  }
}
