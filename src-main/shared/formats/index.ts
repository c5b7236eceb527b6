// The import and export formats by name, so the service, the CLI and the app pick one without knowing the codecs.
import type { ExportFormat, ImportFormat } from '../api'
import { FactspanError } from '../errors'
import { bratCodec } from './brat'
import { clueCodec, clueFromLines } from './clue'
import type { Codec, FileCodec, ParseResult } from './codec'
import { bioCodec, bioesCodec, bmesCodec } from './conll'
import { doccanoFromLines, serializeDoccano } from './doccano'
import { readJsonLines } from './jsonl'
import { labelStudioCodec } from './labelstudio'
import { lineCodec, type LineFormat } from './lineCodec'
import { nativeFromLines, serializeNative, type NativeRecord, type ParseDefaults } from './native'
import { prodigyCodec, prodigyFromLines } from './prodigy'
import { spacyCodec, spacyFromLines } from './spacy'

export type { Codec, ExportWarning, FileCodec, FileWarning, FolderCodec, FolderEntry, OffsetUnit, ParseOptions, ParseResult, SourceFile, WriteOptions } from './codec'

/** The formats written one JSON document a line. */
export type JsonlFormat = 'native' | 'doccano' | 'spacy' | 'prodigy' | 'clue'

export const codecs: Record<ExportFormat, Codec> = {
  native: lineCodec({ name: 'native', offsetUnit: 'codepoint', serialize: serializeNative, fromLines: nativeFromLines }),
  doccano: lineCodec({ name: 'doccano', offsetUnit: 'utf16', serialize: serializeDoccano, fromLines: doccanoFromLines }),
  spacy: spacyCodec,
  prodigy: prodigyCodec,
  labelstudio: labelStudioCodec,
  clue: clueCodec,
  brat: bratCodec,
  bio: bioCodec,
  bioes: bioesCodec,
  bmes: bmesCodec,
}

/** The codec of a format written as one file; throws for brat, which writes a folder. */
export function fileCodec(format: ExportFormat): FileCodec {
  const codec = codecs[format]
  if (codec.output !== 'file') {
    throw new FactspanError('bad-input', `${format} writes a folder of files, not one file: export it with the command line, factspan export --format ${format} --out FOLDER`)
  }
  return codec
}

/** The JSONL format of a file, told from its first record by the keys only that format has. */
export function jsonlFormatOf(value: unknown): JsonlFormat {
  if (Array.isArray(value)) return 'spacy'
  if (value === null || typeof value !== 'object') return 'native'
  const has = (key: string) => key in value
  if (has('tokens') || has('_input_hash') || has('answer') || (has('spans') && !has('id'))) return 'prodigy'
  if (has('entities')) return 'spacy'
  const { label, labels } = value as { label?: unknown; labels?: unknown }
  if (label !== null && typeof label === 'object' && !Array.isArray(label)) return 'clue'
  const list = label ?? labels
  if (!has('spans') && Array.isArray(list) && list.every(Array.isArray)) return 'doccano'
  return 'native'
}

/** Each JSONL format's reader of parsed lines; a file read line by line is handed to it in batches. */
export const FROM_LINES: Record<JsonlFormat, LineFormat['fromLines']> = { native: nativeFromLines, doccano: doccanoFromLines, spacy: spacyFromLines, prodigy: prodigyFromLines, clue: clueFromLines }

/** Reads JSONL in the format its first record shows (see jsonlFormatOf). */
export function parseJsonlAutoResult(content: string, file: string, defaults: ParseDefaults): ParseResult & { format: JsonlFormat } {
  const lines = readJsonLines(content, file)
  const format = jsonlFormatOf(lines[0]?.value)
  const warnings: ParseResult['warnings'] = []
  return { records: FROM_LINES[format](lines, file, defaults, warnings), warnings, format }
}

/** The records of parseJsonlAutoResult, for callers that need no warnings (only Prodigy's rejected answers make any). */
export function parseJsonlAuto(content: string, file: string, defaults: ParseDefaults): NativeRecord[] {
  return parseJsonlAutoResult(content, file, defaults).records
}

/**
 * The format of a file nobody named, from its name (and for .json its first character): JSONL, a Label Studio list,
 * a brat .ann, else plain text. Undefined for tagged-character files, whose scheme only the user knows.
 */
export function formatOfFile(name: string, text: string): ImportFormat | undefined {
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl'
  if (/\.json$/i.test(name)) return text.trimStart().startsWith('[') ? 'labelstudio' : 'jsonl'
  if (/\.ann$/i.test(name)) return 'brat'
  if (/\.(bio|bioes|bmes|conll)$/i.test(name)) return undefined
  return 'text'
}
