// Character-per-line CoNLL files (bio, bioes, bmes): `CHARACTER<TAB>TAG` lines, a blank line after each block.
// Export writes one document per block, one code point per line. Import reads each block as one document with the
// id `<file stem>-<block number>`; MSRA-style BIO, Resume-style BMES and Weibo-style `北0<TAB>B-GPE.NAM` (a character
// and its word-segmentation digit) all read.
import type { ColumnSeparator } from '../api'
import { InputError } from '../errors'
import { codePointLength } from '../offsets'
import type { FileCodec, FileWarning, ParseOptions, ParseResult, SourceFile, WriteOptions } from './codec'
import { distinctSpans } from './distinctSpans'
import { checkLabelWord } from './labelWords'
import { recordFromInput, type NativeRecord, type NativeSpan, type ParseDefaults } from './native'
import { fileStem } from './sourceNames'
import { spansToTags, tagsToSpans, type TagScheme } from './tagSchemes'

/**
 * White space cannot stand in the character column, where readers split on it: it is written escaped. Python's
 * str.split() also splits on \x1c–\x1f and \x85, so those are escaped too.
 */
const ESCAPES: Record<string, string> = { ' ': '\\s', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([ch, escaped]) => [escaped, ch]))
const WHITE_SPACE = /^[\s\x1c-\x1f\x85]$/u
const ESCAPED_CODE = /^\\u([0-9a-fA-F]{4})$/
const WEIBO_TOKEN = /^(?:.|\\[strn]|\\u[0-9a-fA-F]{4})\d$/u

export function escapeCharacter(ch: string): string {
  // Most characters are printable ASCII or CJK, past every white space but U+FEFF: no lookup needed.
  const code = ch.charCodeAt(0)
  if ((code > 0x20 && code < 0x7f) || (code > 0x3000 && code !== 0xfeff)) return ch
  return ESCAPES[ch] ?? (WHITE_SPACE.test(ch) ? `\\u${code.toString(16).padStart(4, '0')}` : ch)
}

function unescapeToken(token: string): string {
  const code = ESCAPED_CODE.exec(token)
  return UNESCAPES[token] ?? (code ? String.fromCharCode(parseInt(code[1], 16)) : token)
}

/**
 * Overlapping spans cannot be tagged: the earliest start wins, then the longest, then the label first in
 * alphabetical order; every span that overlaps one kept is dropped.
 */
export function withoutOverlaps(spans: readonly NativeSpan[]): { kept: NativeSpan[]; dropped: Array<{ span: NativeSpan; by: NativeSpan }> } {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
  const kept: NativeSpan[] = []
  const dropped: Array<{ span: NativeSpan; by: NativeSpan }> = []
  for (const span of ordered) {
    const last = kept.at(-1)
    if (last !== undefined && span.start < last.end) dropped.push({ span, by: last })
    else kept.push(span)
  }
  return { kept, dropped }
}

const describe = (s: NativeSpan) => `${s.label} ${s.start}–${s.end} ${JSON.stringify(s.text)}`

function* writeColumns(records: Iterable<NativeRecord>, scheme: TagScheme, options: WriteOptions = {}): Generator<string> {
  const separator = options.separator === 'space' ? ' ' : '\t'
  for (const record of records) {
    const { kept, dropped } = withoutOverlaps(distinctSpans(record.spans))
    if (dropped.length > 0) {
      const shown = dropped.slice(0, 5).map(({ span, by }) => `dropped ${describe(span)}, which overlaps ${describe(by)}`)
      options.warn?.({
        documentId: record.id,
        dropped: dropped.length,
        reason: `${scheme} cannot hold overlapping spans: ${shown.join('; ')}${dropped.length > 5 ? `; and ${dropped.length - 5} more` : ''}`,
      })
    }
    for (const span of kept) checkLabelWord(span.label, scheme, record.id)
    const characters = [...record.text]
    const tags = spansToTags(characters.length, kept, scheme)
    let block = ''
    for (const [i, ch] of characters.entries()) block += `${escapeCharacter(ch)}${separator}${tags[i]}\n`
    yield block + '\n'
  }
}

interface Row {
  line: number
  token: string
  tag: string
}

function parseColumns(input: SourceFile, defaults: ParseDefaults, options: ParseOptions, scheme: TagScheme): ParseResult {
  const file = input.name
  const warnings: FileWarning[] = []
  const problem = (line: number, reason: string) => {
    if (!options.lenient) throw new InputError(file, line, reason)
    warnings.push({ file, line, reason })
  }
  const blocks: Row[][] = [[]]
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text
  for (const [i, raw] of text.split('\n').entries()) {
    const line = i + 1
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (content.trim() === '') {
      if (blocks.at(-1)!.length > 0) blocks.push([])
      continue
    }
    const row = splitRow(content, options.separator)
    if (row.token === '-DOCSTART-') {
      if (blocks.at(-1)!.length > 0) blocks.push([])
      continue
    }
    if (row.tag === undefined) {
      const separator = options.separator === undefined ? 'a tab or space' : `a ${options.separator}`
      problem(line, `no tag: a line reads CHARACTER, ${separator}, TAG${options.lenient ? ' (read as O)' : ''}`)
    }
    blocks.at(-1)!.push({ line, token: row.token, tag: row.tag ?? 'O' })
  }
  const rows = blocks.filter((block) => block.length > 0)
  // Weibo's files add a word-segmentation digit to every character: 北0, 京1.
  const weibo = rows.length > 0 && rows.every((block) => block.every((row) => WEIBO_TOKEN.test(row.token)))
  const stem = fileStem(file)
  const records = rows.map((block, b) => {
    const characters = block.map((row) => unescapeToken(weibo ? row.token.slice(0, -1) : row.token))
    const offsets = [0]
    for (const ch of characters) offsets.push(offsets.at(-1)! + (ch.length === 1 ? 1 : codePointLength(ch)))
    const { spans, problems } = tagsToSpans(
      block.map((row) => row.tag),
      block.map((row) => row.line),
      scheme,
    )
    for (const { line, reason } of problems) problem(line, options.lenient ? `${reason}; left out` : reason)
    return recordFromInput(
      {
        id: `${stem}-${b + 1}`,
        text: characters.join(''),
        meta: { source: file },
        spans: spans.map(({ start, end, label }) => ({ start: offsets[start], end: offsets[end], label })),
      },
      file,
      block[0].line,
      defaults,
    )
  })
  return { records, warnings }
}

/** The first column and the last: other columns (a part of speech, a segmentation) sit between them in some files. */
function splitRow(content: string, separator: ColumnSeparator | undefined): { token: string; tag?: string } {
  const mark = separator === 'tab' || (separator === undefined && content.includes('\t')) ? '\t' : ' '
  const line = content.trimEnd()
  // A separator written as the character itself comes first on its line: the first field starts after it.
  const tokenEnd = line.indexOf(mark, line.startsWith(mark) ? 1 : 0)
  const tagStart = line.lastIndexOf(mark) + 1
  if (tokenEnd === -1 || tagStart <= tokenEnd) return { token: line }
  return { token: line.slice(0, tokenEnd), tag: line.slice(tagStart) }
}

function columnCodec(scheme: TagScheme): FileCodec {
  return {
    name: scheme,
    offsetUnit: 'codepoint',
    extensions: [`.${scheme}`, '.conll', '.txt'],
    output: 'file',
    parse: (input, defaults, options = {}) => parseColumns(input, defaults, options, scheme),
    write: (records, options) => writeColumns(records, scheme, options),
  }
}

export const bioCodec = columnCodec('bio')
export const bioesCodec = columnCodec('bioes')
export const bmesCodec = columnCodec('bmes')
