// The one typed contract between the renderer and the main side: argument schemas and result types here, the list
// of methods (with their job flags) and events in apiNames.ts. The service implements it, the dispatcher, both
// bridges and the preload loop over the list, the renderer's client is derived from `Api`. Adding a method touches
// the contract and one service file, never the preload or a bridge.
import { z } from 'zod'
import type { Document, DocumentStatus, DocumentSummary, Label, LayerStatus, ProjectInfo, Relation, RelationType, Span } from './model'
import { DOCUMENT_STATUSES, isGoldName, LAYER_STATUSES, SUGGESTIONS_LAYER } from './model'
import type { AgreementReport } from './agreementReport'
import type { RelationSuggestion } from './suggest/relations'
import { splitRatios, splitSeed } from './splitSpec'
import type { EventName } from './apiNames'
import type { UserPattern } from './suggest/rules/userPatterns'

export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gb18030', 'big5'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]
/** The formats that are written and read back. */
const ROUND_TRIP_FORMATS = ['native', 'doccano', 'spacy', 'prodigy', 'labelstudio', 'clue', 'brat', 'bio', 'bioes', 'bmes'] as const
/** `facts` is one line per fact with its sentence: written only, since it does not hold the documents' text. */
export const EXPORT_FORMATS = [...ROUND_TRIP_FORMATS, 'facts'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
/**
 * Every export format but facts reads back; `text` is one document per file, `jsonl` picks the JSONL format from the
 * first line, and `conll` reads tagged tokens in the scheme their tags show (bio, bioes or bmes).
 */
export const IMPORT_FORMATS = ['text', 'jsonl', 'conll', ...ROUND_TRIP_FORMATS] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
/** The column separator of bio / bioes / bmes files. */
export const COLUMN_SEPARATORS = ['tab', 'space'] as const
export type ColumnSeparator = (typeof COLUMN_SEPARATORS)[number]
/** What a brat import does with a span made of several fragments: one span per fragment, or none. */
export const DISCONTINUOUS_SPANS = ['split', 'skip'] as const
export type DiscontinuousSpans = (typeof DISCONTINUOUS_SPANS)[number]

// Names people type and files carry: a control character or a lone surrogate in one is a mistake or an attack,
// and a lone surrogate cannot even be written as UTF-8.
const UNCLEAN = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const isClean = (name: string) => !UNCLEAN.test(name)
const UNCLEAN_MESSAGE = 'must not contain control characters or lone surrogates'
const cleanName = (max: number) => z.string().min(1).max(max).refine(isClean, UNCLEAN_MESSAGE)
/** A name as typed: trimmed first. */
const typedName = (max: number) => z.string().trim().min(1).max(max).refine(isClean, UNCLEAN_MESSAGE)

const documentId = z.string().min(1).max(512)
const spanId = z.number().int().positive()
const offset = z.number().int().nonnegative()
const projectPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'must not contain NUL')
const spanLabel = cleanName(100)
const annotatorName = cleanName(200)
const storedSpan = z.object({
  id: spanId,
  documentId,
  start: offset,
  end: offset,
  label: spanLabel,
  text: z.string(),
  annotator: annotatorName,
  createdAt: z.string().max(64),
})
const labelName = typedName(100)
const relationId = z.number().int().positive()
const relationTypeName = typedName(100)
const storedRelation = z.object({
  id: relationId,
  documentId,
  annotator: annotatorName,
  from: spanId,
  to: spanId,
  type: cleanName(100),
  createdAt: z.string().max(64),
})
/** A file's bytes as base64; a stray character would otherwise be skipped silently and the bytes change. */
const fileBytes = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
/** A JSON field a user names, as doccano's import dialog lets them. */
const fieldName = typedName(200)
/** Chosen by the app for a long import or export, so it can cancel the job and follow its 'job-progress' events. */
const jobId = z.string().min(1).max(100)
const documentStatus = z.enum(DOCUMENT_STATUSES, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a status; the statuses are ${DOCUMENT_STATUSES.join(', ')}`,
})
/** What a dataset export takes: the layer (one annotator's, 'gold' or 'all'), filters, and splits. */
const datasetOptions = {
  format: z.enum(EXPORT_FORMATS),
  annotator: annotatorName.optional(),
  layer: annotatorName.optional(),
  separator: z.enum(COLUMN_SEPARATORS).optional(),
  /** Only documents with one of these statuses; every document when absent. */
  status: z.array(documentStatus).min(1).max(DOCUMENT_STATUSES.length).optional(),
  /** Only spans with these labels; every label when absent. Documents without them are still exported. */
  labels: z.array(spanLabel).min(1).max(1000).optional(),
  /** One file per split, split by document and stratified by label; the ratios add up to 1. */
  split: splitRatios.optional(),
  /** The seed of the split; the same seed and project give the same files. */
  seed: splitSeed.optional(),
}
/** A suggestion is named by where it is and its label; `source` narrows a decision to one source. */
const suggestionKey = z.object({
  start: offset,
  end: offset,
  label: spanLabel,
  source: z.string().min(1).max(100).optional(),
  /** accept only: the label of the span to make, when not the suggestion's (a label key on a selected suggestion). */
  as: spanLabel.optional(),
})
const suggestionItems = z.array(suggestionKey).min(1).max(200_000)
const userPattern = z.object({
  label: spanLabel,
  pattern: z.string().min(1).max(10_000),
  regex: z.boolean().optional(),
  id: z.string().min(1).max(200).optional(),
})
const externalRecommender = z.object({
  enabled: z.boolean(),
  /** A local HTTP endpoint (see the README for the JSON it takes and answers). */
  url: z.string().max(2000).refine((url) => url === '' || /^https?:\/\//.test(url), 'must be an http:// or https:// address'),
})
const labelFields = z.object({
  name: labelName,
  /** A hex colour such as #f59e0b. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as #f59e0b'),
  /** One digit or letter; '' for none. */
  hotkey: z.string().max(1),
  description: z.string().max(2000),
})

/** A gold span named by where it is, for a relation taken along with a version's spans. */
const goldSpanEnd = z.object({ start: offset, end: offset, label: spanLabel })
const relationTypeFields = z.object({
  name: relationTypeName,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as #2563eb'),
  /** One digit or letter, pressed in relation mode; '' for none. */
  hotkey: z.string().max(1),
  description: z.string().max(2000),
  /** The labels allowed at the start of a relation of this type; empty allows every label. */
  fromLabels: z.array(spanLabel).max(1000),
  /** The labels allowed at its end; empty allows every label. */
  toLabels: z.array(spanLabel).max(1000),
})

export const argSchemas = {
  'project.info': z.object({}),
  'project.open': z.object({ path: projectPath }),
  'project.create': z.object({ path: projectPath }),
  'project.setAnnotator': z.object({
    name: typedName(200)
      .refine((name) => !isGoldName(name), 'The name "gold" is kept for the reviewer\'s gold layer: choose another name.')
      .refine((name) => name.trim().toLowerCase() !== SUGGESTIONS_LAYER, 'The name "suggestions" names the stored suggestions in exports: choose another name.'),
  }),
  'project.stats': z.object({}),
  'project.choose': z.object({ mode: z.enum(['open', 'create']) }),
  /** The backups of a project (the open one when no path is given), newest first. */
  'project.backups': z.object({ path: projectPath.optional() }),
  /** Backs up the open project now. */
  'project.backup': z.object({}),
  /** Puts a backup back (the newest, or `from`) in place of a project (the open one by default), backing it up first; then opens it. */
  'project.restore': z.object({ path: projectPath.optional(), from: projectPath.optional() }),
  /** What can still be read of a damaged project (the open one by default), as native JSONL to download. */
  'project.salvage': z.object({ path: projectPath.optional() }),
  'documents.list': z.object({
    status: z.enum(DOCUMENT_STATUSES).optional(),
    query: z.string().max(500).optional(),
  }),
  'documents.get': z.object({ id: documentId }),
  'documents.setDone': z.object({ id: documentId, done: z.boolean() }),
  'documents.next': z.object({ after: documentId }),
  /** Each document's status for each annotator (or one), gold left out: for scripts and the progress view. */
  'documents.statuses': z.object({ annotator: annotatorName.optional() }),
  /** Sets one annotator's status of some documents, as a script does; the gold layer is marked reviewed in review instead. */
  'documents.setStatus': z.object({ ids: z.array(documentId).min(1).max(100_000), annotator: annotatorName, status: z.enum(LAYER_STATUSES) }),
  /** The project's annotation guidelines, in Markdown. */
  'guidelines.get': z.object({}),
  /** Replaces the project's guidelines (a reviewer's edit in the app). */
  'guidelines.set': z.object({ markdown: z.string().max(1_000_000) }),
  /** Who has finished what: the figures of the progress view and of `factspan stats`. */
  'project.progress': z.object({}),
  'spans.list': z.object({ documentId, annotator: annotatorName.optional() }),
  'spans.add': z.object({ documentId, start: offset, end: offset, label: spanLabel }),
  'spans.remove': z.object({ id: spanId }),
  /** Puts back a span removed earlier, with its id, for undo. */
  'spans.restore': z.object({ span: storedSpan }),
  'spans.relabel': z.object({ id: spanId, label: spanLabel }),
  /** Moves a span's boundaries; the text it quotes follows. */
  'spans.resize': z.object({ id: spanId, start: offset, end: offset }),
  /** Tags many ranges of one document with one label in one transaction; ranges already tagged the same are skipped. */
  'spans.addMany': z.object({
    documentId,
    label: spanLabel,
    ranges: z.array(z.object({ start: offset, end: offset })).max(200_000),
  }),
  'spans.removeMany': z.object({ ids: z.array(spanId).max(200_000) }),
  /** Puts back spans removed earlier, with their ids, in one transaction: the undo of a bulk removal. */
  'spans.restoreMany': z.object({ spans: z.array(storedSpan).max(200_000) }),
  'labels.list': z.object({}),
  /** A new label at the end of the set; without a hotkey it gets the first free one. */
  'labels.add': labelFields.partial({ color: true, hotkey: true, description: true }),
  /** Changes a label; a new name relabels every span that has it. */
  'labels.update': z.object({ name: labelName, label: labelFields }),
  'labels.reorder': z.object({ names: z.array(labelName).max(1000) }),
  /** How many spans (of every annotator) have a label: what deleting it would remove. */
  'labels.usage': z.object({ name: labelName }),
  /** Deletes a label and every span that has it, in one transaction; returns what undo needs. */
  'labels.remove': z.object({ name: labelName }),
  /** Puts back a deleted label at its place, with its spans. */
  'labels.restore': z.object({
    label: labelFields,
    position: z.number().int().nonnegative(),
    spans: z.array(storedSpan).max(1_000_000),
    /** The relations of those spans, deleted with them. */
    relations: z.array(storedRelation).max(1_000_000).optional(),
  }),
  /** A document's relations, one layer's or every layer's, in the order they were made. */
  'relations.list': z.object({ documentId, annotator: annotatorName.optional() }),
  /** Links two spans of one document and layer with a type that allows their labels; linking them again returns the link made before. */
  'relations.add': z.object({ from: spanId, to: spanId, type: relationTypeName }),
  'relations.remove': z.object({ id: relationId }),
  /** Puts back relations removed earlier (by relations.remove, or with their spans), with their ids, in one transaction. */
  'relations.restoreMany': z.object({ relations: z.array(storedRelation).max(1_000_000) }),
  'relations.retype': z.object({ id: relationId, type: relationTypeName }),
  /** Suggested relations of my layer of a document: each metric or measure to the nearest span each type allows, in its sentence. */
  'relations.suggest': z.object({ documentId }),
  'relationTypes.list': z.object({}),
  /** A new relation type at the end of the set; without a hotkey it gets the first free one. */
  'relationTypes.add': relationTypeFields.partial({ color: true, hotkey: true, description: true, fromLabels: true, toLabels: true }),
  /** Changes a relation type; a new name carries over to every relation of it. */
  'relationTypes.update': z.object({ name: relationTypeName, type: relationTypeFields }),
  /** Deletes a relation type and every relation of it, in one transaction; returns what undo needs. */
  'relationTypes.remove': z.object({ name: relationTypeName }),
  /** Puts back a deleted relation type at its place, with its relations. */
  'relationTypes.restore': z.object({
    type: relationTypeFields,
    position: z.number().int().nonnegative(),
    relations: z.array(storedRelation).max(1_000_000),
  }),
  /** Files travel as bytes (base64) so the browser's file picker and Electron's work alike. */
  'import.files': z.object({
    files: z
      .array(z.object({ name: z.string().min(1).max(4096), base64: fileBytes }))
      .min(1)
      .max(100_000),
    format: z.enum(IMPORT_FORMATS).optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    /** Every format: import what can be trusted and list the rest with its file and line, instead of refusing the file. */
    lenient: z.boolean().optional(),
    separator: z.enum(COLUMN_SEPARATORS).optional(),
    discontinuous: z.enum(DISCONTINUOUS_SPANS).optional(),
    /** JSON formats: the field that holds the text, when it is not "text" (doccano's "Column data"). */
    textField: fieldName.optional(),
    /** doccano: the field that holds the spans, when it is not "label" (doccano's "Column label"). */
    labelField: fieldName.optional(),
    /** 'suggestions': store the file's spans as suggestions to accept or reject (a model run elsewhere), not as spans. */
    as: z.enum(['spans', 'suggestions']).optional(),
    jobId: jobId.optional(),
  }),
  /** The documents and spans per label each split of a dataset export would get, without writing anything. */
  'export.preview': z.object(datasetOptions),
  /** A dataset export: one file per split (or one file) and its manifest, run as a job the app can cancel. */
  'export.dataset': z.object({ ...datasetOptions, jobId: jobId.optional() }),
  /** Stops a running import or export; the file being imported is left out whole, an export writes nothing. */
  'jobs.cancel': z.object({ jobId }),
  /** Another annotator's .factspan project or native JSONL export, as bytes like 'import.files'. */
  'merge.files': z.object({
    files: z
      .array(z.object({ name: z.string().min(1).max(4096), base64: fileBytes }))
      .min(1)
      .max(1000),
    /** Whose layer spans without an annotator (in JSONL) go to. */
    annotator: typedName(200).optional(),
  }),
  'review.layers': z.object({}),
  /** Changes a document's gold layer in one transaction: removes gold spans by id, adds spans (with their ids when put back by undo). */
  'review.editGold': z.object({
    documentId,
    add: z
      .array(z.object({ id: spanId.optional(), start: offset, end: offset, label: spanLabel, createdAt: z.string().max(64).optional() }))
      .max(100_000),
    remove: z.array(spanId).max(100_000),
    /** Gold relations to add, after the spans: each end a gold span's id, or its start, end and label (a span of `add`, when taking a version). */
    addRelations: z
      .array(
        z.object({
          id: relationId.optional(),
          from: z.union([spanId, goldSpanEnd]),
          to: z.union([spanId, goldSpanEnd]),
          type: relationTypeName,
          createdAt: z.string().max(64).optional(),
        }),
      )
      .max(100_000)
      .optional(),
    /** Gold relations to remove by id; removing a span removes its relations too. */
    removeRelations: z.array(relationId).max(100_000).optional(),
  }),
  'review.setReviewed': z.object({ id: documentId, reviewed: z.boolean() }),
  /** The next document not reviewed yet after `after` (from the first without it), wrapping around; null when all are. */
  'review.next': z.object({ after: documentId.optional() }),
  /** Agreement between layers over the whole project; by default every annotator but the gold layer. */
  /** Only documents every compared annotator marked done (the gold layer: reviewed), unless `allDocuments`. */
  'review.agreement': z.object({ annotators: z.array(annotatorName).max(100).optional(), includeGold: z.boolean().optional(), allDocuments: z.boolean().optional() }),
  /**
   * The open suggestions of a document for my layer: not rejected by me, not already a span of mine with the same
   * start, end and label, from enabled sources only (all enabled ones when `sources` is absent). Rules and the
   * dictionary are computed live; 'model' and 'external' may take longer, so ask for them apart.
   */
  'suggestions.list': z.object({ documentId, sources: z.array(z.string().min(1).max(100)).max(20).optional() }),
  /** Makes spans in my layer (with the key's label, which may differ from the suggestion's) and records 'accepted', in one transaction. */
  'suggestions.accept': z.object({ documentId, items: suggestionItems }),
  /** Remembers the suggestions as rejected for my layer, so they do not come back. */
  'suggestions.reject': z.object({ documentId, items: suggestionItems }),
  /** Forgets my decisions on the suggestions: the undo of accept (with spans.removeMany) or reject. */
  'suggestions.forget': z.object({ documentId, items: suggestionItems }),
  'suggestions.settings': z.object({}),
  'suggestions.configure': z.object({
    sources: z.record(z.string().min(1).max(100), z.boolean()).optional(),
    /** Built-in rules switched off, by id; replaces the list. */
    disabledRules: z.array(z.string().min(1).max(200)).max(1000).optional(),
    /** The project's own patterns; replaces them. */
    patterns: z.array(userPattern).max(100_000).optional(),
    external: externalRecommender.optional(),
  }),
  /**
   * Adds the patterns of a Prodigy-style JSONL file ({"label": …, "pattern": …}, "regex": true for a regular
   * expression) to the project's. Files travel as content, as with 'import.files', so the browser's picker works too.
   */
  'suggestions.importPatterns': z.object({ name: z.string().min(1).max(4096), content: z.string().max(50_000_000) }),
  /** The project's patterns as Prodigy-style JSONL, to download. */
  'suggestions.exportPatterns': z.object({}),
  /** Per source: how many of its suggestions were accepted and rejected in this project. */
  'suggestions.quality': z.object({}),
  /** The project's trained model, or null when it has none. */
  'model.info': z.object({}),
  /** Trains the model on a worker thread from the finished documents of a layer ('gold' or an annotator's), stores it in the project. */
  'model.train': z.object({
    layer: annotatorName,
    labels: z.array(spanLabel).min(1).max(1000).optional(),
    /** The share of documents held out to evaluate on (default 0.1). */
    heldOut: z.number().min(0).max(0.9).optional(),
    seed: z.number().int().min(0).max(4_294_967_295).optional(),
    /** Passes over the documents (default 10). */
    epochs: z.number().int().min(1).max(100).optional(),
    /** Also train on a quarter and a half of the training part, for the learning curve (default true). */
    learningCurve: z.boolean().optional(),
    jobId: jobId.optional(),
  }),
  /** The project's model file, to download. */
  'model.save': z.object({}),
  /** A model file (as saved, base64) in place of the project's model. */
  'model.load': z.object({ name: z.string().min(1).max(4096), base64: fileBytes }),
} as const

export interface ImportFileReport {
  file: string
  documents: number
  spans: number
  relations: number
  /** Suggestions stored (a file's predictions, or its spans imported as suggestions). */
  suggestions?: number
  /** Documents already in the project with the same text: left as they were. */
  skipped: number
  encoding?: string
  /** How the file was read where the importer chose, e.g. "BIOES, since its tags use E- and S-". */
  readAs?: string
}

export interface ImportError {
  file: string
  line?: number
  reason: string
  message: string
}

/** Something a file had that was left out (a relation, an invalid tag sequence in lenient mode), with where it was. */
export type ImportWarning = ImportError

export interface ImportReport {
  imported: ImportFileReport[]
  errors: ImportError[]
  warnings: ImportWarning[]
  /** Labels that arrived with the data and were added to the project's label set. */
  newLabels: string[]
  /** Relation types that arrived with the data and were added to the project's set. */
  newRelationTypes?: string[]
  /** True when the import was cancelled: the file it was on is among the errors, the files after it were not read. */
  cancelled?: boolean
}

/** A backup of a project: a project file in the backups folder beside it. */
export interface Backup {
  file: string
  /** When it was made, ISO 8601 in UTC. */
  createdAt: string
  /** Why: 'daily', 'manual', 'before-restore', 'before-upgrade-to-vN', or 'damaged-before-restore' for a byte copy of a damaged file. */
  reason: string
  bytes: number
}

export interface BackupList {
  project: string
  /** Where the backups are kept: NAME.backups/ beside the project. */
  folder: string
  backups: Backup[]
}

export interface RestoreResult {
  project: ProjectInfo
  /** The backup put back. */
  from: string
  /** The project as it was, backed up before the restore; null when there was no file. */
  saved: Backup | null
}

/** The readable part of a damaged project as native JSONL, and what of it could not be read. */
export interface Salvage {
  fileName: string
  content: string
  documents: number
  spans: number
  /** Rows SQLite could not read, or whose text or quote no longer matches: left out. */
  skippedDocuments: number
  skippedSpans: number
}

export interface ProjectStats {
  documents: number
  /** The project as a whole: reviewed, else done once every annotator who began a document finished it. */
  byStatus: Record<DocumentStatus, number>
  spans: number
  byLabel: Record<string, number>
  relations: number
  byRelationType: Record<string, number>
  annotators: string[]
}

export interface LabelUsage {
  spans: number
  documents: number
}

/** A deleted label with everything needed to put it back. */
export interface LabelRemoval {
  label: Label
  /** Its place in the set, 0 first. */
  position: number
  spans: Span[]
  /** The relations of those spans, deleted with them. */
  relations: Relation[]
  labels: Label[]
}

/** A deleted relation type with everything needed to put it back. */
export interface RelationTypeRemoval {
  type: RelationType
  /** Its place in the set, 0 first. */
  position: number
  relations: Relation[]
  types: RelationType[]
}

/** A document whose spans the format cannot hold as they are: how many were left out, and why. */
export interface ExportWarning {
  documentId: string
  dropped: number
  reason: string
}

/** Documents, spans and spans per label of a dataset export or of one of its splits. */
export interface DatasetCounts {
  documents: number
  spans: number
  labels: Record<string, number>
}

export interface ExportPreview {
  /** The layer exported: 'gold', 'all' or an annotator's name. */
  layer: string
  layerByDefault: boolean
  /** Each split in the order asked; one entry named null without splits. */
  splits: Array<DatasetCounts & { name: string | null }>
  total: DatasetCounts
}

export interface DatasetFile extends DatasetCounts {
  split: string | null
  fileName: string
  content: string
}

export interface DatasetExport {
  files: DatasetFile[]
  /** The manifest JSON written beside the files (see the README). */
  manifest: { fileName: string; content: string }
  warnings: ExportWarning[]
  layer: string
  layerByDefault: boolean
  total: DatasetCounts
}

/** Sent as the 'job-progress' event while a job runs, and once more with fraction 1 when it ends. */
export interface JobProgress {
  jobId: string
  kind: 'import' | 'export' | 'training' | 'suggest'
  /** How far the job is, in its own units (documents, or bytes of a file). */
  done: number
  total: number
  /** done ÷ total, from 0 to 1. */
  fraction: number
  /** The file being imported. */
  file?: string
}

export interface MergeFileReport {
  file: string
  /** A .factspan project or a JSONL export. */
  source: 'project' | 'jsonl'
  /** The layers that arrived, by annotator name. */
  annotators: string[]
  /** Documents the project lacked, and documents matched by their text. */
  documents: { added: number; matched: number }
  /** Spans new to the project, and spans it had already (merging a file again adds nothing). */
  spans: { added: number; skipped: number }
  /** Relations new to the project, and relations it had already. */
  relations: { added: number; skipped: number }
  /** Annotators' statuses of documents that arrived or changed (the later change wins). */
  statuses: number
  /** The file's guidelines against this project's, which stay as they are: 'none' when the file keeps none. */
  guidelines: 'same' | 'different' | 'none'
}

/** Something of a file that was not merged: a whole file that could not be read, or one document of it. */
export interface MergeProblem {
  file: string
  line?: number
  documentId?: string
  reason: string
  message: string
}

export interface MergeReport {
  /** Files merged, each in its own transaction. */
  merged: MergeFileReport[]
  problems: MergeProblem[]
  newLabels: string[]
}

export interface LayerSummary {
  name: string
  spans: number
  documents: number
  relations: number
  /** Documents this annotator marked done (the gold layer: documents reviewed). */
  finished: number
}

export interface ReviewLayers {
  /** Every annotator's layer, the gold layer left out. */
  annotators: LayerSummary[]
  gold: LayerSummary
  documents: number
  reviewed: number
}

/** What one change of the gold layer did: exactly what undo takes back. */
export interface GoldEdit {
  added: Span[]
  removed: Span[]
  addedRelations: Relation[]
  /** Removed by id, or with a removed span. */
  removedRelations: Relation[]
}

/** Each document's status per annotator, as `factspan status` lists it. */
export interface StatusTable {
  annotators: string[]
  documents: Array<{ documentId: string; title: string; reviewed: boolean; statuses: Record<string, LayerStatus> }>
}

export interface Guidelines {
  markdown: string
  /** The Markdown rendered as HTML by the service, unsanitized: the renderer sanitizes it before showing it. */
  html: string
  /** SHA-256 of the Markdown as UTF-8: what export manifests name. */
  sha256: string
}

/** Who has finished what, per annotator (gold left out): the progress view and `factspan stats`. */
export interface TeamProgress {
  annotators: string[]
  labels: string[]
  documents: number
  /** Documents by status, per annotator. */
  byStatus: Record<string, Record<LayerStatus, number>>
  /** Spans per label, per annotator. */
  spansByLabel: Record<string, Record<string, number>>
  /** Documents finished per day (UTC, YYYY-MM-DD), per annotator, days in order: cumulative counts. */
  finishedOverTime: Array<{ day: string; finished: Record<string, number> }>
  /** Agreement per label over the documents every annotator finished (the group's overlap F1 and α_U). */
  agreement: { counted: number; leftOut: number; labels: Record<string, { overlapF1: number | null; unitizedAlpha: number | null }> } | null
}

/** Where suggestions come from; a new source may use any other name. */
export type SuggestionSourceKind = 'rule' | 'dictionary' | 'model' | 'imported' | 'external' | 'relation' | (string & {})

/** A proposed span, named by (documentId, start, end, label): no id. Offsets in code points, end exclusive. */
export interface SuggestionView {
  documentId: string
  start: number
  end: number
  label: string
  source: SuggestionSourceKind
  /** 0…1 */
  score: number
  /** The rule (or `user:…` pattern) that made it. */
  ruleId?: string
  /** The text it covers. */
  text: string
}

export type SuggestionKey = z.infer<typeof suggestionKey>

export interface SuggestionRuleInfo {
  id: string
  family: string
  /** The label its suggestions get. */
  label: string
  description: string
  enabled: boolean
}

export interface SuggestionSettings {
  /** Every source by name, on or off; 'external' is off by default. */
  sources: Record<string, boolean>
  rules: SuggestionRuleInfo[]
  patterns: UserPattern[]
  external: { enabled: boolean; url: string }
}

export interface SourceQuality {
  source: string
  accepted: number
  rejected: number
}

export interface ModelLabelScore {
  label: string
  precision: number
  recall: number
  f1: number
  /** Spans of the label in the held-out documents. */
  support: number
}

/** The project's model: what it learned from, and how well it does on the held-out documents. */
export interface ModelInfo {
  trainedAt: string
  /** The layer it learned from ('gold' or an annotator's); '' when loaded from a file that does not say. */
  layer: string
  labels: string[]
  /** Documents it learned from, and documents held out to evaluate it. */
  documents: number
  heldOutDocuments: number
  milliseconds: number
  /** Null when nothing was held out. */
  evaluation: { perLabel: ModelLabelScore[]; micro: { precision: number; recall: number; f1: number } } | null
  learningCurve: Array<{ share: number; documents: number; f1: number }>
}

type Args<K extends keyof typeof argSchemas> = z.infer<(typeof argSchemas)[K]>

/** Method name → argument and result types. */
export interface Api {
  'project.info': (args: Args<'project.info'>) => ProjectInfo
  'project.open': (args: Args<'project.open'>) => ProjectInfo
  'project.create': (args: Args<'project.create'>) => ProjectInfo
  'project.setAnnotator': (args: Args<'project.setAnnotator'>) => ProjectInfo
  'project.stats': (args: Args<'project.stats'>) => ProjectStats
  /** The path picked in the native open or save dialog; null when the user cancelled. Desktop app only. */
  'project.choose': (args: Args<'project.choose'>) => Promise<string | null>
  'project.backups': (args: Args<'project.backups'>) => BackupList
  'project.backup': (args: Args<'project.backup'>) => Backup
  'project.restore': (args: Args<'project.restore'>) => RestoreResult
  'project.salvage': (args: Args<'project.salvage'>) => Salvage
  'documents.list': (args: Args<'documents.list'>) => DocumentSummary[]
  'documents.get': (args: Args<'documents.get'>) => Document
  'documents.setDone': (args: Args<'documents.setDone'>) => DocumentSummary
  'documents.next': (args: Args<'documents.next'>) => string | null
  'documents.statuses': (args: Args<'documents.statuses'>) => StatusTable
  /** How many layers changed. */
  'documents.setStatus': (args: Args<'documents.setStatus'>) => { changed: number }
  'guidelines.get': (args: Args<'guidelines.get'>) => Guidelines
  'guidelines.set': (args: Args<'guidelines.set'>) => Guidelines
  'project.progress': (args: Args<'project.progress'>) => TeamProgress
  'spans.list': (args: Args<'spans.list'>) => Span[]
  'spans.add': (args: Args<'spans.add'>) => Span
  'spans.remove': (args: Args<'spans.remove'>) => Span
  'spans.restore': (args: Args<'spans.restore'>) => Span
  'spans.relabel': (args: Args<'spans.relabel'>) => Span
  'spans.resize': (args: Args<'spans.resize'>) => Span
  /** The spans added, in text order; occurrences already tagged the same are left out. */
  'spans.addMany': (args: Args<'spans.addMany'>) => Span[]
  'spans.removeMany': (args: Args<'spans.removeMany'>) => Span[]
  'spans.restoreMany': (args: Args<'spans.restoreMany'>) => Span[]
  'labels.list': (args: Args<'labels.list'>) => Label[]
  'labels.add': (args: Args<'labels.add'>) => Label[]
  'labels.update': (args: Args<'labels.update'>) => Label[]
  'labels.reorder': (args: Args<'labels.reorder'>) => Label[]
  'labels.usage': (args: Args<'labels.usage'>) => LabelUsage
  'labels.remove': (args: Args<'labels.remove'>) => LabelRemoval
  'labels.restore': (args: Args<'labels.restore'>) => Label[]
  'relations.list': (args: Args<'relations.list'>) => Relation[]
  'relations.add': (args: Args<'relations.add'>) => Relation
  'relations.remove': (args: Args<'relations.remove'>) => Relation
  'relations.restoreMany': (args: Args<'relations.restoreMany'>) => Relation[]
  'relations.retype': (args: Args<'relations.retype'>) => Relation
  'relations.suggest': (args: Args<'relations.suggest'>) => RelationSuggestion[]
  'relationTypes.list': (args: Args<'relationTypes.list'>) => RelationType[]
  'relationTypes.add': (args: Args<'relationTypes.add'>) => RelationType[]
  'relationTypes.update': (args: Args<'relationTypes.update'>) => RelationType[]
  'relationTypes.remove': (args: Args<'relationTypes.remove'>) => RelationTypeRemoval
  'relationTypes.restore': (args: Args<'relationTypes.restore'>) => RelationType[]
  'import.files': (args: Args<'import.files'>) => Promise<ImportReport>
  'export.preview': (args: Args<'export.preview'>) => ExportPreview
  'export.dataset': (args: Args<'export.dataset'>) => Promise<DatasetExport>
  'jobs.cancel': (args: Args<'jobs.cancel'>) => boolean
  'merge.files': (args: Args<'merge.files'>) => MergeReport
  'review.layers': (args: Args<'review.layers'>) => ReviewLayers
  'review.editGold': (args: Args<'review.editGold'>) => GoldEdit
  'review.setReviewed': (args: Args<'review.setReviewed'>) => DocumentSummary
  'review.next': (args: Args<'review.next'>) => string | null
  'review.agreement': (args: Args<'review.agreement'>) => AgreementReport
  /** In text order. */
  'suggestions.list': (args: Args<'suggestions.list'>) => Promise<SuggestionView[]>
  'suggestions.accept': (args: Args<'suggestions.accept'>) => Span[]
  'suggestions.reject': (args: Args<'suggestions.reject'>) => { rejected: number }
  'suggestions.forget': (args: Args<'suggestions.forget'>) => { forgotten: number }
  'suggestions.settings': (args: Args<'suggestions.settings'>) => SuggestionSettings
  'suggestions.configure': (args: Args<'suggestions.configure'>) => SuggestionSettings
  'suggestions.importPatterns': (args: Args<'suggestions.importPatterns'>) => SuggestionSettings
  'suggestions.exportPatterns': (args: Args<'suggestions.exportPatterns'>) => { fileName: string; content: string; patterns: number }
  'suggestions.quality': (args: Args<'suggestions.quality'>) => SourceQuality[]
  'model.info': (args: Args<'model.info'>) => ModelInfo | null
  'model.train': (args: Args<'model.train'>) => Promise<ModelInfo>
  'model.save': (args: Args<'model.save'>) => { fileName: string; base64: string; bytes: number }
  'model.load': (args: Args<'model.load'>) => ModelInfo
}

export type Method = keyof Api
export type ArgsOf<M extends Method> = Parameters<Api[M]>[0]
/** What a method resolves to: the jobs ('import.files', 'export.dataset') return promises. */
export type ResultOf<M extends Method> = Awaited<ReturnType<Api[M]>>

/** Event name → payload: what the main side sends to every window. */
export interface ApiEvents {
  /** Another project was opened, or the label set changed. */
  /** `restored`: a backup was just put back in place of the project. */
  'project-changed': { path: string; restored?: boolean }
  /** Documents or their spans changed; `ids` names them, and is absent when any may have (an import). */
  'documents-changed': { ids?: string[] }
  'job-progress': JobProgress
  /** Suggestions may have changed (a model trained, settings changed, the CLI wrote some); for one document or all. */
  'suggestions-changed': { documentId?: string }
}
/** One event as both bridges carry it. */
export type EventMessage = { [E in EventName]: { event: E; payload: ApiEvents[E] } }[EventName]

// Every method of Api has a schema and a line in apiNames.ts, and every event a name: a missing or extra one fails to compile.
const everyMethodHasASchema: Record<Method, z.ZodType> = argSchemas
void everyMethodHasASchema
type ExtraSchemas = Exclude<keyof typeof argSchemas, Method>
const noExtraSchemas: ExtraSchemas extends never ? true : never = true
void noExtraSchemas
type UnlistedEvents = Exclude<keyof ApiEvents, EventName>
const everyEventIsListed: UnlistedEvents extends never ? true : never = true
void everyEventIsListed

export { EVENT_NAMES, isEventName, isMethod, METHODS, methodNames, type DesktopMethod, type EventName } from './apiNames'

export interface ApiError {
  /** A stable code the renderer can branch on; the message is for people. */
  code:
    | 'invalid-arguments'
    | 'not-found'
    | 'conflict'
    | 'bad-input'
    | 'no-project'
    | 'cancelled'
    | 'unavailable'
    | 'internal'
    // The project file or its disk failed: nothing was written, and what was saved before is kept.
    | 'disk-full'
    | 'in-use'
    | 'read-only'
    | 'corrupt'
    | 'io-error'
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export type { Document, DocumentStatus, DocumentSummary, Label, LayerStatus, ProjectInfo, Relation, RelationSuggestion, RelationType, Span }
