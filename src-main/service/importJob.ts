// An import as a job: each file (a brat .txt with its .ann) in one transaction, stored a batch of documents per step,
// so it can be cancelled and show progress. A JSONL file is read a line at a time, from disk or from the bytes the app
// sent (a large file on disk on a second thread, see jsonlWorker.ts); other files whole.
// A file that fails or is cancelled is rolled back whole; the files before it stay imported.
import './nativeHash'
import type { ImportError, ImportReport, ImportWarning } from '../shared/api'
import { FactspanError, InputError } from '../shared/errors'
import type { FileWarning } from '../shared/formats'
import { sourceLine, textSha256, type NativeRecord, type NativeRelation } from '../shared/formats/native'
import { byteOrderMark } from '../shared/formats/text'
import { pairAnnotationFiles } from '../shared/formats/pairs'
import { labelNameProblem, labelsToAdd, MAX_LABELS, tooManyLabels } from '../shared/labelSet'
import { isGoldName, type Label } from '../shared/model'
import { codePointLength } from '../shared/offsets'
import { writeTransactionSteps, type ReadableDB, type WritableDB } from '../store/db'
import { documentFinder, documentWriter } from '../store/documents'
import { addMissingLabels, listLabels } from '../store/labels'
import { addMissingRelationTypes, relationCopier } from '../store/relations'
import { spanCopier, spanIdFinder } from '../store/spans'
import { storageError } from '../store/storageErrors'
import { suggestionWriter } from '../store/suggestions'
import { megabytes, MAX_WHOLE_FILE_BYTES, parseOptionsOf, readImportFile, readsByLine, type ImportFile, type ImportOptions } from './importFile'
import { JobCancelled, type Job } from './jobs'
import { BATCH, bytesOf, headOf, jsonlRecordBatches, lineEncoding, sizeOf, type ByteSource, type RecordBatch } from './jsonlFile'
import { parsedOnWorker } from './jsonlWorker'
import { now } from './workspace'

/** A file to import: its bytes (the app sends them), or its path on disk (the CLI, which reads JSONL as a stream). */
export type ImportSource = ImportFile | { name: string; path: string }

export function* importJob(db: WritableDB, sources: readonly ImportSource[], options: ImportOptions): Job<ImportReport> {
  if (isGoldName(options.annotator)) throw new FactspanError('bad-input', GOLD_REFUSED)
  const report: ImportReport = { imported: [], errors: [], warnings: [], newLabels: [] }
  const units = options.format === undefined || options.format === 'brat' ? pairAnnotationFiles(sources) : sources.map((file) => ({ file, companion: undefined }))
  let documents = 0
  for (const [index, { file, companion }] of units.entries()) {
    const warnings: FileWarning[] = []
    const read: { encoding: string; readAs?: string } = { encoding: '' }
    try {
      // Inside the try: a project another program holds locked is reported like any failure of this file.
      const { stored } = yield* writeTransactionSteps(db, function* () {
        const store = recordStore(db, file.name, options.lenient ?? false, warnings, options.as ?? 'spans')
        for (const batch of recordBatches(file, companion, options, warnings, read)) {
          store.add(batch)
          yield { done: index + batch.fraction, total: units.length, file: file.name, documents: documents + store.stored.documents }
        }
        return store
      })
      documents += stored.documents
      report.imported.push({
        file: file.name,
        documents: stored.documents,
        spans: stored.spans,
        relations: stored.relations,
        ...(stored.suggestions > 0 ? { suggestions: stored.suggestions } : {}),
        skipped: stored.skipped,
        encoding: read.encoding,
        ...(read.readAs ? { readAs: read.readAs } : {}),
      })
      // In the file's order: a file read in batches lists the problems of its lines before those of their spans.
      report.warnings.push(...inLineOrder(warnings).map(toImportWarning))
      report.newLabels.push(...stored.newLabels)
      if (stored.newRelationTypes.length > 0) (report.newRelationTypes ??= []).push(...stored.newRelationTypes)
    } catch (error) {
      // The file's transaction is rolled back already.
      if (error instanceof JobCancelled) {
        report.errors.push({ file: file.name, reason: 'import cancelled: nothing of this file was imported', message: `${file.name}: import cancelled: nothing of this file was imported` })
        report.cancelled = true
        return report
      }
      // A full disk or a project locked by another program would refuse every file after this one as well.
      const storage = storageError(error, db.name)
      if (storage) {
        const rest = units.length - index - 1
        const reason = `not imported: ${storage.message}${rest > 0 ? ` The import stopped here: ${rest} more file${rest === 1 ? ' was' : 's were'} not read.` : ''}`
        report.errors.push({ file: file.name, reason, message: `${file.name}: ${reason}` })
        return report
      }
      report.errors.push(toImportError(file.name, error))
    }
  }
  return report
}

const GOLD_REFUSED =
  "the gold layer is the reviewer's alone and is never imported: import the spans as an annotator's (--annotator NAME), compare them in review and accept them into gold there"

/** The file's records a batch at a time; `read.encoding` is set once the file is decoded. */
function* recordBatches(
  file: ImportSource,
  companion: ImportSource | undefined,
  options: ImportOptions,
  warnings: FileWarning[],
  read: { encoding: string; readAs?: string },
): Generator<RecordBatch> {
  const source: ByteSource = 'path' in file ? { path: file.path } : { bytes: file.bytes }
  if (readsByLine(file.name, options.format)) {
    const head = headOf(source)
    const encoding = lineEncoding(head, file.name, options.encoding ?? 'auto')
    read.encoding = encoding === 'utf-16' ? byteOrderMark(head)!.encoding : encoding
    const jsonl = {
      encoding,
      encodingNamed: (options.encoding ?? 'auto') !== 'auto',
      format: options.format,
      defaults: { annotator: options.annotator },
      options: parseOptionsOf(options),
    }
    yield* 'path' in file ? parsedOnWorker(file.path, file.name, jsonl, warnings) : jsonlRecordBatches(source, file.name, jsonl, warnings)
    return
  }
  const bytes = (unit: ImportSource, from: ByteSource): ImportFile => {
    // Checked before reading: a file read whole sits in memory decoded.
    const size = sizeOf(from)
    if (size > MAX_WHOLE_FILE_BYTES) {
      throw new InputError(unit.name, 1, `is ${megabytes(size)}, more than a file read whole may be (${megabytes(MAX_WHOLE_FILE_BYTES)}); only JSONL reads a line at a time`)
    }
    return { name: unit.name, bytes: bytesOf(from) }
  }
  const sourceOf = (unit: ImportSource): ByteSource => ('path' in unit ? { path: unit.path } : { bytes: unit.bytes })
  const parsed = readImportFile(bytes(file, source), options, companion && bytes(companion, sourceOf(companion)))
  warnings.push(...parsed.warnings)
  read.encoding = parsed.encoding
  read.readAs = parsed.readAs
  const { records } = parsed
  for (let i = 0; i < records.length; i += BATCH) yield { records: records.slice(i, i + BATCH), fraction: Math.min(1, (i + BATCH) / records.length) }
  if (records.length === 0) yield { records: [], fraction: 1 }
}

interface Stored {
  documents: number
  spans: number
  relations: number
  suggestions: number
  /** Documents already in the project with the same text. */
  skipped: number
  newLabels: string[]
  newRelationTypes: string[]
}

/** Stores one file's records inside its transaction, with statements prepared once for all its documents and spans. */
function recordStore(db: WritableDB, file: string, lenient: boolean, warnings: FileWarning[], as: 'spans' | 'suggestions'): { stored: Stored; add(batch: RecordBatch): void } {
  const find = documentFinder(db)
  const writeDocument = documentWriter(db)
  const copySpan = spanCopier(db)
  const copyRelation = relationCopier(db)
  const findSpan = spanIdFinder(db)
  const createdAt = now()
  const writeSuggestion = suggestionWriter(db, createdAt)
  const stored: Stored = { documents: 0, spans: 0, relations: 0, suggestions: 0, skipped: 0, newLabels: [], newRelationTypes: [] }

  /** Stores a record's relations between its spans, stored just before; one that cannot hold is listed and left out. */
  function addRelations(record: NativeRecord, line: number | undefined) {
    const relations = record.relations ?? []
    if (relations.length === 0) return
    const leftOut = (i: number, why: string): [] => {
      warnings.push({ file, line, reason: `relations[${i}] ${why}; left out` })
      return []
    }
    const kept = relations.flatMap((relation, i) => {
      const from = record.spans[relation.from]
      const to = record.spans[relation.to]
      if (!from || !to) return leftOut(i, `names span ${from ? relation.to : relation.from}, but the document has ${record.spans.length} span(s)`)
      if (from.annotator !== to.annotator) return leftOut(i, `links spans of two layers (${from.annotator}, ${to.annotator})`)
      const typeProblem = labelNameProblem(relation.type)
      if (typeProblem) return leftOut(i, `has the type ${JSON.stringify(relation.type)}, which ${typeProblem}`)
      const fromId = findSpan(record.id, from.annotator, from.start, from.end, from.label)
      const toId = findSpan(record.id, to.annotator, to.start, to.end, to.label)
      if (fromId === undefined || toId === undefined) return []
      if (fromId === toId) return leftOut(i, 'links a span to itself')
      return [{ documentId: record.id, annotator: from.annotator, from: fromId, to: toId, type: relation.type, createdAt }]
    })
    stored.newRelationTypes.push(...addMissingRelationTypes(db, new Set(kept.map((r) => r.type))))
    for (const relation of kept) if (copyRelation(relation)) stored.relations++
  }

  return {
    stored,
    add({ records, lines, hashes }) {
      stored.newLabels.push(...addMissingLabels(db, labelsFor(db, file, records, lines, lenient, warnings)))
      for (const [i, record] of records.entries()) {
        const sha = hashes?.[i] ?? textSha256(record)
        const existing = find.hashOf(record.id)
        if (existing === undefined) {
          writeDocument({ id: record.id, title: record.title, text: record.text, textSha256: sha, length: codePointLength(record.text), meta: record.meta }, createdAt)
          stored.documents++
        } else if (existing === sha) {
          stored.skipped++
        } else {
          // Same id, other text: merging would attach spans to the wrong characters.
          const problem = new InputError(file, lines?.[i] ?? sourceLine(record), `document "${record.id}" is already in the project with a different text`)
          if (!lenient) throw problem
          warnings.push({ file, line: problem.line, reason: `${problem.reason}; document left out` })
          continue
        }
        if (as === 'suggestions') {
          // A model run elsewhere: its spans are offered, not taken.
          for (const { start, end, label } of record.spans) writeSuggestion({ documentId: record.id, start, end, label, source: 'imported', score: 1 })
          stored.suggestions += record.spans.length
        } else {
          for (const [k, { start, end, label, text, annotator }] of record.spans.entries()) {
            if (isGoldName(annotator)) throw new InputError(file, lines?.[i] ?? sourceLine(record), `spans[${k}] is in the gold layer: ${GOLD_REFUSED}`)
            if (copySpan(record.id, [start, end, label, text, annotator, createdAt])) stored.spans++
          }
        }
        for (const { start, end, label, source, score } of record.suggestions ?? []) writeSuggestion({ documentId: record.id, start, end, label, source, score })
        stored.suggestions += record.suggestions?.length ?? 0
        addRelations(record, lines?.[i] ?? sourceLine(record))
      }
    },
  }
}

/**
 * Labels the records use that the project lacks, with colours and free hotkeys. Labels past the set's limit refuse the
 * file, naming the first line that uses one; with `lenient`, their spans are left out and listed instead.
 */
function labelsFor(db: ReadableDB, file: string, records: NativeRecord[], lines: number[] | undefined, lenient: boolean, warnings: FileWarning[]): Label[] {
  const existing = listLabels(db)
  const { added, over } = labelsToAdd(
    existing,
    records.flatMap((record) => [...record.spans, ...(record.suggestions ?? [])].map((span) => ({ name: span.label }))),
  )
  if (over.length === 0) return added
  const refused = new Set(over)
  const lineOf = (i: number) => lines?.[i] ?? sourceLine(records[i])
  if (!lenient) {
    const first = records.findIndex((record) => record.spans.some((span) => refused.has(span.label)))
    throw new InputError(file, lineOf(first), tooManyLabels(existing.length, over).message)
  }
  for (const [i, record] of records.entries()) {
    const kept = record.spans.filter((span) => !refused.has(span.label))
    if (record.relations) record.relations = reindexRelations(record, (span) => !refused.has(span.label))
    for (const span of record.spans.filter((s) => refused.has(s.label))) {
      warnings.push({ file, line: lineOf(i), reason: `label ${JSON.stringify(span.label)} of the span at ${span.start}–${span.end}: no room, a project keeps at most ${MAX_LABELS} labels; left out` })
    }
    record.spans = kept
    if (record.suggestions) record.suggestions = record.suggestions.filter((s) => !refused.has(s.label))
  }
  return added
}

/** A record's relations after some of its spans are left out: indices moved to the kept spans, links to the others dropped. */
function reindexRelations(record: NativeRecord, keep: (span: NativeRecord['spans'][number]) => boolean): NativeRelation[] {
  const index: Array<number | undefined> = []
  let next = 0
  for (const span of record.spans) index.push(keep(span) ? next++ : undefined)
  return (record.relations ?? []).flatMap(({ from, to, type }) => {
    const f = index[from]
    const t = index[to]
    return f === undefined || t === undefined ? [] : [{ from: f, to: t, type }]
  })
}

function inLineOrder(warnings: FileWarning[]): FileWarning[] {
  return [...warnings].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity))
}

function toImportWarning({ file, line, reason }: FileWarning): ImportWarning {
  return { file, line, reason, message: `${file}${line === undefined ? '' : `:${line}`}: ${reason}` }
}

function toImportError(file: string, error: unknown): ImportError {
  if (error instanceof InputError) return { file: error.file, line: error.line, reason: error.reason, message: error.message }
  const reason = error instanceof Error ? error.message : String(error)
  return { file, reason, message: `${file}: ${reason}` }
}
