// Reading one file to import (a brat .txt with its .ann) into records, whatever its format; touches no database.
// JSONL on its own is read a line at a time (see jsonlFile.ts); everything else is read whole.
import type { ColumnSeparator, DiscontinuousSpans, ImportFormat, TextEncoding } from '../shared/api'
import { InputError } from '../shared/errors'
import { codecs, formatOfFile, readJsonFile, type FileWarning, type ParseOptions } from '../shared/formats'
import { parseTagged } from '../shared/formats/conll'
import { documentTextProblem, MAX_DOCUMENT_CHARACTERS, type NativeRecord } from '../shared/formats/native'
import { decodeJson, decodeText, titleFromText } from '../shared/formats/text'

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
  /** Import what can be trusted and list the rest with its file and line, instead of refusing the file. */
  lenient?: boolean
  separator?: ColumnSeparator
  /** brat: one span per fragment of a discontinuous span, or none. */
  discontinuous?: DiscontinuousSpans
  /** JSON files: the field that holds the text, when it is not `text`. */
  textField?: string
  /** doccano: the field that holds the spans, when it is not `label`. */
  labelField?: string
  /** 'suggestions': the file's spans are stored as suggestions (source 'imported'), to accept or reject, not as spans. */
  as?: 'spans' | 'suggestions'
}

export interface ReadFile {
  records: NativeRecord[]
  warnings: FileWarning[]
  encoding: string
  /** How the file was read where the importer chose, for the report. */
  readAs?: string
}

/** The formats whose files are JSON: decoded as UTF-8 (or UTF-16 with a byte order mark), never by guessing. */
export const JSON_FORMATS: readonly ImportFormat[] = ['jsonl', 'native', 'doccano', 'spacy', 'prodigy', 'clue', 'labelstudio']

/** Files read whole may be at most this large: JSONL of any size reads a line at a time. */
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024

/** True for a file read one JSON line at a time: a .jsonl (or .ndjson), in a JSONL format or none named. */
export function readsByLine(name: string, format: ImportFormat | undefined): boolean {
  return /\.(jsonl|ndjson)$/i.test(name) && (format === undefined || (JSON_FORMATS.includes(format) && format !== 'labelstudio'))
}

export function parseOptionsOf(options: ImportOptions): ParseOptions {
  const { lenient, separator, discontinuous, textField, labelField } = options
  return { lenient, separator, discontinuous, textField, labelField }
}

/**
 * Reads one file (a brat .txt with its .ann) into records; throws InputError naming the file and line, and returns
 * what it left out as warnings. Touches no database.
 */
export function readImportFile(file: ImportFile, options: ImportOptions, companion?: ImportFile): ReadFile {
  const defaults = { annotator: options.annotator }
  const parse = parseOptionsOf(options)
  const named = options.format ?? (companion || /\.ann$/i.test(file.name) ? 'brat' : undefined)
  if (named === 'brat') return readBratFiles(file, companion, options)
  const json = named === undefined ? /\.(json|jsonl|ndjson)$/i.test(file.name) : JSON_FORMATS.includes(named)
  if (json) {
    const { text, encoding } = decodeJson(file.bytes, file.name, options.encoding ?? 'auto')
    if (named === 'labelstudio') return { ...codecs.labelstudio.parse({ name: file.name, text }, defaults, parse), encoding }
    return { ...readJsonFile(text, file.name, named, defaults, parse), encoding }
  }
  const { text, encoding } = decodeText(file.bytes, file.name, options.encoding ?? 'auto')
  const format = named ?? formatOfFile(file.name, text)
  if (format === 'conll') return { ...parseTagged({ name: file.name, text }, defaults, parse), encoding }
  if (format !== 'text') return { ...codecs[format as keyof typeof codecs].parse({ name: file.name, text }, defaults, parse), encoding }
  // Four bytes hold any character, so a larger file has more characters than a document may.
  if (file.bytes.length > 4 * MAX_DOCUMENT_CHARACTERS + 4) throw tooLongForOneDocument(file)
  if (text.trim() === '') throw new InputError(file.name, 1, 'holds only white space: there is no text to annotate')
  const problem = documentTextProblem(text)
  if (problem) throw new InputError(file.name, 1, `${problem}${problem.includes('split it') ? ' (a text file is one document)' : ''}`)
  const id = file.name.replace(/\.[^./\\]*$/, '')
  return { records: [{ id, title: titleFromText(text, id), text, meta: { source: file.name }, spans: [] }], warnings: [], encoding }
}

function tooLongForOneDocument(file: ImportFile): InputError {
  return new InputError(
    file.name,
    1,
    `is ${megabytes(file.bytes.length)}, more text than one document holds (at most ${MAX_DOCUMENT_CHARACTERS.toLocaleString('en')} characters): a text file is one document, so split it into several files`,
  )
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`
}

/** brat counts offsets on the .txt's own line ends (read as brat reads them), so they are kept for the codec. */
function readBratFiles(file: ImportFile, companion: ImportFile | undefined, options: ImportOptions): ReadFile {
  if (/\.ann$/i.test(file.name)) {
    throw new InputError(file.name, 1, `no ${file.name.replace(/\.ann$/i, '.txt')} beside it: a brat document is a .txt with its .ann`)
  }
  if (!/\.txt$/i.test(file.name)) throw new InputError(file.name, 1, 'not a brat file: a brat document is a .txt with its .ann')
  const { text, encoding } = decodeText(file.bytes, file.name, options.encoding ?? 'auto', 'keep')
  // An empty .ann is a document nobody has annotated yet.
  const annotations = companion && {
    name: companion.name,
    text: companion.bytes.length === 0 ? '' : decodeText(companion.bytes, companion.name, options.encoding ?? 'auto').text,
  }
  return { ...codecs.brat.parse({ name: file.name, text, companion: annotations }, { annotator: options.annotator }, parseOptionsOf(options)), encoding }
}
