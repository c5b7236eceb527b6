// Brings another annotator's work into the open project, from their .factspan file or a native JSONL export:
// documents are matched by the hash of their text and their spans arrive as that annotator's layer.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Api, MergeFileReport, MergeProblem, MergeReport } from '../shared/api'
import { FactspanError, InputError } from '../shared/errors'
import { parseJsonlAuto } from '../shared/formats'
import { sourceLine } from '../shared/formats/native'
import { decodeJson } from '../shared/formats/text'
import { labelsToAdd, tooManyLabels } from '../shared/labelSet'
import { isGoldName, type Label, type RelationType } from '../shared/model'
import { OffsetMap } from '../shared/offsets'
import { writeTransaction, type ReadableDB, type WritableDB } from '../store/db'
import { documentFinder, insertDocument, iterateStoredDocuments, listDoneMarks, parseStoredMeta } from '../store/documents'
import { addMissingLabels, listLabels, listLabelsInUse } from '../store/labels'
import { statusCopier, storedStatusesByDocument, type LayerStatusRow } from '../store/layerStatus'
import { openProjectReadOnly } from '../store/open'
import { addMissingRelationTypes, relationCopier, relationsByDocument, relationTypesOf, type RelationByEnds } from '../store/relations'
import { spanCopier, spanIdsOfDocument, spanKey, spansByDocument, type SpanRow } from '../store/spans'
import { storageError } from '../store/storageErrors'
import { readGuidelines, storedGuidelines } from './guidelines'
import { now, type Workspace } from './workspace'

export interface MergeOptions {
  /** Whose layer spans that arrive without an annotator go to (JSONL only); without it such a file is refused. */
  annotator?: string
}

/** One document as it arrives, before it is matched against the project. */
interface IncomingDocument {
  id: string
  title: string
  text: string
  meta: Record<string, unknown>
  spans: SpanRow[]
  /** Relations between its spans, their ends named by layer, offsets and label. */
  relations: RelationByEnds[]
  /** Each annotator's stored status of the document (a project file; JSONL carries none). */
  statuses: LayerStatusRow[]
  /** The JSONL line it came from, for messages. */
  line?: number
  /** Why the document cannot be merged although its file could be read, e.g. a span that does not match its text. */
  damage?: string
}

interface IncomingFile {
  source: MergeFileReport['source']
  /** Labels the spans use, with the colour and key the other project gave them when known. */
  labels: Array<Pick<Label, 'name'> & Partial<Label>>
  /** Relation types the relations use, as the other project has them when known. */
  relationTypes: Array<string | RelationType>
  documents: Iterable<IncomingDocument>
  /** The file's guidelines, when it keeps its own (a project file of version 3 or later). */
  guidelines?: string
  close(): void
}

const SQLITE_MAGIC = 'SQLite format 3\u0000'
// Stands in for a missing annotator while parsing, so each such span can be reported on its line.
const NO_ANNOTATOR = '\u0000no annotator'

/** The same digest as sha256Hex, from Node's native hash: a merge hashes thousands of texts. */
function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && Buffer.from(bytes.subarray(0, 16)).toString('latin1') === SQLITE_MAGIC
}

/** Merges files one transaction each; a file that cannot be read is reported and leaves nothing behind. */
export function mergeFiles(db: WritableDB, files: ReadonlyArray<{ name: string; path: string }>, options: MergeOptions = {}): MergeReport {
  const report: MergeReport = { merged: [], problems: [], newLabels: [] }
  for (const [index, file] of files.entries()) {
    try {
      const head = readHead(file.path)
      if (isSqlite(head)) mergeOne(db, file.name, readProject(file.path, file.name), report)
      else mergeOne(db, file.name, readJsonl(notAProject(file.name, head) ?? fs.readFileSync(file.path), file.name, options), report)
    } catch (error) {
      if (stoppedBy(db, error, file.name, files.length - index - 1, report)) break
      report.problems.push(problemOf(file.name, error))
    }
  }
  return report
}

/** Merges files that arrived as bytes (the app's file picker): a project file is written to a temporary file and opened read-only. */
export function mergeBytes(db: WritableDB, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, options: MergeOptions = {}): MergeReport {
  const report: MergeReport = { merged: [], problems: [], newLabels: [] }
  for (const [index, file] of files.entries()) {
    try {
      if (isSqlite(file.bytes)) mergeProjectBytes(db, file.name, file.bytes, report)
      else mergeOne(db, file.name, readJsonl(notAProject(file.name, file.bytes) ?? file.bytes, file.name, options), report)
    } catch (error) {
      if (stoppedBy(db, error, file.name, files.length - index - 1, report)) break
      report.problems.push(problemOf(file.name, error))
    }
  }
  return report
}

/**
 * True when the project itself failed (a full disk, a lock held by another program): the file is reported as not
 * merged and the merge stops, since every file after it would fail the same way.
 */
function stoppedBy(db: WritableDB, error: unknown, file: string, rest: number, report: MergeReport): boolean {
  const storage = storageError(error, db.name)
  if (!storage) return false
  const reason = `${storage.message}${rest > 0 ? ` The merge stopped here: ${rest} more file${rest === 1 ? ' was' : 's were'} not read.` : ''}`
  report.problems.push({ file, reason, message: `${file}: ${reason}` })
  return true
}

/** Throws for a file named as a project that is not an SQLite database; else nothing, and the file is read as JSONL. */
function notAProject(name: string, head: Uint8Array): undefined {
  if (!name.toLowerCase().endsWith('.factspan')) return undefined
  throw new InputError(name, undefined, `not a Factspan project (${head.length === 0 ? 'the file is empty' : 'not an SQLite database'})`)
}

function mergeProjectBytes(db: WritableDB, name: string, bytes: Uint8Array, report: MergeReport): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-merge-'))
  const temporary = path.join(dir, 'incoming.factspan')
  try {
    fs.writeFileSync(temporary, bytes)
    mergeOne(db, name, readProject(temporary, name), report)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function readHead(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new FactspanError('not-found', `${file}: no such file`)
  const fd = fs.openSync(file, 'r')
  try {
    const head = new Uint8Array(16)
    const read = fs.readSync(fd, head, 0, 16, 0)
    return head.subarray(0, read)
  } finally {
    fs.closeSync(fd)
  }
}

/** Another project, read-only: every document with its spans; a document whose text or spans do not check out is marked damaged. */
function readProject(file: string, name: string): IncomingFile {
  let source: ReadableDB
  try {
    source = openProjectReadOnly(file)
  } catch (error) {
    // The path (a temporary file, or one resolved from what was typed) means less to the user than the name they gave.
    if (error instanceof FactspanError) throw new FactspanError(error.code, error.message.split(file).join(name))
    throw error
  }
  try {
    const labels = listLabelsInUse(source)
    // Read whole: one query instead of one per document.
    const spansOf = spansByDocument(source)
    const relationsOf = relationsByDocument(source)
    const relationTypes = relationTypesOf(source)
    const statusesOf = incomingStatuses(source, spansOf)
    const guidelines = storedGuidelines(source)
    const rows = iterateStoredDocuments(source)
    const documents = (function* (): Generator<IncomingDocument> {
      try {
        for (const row of rows) {
          const spans = spansOf.get(row.id) ?? []
          const relations = relationsOf.get(row.id) ?? []
          const statuses = statusesOf.get(row.id) ?? []
          yield { id: row.id, title: row.title, text: row.text, meta: parseStoredMeta(row.meta), spans, relations, statuses, damage: damageOf(row.text, row.sha, spans) }
        }
      } catch (error) {
        // A failure reading the other file is about that file, not about this project.
        throw new InputError(name, undefined, `cannot read the project: ${(error as Error).message}`)
      }
    })()
    // A merge that stops half way must still release the read, so the file can be closed.
    const close = () => {
      documents.return(undefined)
      source.close()
    }
    return { source: 'project', labels, relationTypes, documents, guidelines, close }
  } catch (error) {
    source.close()
    if (error instanceof FactspanError) throw error
    throw new InputError(name, undefined, `cannot read the project: ${(error as Error).message}`)
  }
}

/**
 * The statuses another project holds: stored per layer from version 3 on; before, a document's one done mark, which
 * goes to each layer it has (a document without spans: to every annotator of the file), as migration 0003 does.
 */
function incomingStatuses(source: ReadableDB, spansOf: ReadonlyMap<string, SpanRow[]>): Map<string, LayerStatusRow[]> {
  if ((source.pragma('user_version', { simple: true }) as number) >= 3) return storedStatusesByDocument(source)
  const byDocument = new Map<string, LayerStatusRow[]>()
  const everyone = [...new Set([...spansOf.values()].flatMap((spans) => spans.map((s) => s[4])))].filter((name) => !isGoldName(name))
  const done = listDoneMarks(source)
  for (const [id, doneAt] of done) {
    const spans = spansOf.get(id) ?? []
    const layers = spans.length > 0 ? [...new Set(spans.map((s) => s[4]))].filter((name) => !isGoldName(name)) : everyone
    byDocument.set(id, layers.map((annotator): LayerStatusRow => [id, annotator, 'done', doneAt, doneAt]))
  }
  return byDocument
}

/** Why a stored document cannot be trusted, or undefined: its hash and every quote must match its text. */
function damageOf(text: string, sha: string, spans: readonly SpanRow[]): string | undefined {
  if (textHash(text) !== sha) return 'its stored text hash does not match its text (the file is damaged)'
  const map = new OffsetMap(text)
  for (const [start, end, , quote] of spans) {
    if (!(start >= 0 && start < end && end <= map.codePointLength) || map.slice(start, end) !== quote) {
      return `its span ${start}–${end} does not quote the text there (the file is damaged)`
    }
  }
  return undefined
}

/** A JSONL export, checked line by line as on import; any bad line refuses the whole file. */
function readJsonl(bytes: Uint8Array, name: string, options: MergeOptions): IncomingFile {
  if (options.annotator !== undefined && isGoldName(options.annotator)) {
    throw new FactspanError('bad-input', `"${options.annotator}" is the reviewer's gold layer: name the annotator whose spans these are.`)
  }
  const { text } = decodeJson(bytes, name)
  const records = parseJsonlAuto(text, name, { annotator: options.annotator ?? NO_ANNOTATOR })
  for (const record of records) {
    const i = record.spans.findIndex((s) => s.annotator === NO_ANNOTATOR)
    if (i !== -1) {
      throw new InputError(name, sourceLine(record), `spans[${i}] has no annotator: say whose layer these spans are (--annotator NAME in the CLI)`)
    }
  }
  const labels = [...new Set(records.flatMap((r) => r.spans.map((s) => s.label)))].map((label) => ({ name: label }))
  const createdAt = now()
  const documents = records.map((r) => ({
    id: r.id,
    title: r.title,
    text: r.text,
    meta: r.meta,
    spans: r.spans.map((s): SpanRow => [s.start, s.end, s.label, s.text, s.annotator, createdAt]),
    relations: (r.relations ?? []).flatMap(({ from, to, type }): RelationByEnds[] => {
      const [f, t] = [r.spans[from], r.spans[to]]
      if (!f || !t || f.annotator !== t.annotator) return []
      return [{ type, from: { annotator: f.annotator, start: f.start, end: f.end, label: f.label }, to: { annotator: t.annotator, start: t.start, end: t.end, label: t.label } }]
    }),
    statuses: [],
    line: sourceLine(r),
  }))
  const relationTypes = [...new Set(documents.flatMap((d) => d.relations.map((rel) => rel.type)))]
  return { source: 'jsonl', labels, relationTypes, documents, close: () => undefined }
}

/** Matches and stores one file's documents and spans in one transaction, adding to the report. */
function mergeOne(db: WritableDB, file: string, incoming: IncomingFile, report: MergeReport): void {
  try {
    const result = writeTransaction(
      db,
      () => {
        // The other project's colour and key when they fit, else the next free ones.
        const existing = listLabels(db)
        const { added, over } = labelsToAdd(existing, incoming.labels)
        if (over.length > 0) throw tooManyLabels(existing.length, over)
        const newLabels = addMissingLabels(db, added)
        const problems: MergeProblem[] = []
        const ours = readGuidelines(db).markdown
        const guidelines = incoming.guidelines === undefined ? 'none' : incoming.guidelines === ours ? 'same' : 'different'
        const counts: MergeFileReport = {
          file,
          source: incoming.source,
          annotators: [],
          documents: { added: 0, matched: 0 },
          spans: { added: 0, skipped: 0 },
          relations: { added: 0, skipped: 0 },
          statuses: 0,
          guidelines,
        }
        const copyStatus = statusCopier(db)
        const annotators = new Set<string>()
        let gold = 0
        const find = documentFinder(db)
        const copySpan = spanCopier(db)
        const copyRelation = relationCopier(db)
        const spanIdsOf = spanIdsOfDocument(db)
        addMissingRelationTypes(db, incoming.relationTypes)
        const createdAt = now()
        for (const doc of incoming.documents) {
          if (doc.damage) {
            problems.push(problem(file, doc.line, doc.id, doc.damage))
            continue
          }
          const sha = textHash(doc.text)
          const sameId = find.hashOf(doc.id)
          let target = doc.id
          if (sameId !== undefined && sameId !== sha) {
            // Merging would attach this annotator's spans to other characters.
            problems.push(problem(file, doc.line, doc.id, 'the project has a different text under this id; its spans were not merged'))
            continue
          }
          if (sameId === undefined) {
            const sameText = find.idWithHash(sha)
            if (sameText === undefined) {
              insertDocument(db, { id: doc.id, title: doc.title, text: doc.text, textSha256: sha, length: new OffsetMap(doc.text).codePointLength, meta: doc.meta }, createdAt)
              counts.documents.added++
            } else {
              target = sameText
              counts.documents.matched++
            }
          } else {
            counts.documents.matched++
          }
          for (const span of doc.spans) {
            const annotator = span[4]
            if (isGoldName(annotator)) {
              gold++
              continue
            }
            annotators.add(annotator)
            if (copySpan(target, span)) counts.spans.added++
            else counts.spans.skipped++
          }
          // Relations follow their spans: each end is found again in this project by layer, offsets and label.
          const ids = doc.relations.length > 0 ? spanIdsOf(target) : undefined
          for (const { from, to, type } of doc.relations) {
            if (isGoldName(from.annotator)) continue
            const fromId = ids?.get(spanKey(from.annotator, from.start, from.end, from.label))
            const toId = ids?.get(spanKey(to.annotator, to.start, to.end, to.label))
            if (fromId === undefined || toId === undefined || fromId === toId) continue
            if (copyRelation({ documentId: target, annotator: from.annotator, from: fromId, to: toId, type, createdAt })) counts.relations.added++
            else counts.relations.skipped++
          }
          for (const status of doc.statuses) {
            if (isGoldName(status[1])) continue
            annotators.add(status[1])
            if (copyStatus(target, status)) counts.statuses++
          }
        }
        if (gold > 0) {
          problems.push(problem(file, undefined, undefined, `${gold} span${gold === 1 ? '' : 's'} of the gold layer were left out: this project's gold layer is settled here`))
        }
        counts.annotators = [...annotators].sort()
        return { counts, problems, newLabels }
      },
    )
    report.merged.push(result.counts)
    report.problems.push(...result.problems)
    report.newLabels.push(...result.newLabels)
  } finally {
    incoming.close()
  }
}

function problem(file: string, line: number | undefined, documentId: string | undefined, reason: string): MergeProblem {
  const where = `${file}${line === undefined ? '' : `:${line}`}`
  return { file, line, documentId, reason, message: `${where}: ${documentId === undefined ? '' : `document "${documentId}": `}${reason}` }
}

function problemOf(file: string, error: unknown): MergeProblem {
  if (error instanceof InputError) return { file: error.file, line: error.line, reason: error.reason, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  // A store error already names the file it is about.
  const reason = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message
  return { file, reason, message: `${file}: ${reason}` }
}

export function mergeMethods(ws: Workspace): Pick<Api, 'merge.files'> {
  return {
    'merge.files': ({ files, annotator }) => {
      const decoded = files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }))
      const report = mergeBytes(ws.database(), decoded, { annotator })
      if (report.merged.length > 0) ws.emit('documents-changed', {})
      return report
    },
  }
}
