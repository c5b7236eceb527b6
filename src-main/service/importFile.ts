// Reading one file to import (a brat .txt with its .ann) into records, whatever its format; touches no database.
import type { ColumnSeparator, DiscontinuousSpans, ImportFormat, TextEncoding } from '../shared/api'
import { InputError } from '../shared/errors'
import { codecs, formatOfFile, parseJsonlAutoResult, type FileWarning } from '../shared/formats'
import type { NativeRecord } from '../shared/formats/native'
import { decodeText, titleFromText } from '../shared/formats/text'

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
