// The import and export formats by name, so the service, the CLI and the app pick one without knowing the codecs.
import type { ExportFormat, ImportFormat } from '../api'
import { FactspanError } from '../errors'
import { bratCodec } from './brat'
import { clueCodec, clueFromLines } from './clue'
import type { Codec, FileCodec, ParseOptions, ParseResult } from './codec'
import { bioCodec, bioesCodec, bmesCodec } from './conll'
import { doccanoFromLines, serializeDoccano } from './doccano'
import { factsCodec } from './facts'
import { checkedJsonLine, readJsonLines, type JsonLine } from './jsonl'
import { parseJsonWithLines } from './jsonWithLines'
import { isLabelStudioTask, labelStudioCodec, labelStudioTasks } from './labelstudio'
import { lineCodec, lineContext, lineWarnings, type LineFormat } from './lineCodec'
import { InputError } from '../errors'
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
  facts: factsCodec,
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
  // doccano's relation projects write spans as objects with start_offset and end_offset; spaCy's are lists.
  if (has('entities')) return isDoccanoEntityList((value as { entities: unknown }).entities) ? 'doccano' : 'spacy'
  const { label, labels } = value as { label?: unknown; labels?: unknown }
  if (label !== null && typeof label === 'object' && !Array.isArray(label)) return 'clue'
  const list = label ?? labels
  if (!has('spans') && Array.isArray(list) && list.every(Array.isArray)) return 'doccano'
  return 'native'
}

function isDoccanoEntityList(entities: unknown): boolean {
  return Array.isArray(entities) && entities.some((e) => e !== null && typeof e === 'object' && 'start_offset' in e)
}

/** Each JSONL format's reader of parsed lines; a file read line by line is handed to it in batches. */
export const FROM_LINES: Record<JsonlFormat, LineFormat['fromLines']> = { native: nativeFromLines, doccano: doccanoFromLines, spacy: spacyFromLines, prodigy: prodigyFromLines, clue: clueFromLines }

/** Reads JSONL in the format its first record shows (see jsonlFormatOf). */
export function parseJsonlAutoResult(content: string, file: string, defaults: ParseDefaults, options: ParseOptions = {}): ParseResult & { format: JsonlFormat } {
  const context = lineContext(file, defaults, options)
  const lines = readJsonLines(content, file, context.problems, context.fields)
  const format = jsonlFormatOf(lines[0]?.value)
  const records = FROM_LINES[format](lines, context)
  return { records, warnings: lineWarnings(context), format }
}

/** The records of parseJsonlAutoResult, for callers that need no warnings (only Prodigy's rejected answers make any). */
export function parseJsonlAuto(content: string, file: string, defaults: ParseDefaults): NativeRecord[] {
  return parseJsonlAutoResult(content, file, defaults).records
}

/**
 * A .json file, whatever its layout: JSON lines (CLUENER names its files .json), or one JSON value over any number of
 * lines: a list of Label Studio tasks or one task, or a list of records of a JSONL format. `named` is the format the
 * user chose, if any; each error names its line.
 */
export function readJsonFile(content: string, file: string, named: ImportFormat | undefined, defaults: ParseDefaults, options: ParseOptions = {}): ParseResult {
  const jsonl = named === undefined || named === 'jsonl' ? undefined : (named as JsonlFormat)
  if (isJsonLines(content)) {
    if (jsonl === undefined) return parseJsonlAutoResult(content, file, defaults, options)
    return codecs[jsonl].parse({ name: file, text: content }, defaults, options)
  }
  const { value, lineOf } = parseJsonWithLines(content, file)
  if (value === null || typeof value !== 'object') {
    throw new InputError(file, 1, `holds ${value === null ? 'null' : `the ${typeof value} ${JSON.stringify(value).slice(0, 40)}`}, not a JSON object or a list of them`)
  }
  const items = Array.isArray(value) ? value : [value]
  if (named === undefined && items.length > 0 && isLabelStudioTask(items[0])) return labelStudioTasks(value, lineOf, file, defaults, options)
  if (items.length === 0) throw new InputError(file, 1, 'holds no documents: the list is empty')
  const context = lineContext(file, defaults, options)
  const lines: JsonLine[] = []
  for (const item of items) {
    const line = (item !== null && typeof item === 'object' && lineOf(item)) || 1
    const entry = context.problems.each(() => checkedJsonLine(item, file, line, context.fields))
    if (entry) lines.push(entry)
  }
  const records = FROM_LINES[jsonl ?? jsonlFormatOf(lines[0]?.value)](lines, context)
  return { records, warnings: lineWarnings(context) }
}

/** True when the first line holds a whole JSON value and more follow: one value per line, not one value over many lines. */
function isJsonLines(content: string): boolean {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  const newline = body.indexOf('\n')
  if (newline === -1 || body.slice(newline).trim() === '') return false
  try {
    JSON.parse(body.slice(0, newline))
    return true
  } catch {
    return false
  }
}

/**
 * The format of a file nobody named, from its name and content: JSON ('jsonl'; readJsonFile tells its layout), a brat .ann, tagged
 * tokens (.bio, .bioes, .bmes, .conll, or a file of another name whose lines end in tags, as CoNLL-2003's eng.train),
 * else plain text.
 */
export function formatOfFile(name: string, text: string): ImportFormat {
  if (/\.(jsonl|ndjson|json)$/i.test(name)) return 'jsonl'
  if (/\.ann$/i.test(name)) return 'brat'
  if (/\.(bio|bioes|bmes|conll)$/i.test(name)) return 'conll'
  if (/\.(txt|text|md)$/i.test(name)) return 'text'
  return looksTagged(text) ? 'conll' : 'text'
}

const TAG_COLUMN = /\s(?:O|[BIESM][-_]\S+)$/

/** True when nearly all of the first lines are a token and a tag (CoNLL), as no prose is. */
function looksTagged(text: string): boolean {
  const lines = text
    .split('\n', 2000)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !line.startsWith('-DOCSTART-'))
    .slice(0, 200)
  return lines.length >= 3 && lines.filter((line) => TAG_COLUMN.test(line)).length >= lines.length * 0.95
}
