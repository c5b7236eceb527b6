// What every import/export format offers, so the service, the CLI and the app handle them alike.
// Records stream through `write` one at a time; `parse` reads one file (or one brat pair) whole.
import type { ColumnSeparator, DiscontinuousSpans, ExportFormat, ExportWarning } from '../api'
import type { NativeRecord, ParseDefaults } from './native'

/** How a format counts offsets: Unicode code points (Python's str) or UTF-16 units (JavaScript's string). */
export type OffsetUnit = 'codepoint' | 'utf16'

/** One file to read, already decoded; brat's `.ann` arrives as the companion of its `.txt`. */
export interface SourceFile {
  /** The name messages use, and the source of ids for formats without them. */
  name: string
  text: string
  companion?: { name: string; text: string }
}

/** The choices a user can make on import; each format reads the ones it has. */
export interface ParseOptions {
  /** Import what can be trusted and list the rest with its line, instead of refusing the file (see problems.ts). */
  lenient?: boolean
  /** The field that holds the text in JSON files, when it is not `text`. */
  textField?: string
  /** The field that holds the spans in doccano files, when it is not `label`. */
  labelField?: string
  /** The column separator of a tagged-character file; either when absent. */
  separator?: ColumnSeparator
  /** What to do with a brat span made of several fragments; `split` when absent. */
  discontinuous?: DiscontinuousSpans
}

/** Something a file had that was left out, with where it was; the rest of the file still imports. */
export interface FileWarning {
  file: string
  line?: number
  reason: string
}

export interface ParseResult {
  records: NativeRecord[]
  warnings: FileWarning[]
  /** How the file was read where the reader chose (a tag scheme told from the tags), for the report. */
  readAs?: string
}

export type { ExportWarning }

export interface WriteOptions {
  /** The column separator of a tagged-character file; tab when absent. */
  separator?: ColumnSeparator
  /**
   * doccano: write every document as a relation project's line (`entities` and `relations`), for a project that has
   * relations, so that one import format reads the whole file; when absent only documents with relations are.
   */
  relationProject?: boolean
  warn?: (warning: ExportWarning) => void
}

/** A file of a folder export, its path relative to the folder with `/` between parts. */
export interface FolderEntry {
  path: string
  text: string
}

interface CodecBase {
  name: ExportFormat
  offsetUnit: OffsetUnit
  /** The extension written first; the others are read as this format when it is named. */
  extensions: readonly string[]
  parse(input: SourceFile, defaults: ParseDefaults, options?: ParseOptions): ParseResult
}

/** A format written as one file, in chunks that are concatenated in order. */
export interface FileCodec extends CodecBase {
  output: 'file'
  write(records: Iterable<NativeRecord>, options?: WriteOptions): Generator<string>
}

/** A format written as a folder of files (brat's `.txt` + `.ann` pairs). */
export interface FolderCodec extends CodecBase {
  output: 'folder'
  write(records: Iterable<NativeRecord>, options?: WriteOptions): Generator<FolderEntry>
}

export type Codec = FileCodec | FolderCodec
