import type { Database } from 'better-sqlite3'
import type { Api, ColumnSeparator, DiscontinuousSpans, ImportError, ImportFormat, ImportReport, ImportWarning, TextEncoding } from '../shared/api'
import { InputError } from '../shared/errors'
import { codecs, formatOfFile, parseJsonlAutoResult, type FileWarning } from '../shared/formats'
import { sourceLine, type NativeRecord } from '../shared/formats/native'
import { pairAnnotationFiles } from '../shared/formats/pairs'
import { decodeText, titleFromText } from '../shared/formats/text'
import { sha256Hex } from '../shared/hash'
import { EXTRA_LABEL_COLORS, type Label } from '../shared/model'
import { codePointLength } from '../shared/offsets'
import { findDocumentHash, insertDocument } from '../store/documents'
import { addMissingLabels, listLabels } from '../store/labels'
import { insertSpan } from '../store/spans'
import { now, type Workspace } from './workspace'

export interface ImportFile {
  /** The name shown in messages and used as the document id of a text file (its extension dropped). */
  name: string
  bytes: Uint8Array
}

export interface ImportOptions {
  format?: ImportFormat
  encoding?: TextEncoding
  /** Who made spans that arrive without an annotator. */
  annotator: string
  /** bio / bioes / bmes: import the valid spans of a file with invalid tag sequences and report the rest. */
  lenient?: boolean
  separator?: ColumnSeparator
  /** brat: one span per fragment of a discontinuous span, or none. */
  discontinuous?: DiscontinuousSpans
}

/**
 * Reads one file (a brat .txt with its .ann) into records; throws InputError naming the file and line, and returns
 * what it left out as warnings. Touches no database.
 */
export function readImportFile(
  file: ImportFile,
  options: ImportOptions,
  companion?: ImportFile,
): { records: NativeRecord[]; warnings: FileWarning[]; encoding: string } {
  const defaults = { annotator: options.annotator }
  const named = options.format ?? (companion || /\.ann$/i.test(file.name) ? 'brat' : undefined)
  if (named === 'brat') return readBratFiles(file, companion, options)
  const { text, encoding } = decodeText(file.bytes, file.name, options.encoding ?? 'auto')
  const format = named ?? formatOfFile(file.name, text)
  if (format === undefined) {
    throw new InputError(file.name, undefined, 'a tagged-character file does not say its tag scheme: name its format (bio, bioes or bmes)')
  }
  if (format === 'jsonl') return { ...parseJsonlAutoResult(text, file.name, defaults), encoding }
  if (format !== 'text') return { ...codecs[format].parse({ name: file.name, text }, defaults, options), encoding }
  const id = file.name.replace(/\.[^./\\]*$/, '')
  return { records: [{ id, title: titleFromText(text, id), text, meta: { source: file.name }, spans: [] }], warnings: [], encoding }
}

/** brat counts offsets on the .txt's own line ends (read as brat reads them), so they are kept for the codec. */
function readBratFiles(file: ImportFile, companion: ImportFile | undefined, options: ImportOptions) {
  if (/\.ann$/i.test(file.name)) {
    throw new InputError(file.name, undefined, `no ${file.name.replace(/\.ann$/i, '.txt')} beside it: a brat document is a .txt with its .ann`)
  }
  if (!/\.txt$/i.test(file.name)) throw new InputError(file.name, undefined, 'not a brat file: a brat document is a .txt with its .ann')
  const { text, encoding } = decodeText(file.bytes, file.name, options.encoding ?? 'auto', 'keep')
  // An empty .ann is a document nobody has annotated yet.
  const annotations = companion && {
    name: companion.name,
    text: companion.bytes.length === 0 ? '' : decodeText(companion.bytes, companion.name, options.encoding ?? 'auto').text,
  }
  return { ...codecs.brat.parse({ name: file.name, text, companion: annotations }, { annotator: options.annotator }, options), encoding }
}

/**
 * Imports files one transaction each: a file that fails is reported with its file, line and reason and
 * leaves nothing behind, while the good files of the same batch are kept.
 */
export function importFiles(db: Database, files: readonly ImportFile[], options: ImportOptions): ImportReport {
  const report: ImportReport = { imported: [], errors: [], warnings: [], newLabels: [] }
  const units = options.format === undefined || options.format === 'brat' ? pairAnnotationFiles(files) : files.map((file) => ({ file, companion: undefined }))
  for (const { file, companion } of units) {
    try {
      const { records, warnings, encoding } = readImportFile(file, options, companion)
      const result = db.transaction(() => storeRecords(db, file.name, records)).immediate()
      report.imported.push({ file: file.name, documents: result.documents, spans: result.spans, skipped: result.skipped, encoding })
      report.warnings.push(...warnings.map(toImportWarning))
      report.newLabels.push(...result.newLabels)
    } catch (error) {
      report.errors.push(toImportError(file.name, error))
    }
  }
  return report
}

function storeRecords(db: Database, file: string, records: NativeRecord[]) {
  const newLabels = addMissingLabels(db, labelsFor(db, records))
  const createdAt = now()
  let documents = 0
  let spans = 0
  let skipped = 0
  for (const record of records) {
    const sha = sha256Hex(record.text)
    const existing = findDocumentHash(db, record.id)
    if (existing === undefined) {
      insertDocument(db, { id: record.id, title: record.title, text: record.text, textSha256: sha, length: codePointLength(record.text), meta: record.meta }, createdAt)
      documents++
    } else if (existing === sha) {
      skipped++
    } else {
      // Same id, other text: merging would attach spans to the wrong characters.
      throw new InputError(file, sourceLine(record), `document "${record.id}" is already in the project with a different text`)
    }
    for (const span of record.spans) {
      if (insertSpan(db, { ...span, documentId: record.id, createdAt }) !== null) spans++
    }
  }
  return { documents, spans, skipped, newLabels }
}

/** Labels the records use that the project lacks, with colours and free hotkeys. */
function labelsFor(db: Database, records: NativeRecord[]): Label[] {
  const existing = listLabels(db)
  const known = new Set(existing.map((l) => l.name))
  const usedKeys = new Set(existing.map((l) => l.hotkey))
  const freeKeys = '123456789'.split('').filter((k) => !usedKeys.has(k))
  const added: Label[] = []
  for (const record of records) {
    for (const { label } of record.spans) {
      if (known.has(label)) continue
      known.add(label)
      added.push({
        name: label,
        color: EXTRA_LABEL_COLORS[(existing.length + added.length) % EXTRA_LABEL_COLORS.length],
        hotkey: freeKeys.shift() ?? '',
        description: '',
      })
    }
  }
  return added
}

function toImportWarning({ file, line, reason }: FileWarning): ImportWarning {
  return { file, line, reason, message: `${file}${line === undefined ? '' : `:${line}`}: ${reason}` }
}

function toImportError(file: string, error: unknown): ImportError {
  if (error instanceof InputError) return { file: error.file, line: error.line, reason: error.reason, message: error.message }
  const reason = error instanceof Error ? error.message : String(error)
  return { file, reason, message: `${file}: ${reason}` }
}

export function importMethods(ws: Workspace): Pick<Api, 'import.files'> {
  return {
    'import.files': ({ files, ...options }) => {
      const decoded = files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }))
      const report = importFiles(ws.database(), decoded, { ...options, annotator: ws.settings.annotator })
      if (report.imported.length > 0) ws.emit('documents-changed', {})
      return report
    },
  }
}
