// CoNLL files of tagged tokens (bio, bioes, bmes): `TOKEN<TAB>TAG` lines, a blank line after each sentence. Import
// reads each sentence as one document with the id `<file stem>-<sentence number>`. Character files (MSRA-style BIO,
// Resume-style BMES, Weibo-style `北0<TAB>B-GPE.NAM`, a character and its word-segmentation digit) join their
// characters as they are. Word files (CoNLL-2003, doccano's CoNLL export: tokens of several characters) join tokens
// with one space, but none between Chinese characters, and keep the token boundaries in the document's meta, so
// export writes such a document back one token per line; every other document is written one code point per line.
import type { ColumnSeparator } from '../api'
import { codePointLength } from '../offsets'
import type { FileCodec, ParseOptions, ParseResult, SourceFile, WriteOptions } from './codec'
import { distinctSpans } from './distinctSpans'
import { checkLabelWord } from './labelWords'
import { recordFromInput, type NativeRecord, type NativeSpan, type ParseDefaults } from './native'
import { Problems } from './problems'
import { relationsLeftOut } from './relations'
import { fileStem } from './sourceNames'
import { detectScheme, schemeTitle, spansToTags, tagsToSpans, type SchemeChoice, type TagScheme } from './tagSchemes'

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
    relationsLeftOut(record, scheme, options.warn)
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
    const words = wordsOf(record, kept)
    if (words === 'unfit') {
      options.warn?.({ documentId: record.id, dropped: 0, reason: 'its spans no longer fall on its token boundaries (meta.tokens): written one character per line' })
    }
    const tokens = Array.isArray(words) ? words : [...record.text].map((ch, i) => ({ text: escapeCharacter(ch), start: i, end: i + 1 }))
    const index = new Map(tokens.flatMap((token, i) => [[`s${token.start}`, i] as const, [`e${token.end}`, i + 1] as const]))
    const tokenSpans = kept.map((span) => ({ start: index.get(`s${span.start}`)!, end: index.get(`e${span.end}`)!, label: span.label }))
    const tags = spansToTags(tokens.length, tokenSpans, scheme)
    let block = ''
    for (const [i, token] of tokens.entries()) block += `${token.text}${separator}${tags[i]}\n`
    yield block + '\n'
  }
}

interface Token {
  text: string
  start: number
  end: number
}

/**
 * A word-level document's tokens from its meta, when they still spell its text and every span starts and ends on
 * them; 'unfit' when they no longer do, undefined for a document read character by character.
 */
function wordsOf(record: NativeRecord, spans: readonly NativeSpan[]): Token[] | 'unfit' | undefined {
  const bounds = record.meta.tokens
  if (!Array.isArray(bounds) || bounds.length === 0) return undefined
  const characters = [...record.text]
  const tokens: Token[] = []
  for (const bound of bounds) {
    if (!Array.isArray(bound) || !bound.every(Number.isInteger) || bound.length !== 2) return 'unfit'
    const [start, end] = bound as [number, number]
    const text = characters.slice(start, end).join('')
    if (!(start < end) || /[\s\x1c-\x1f\x85]/u.test(text)) return 'unfit'
    tokens.push({ text, start, end })
  }
  const joined = joinTokens(tokens.map((t) => t.text))
  if (joined.text !== record.text || joined.bounds.some(([start, end], i) => start !== tokens[i].start || end !== tokens[i].end)) return 'unfit'
  const starts = new Set(tokens.map((t) => t.start))
  const ends = new Set(tokens.map((t) => t.end))
  return spans.every((span) => starts.has(span.start) && ends.has(span.end)) ? tokens : 'unfit'
}

/** Chinese and Japanese characters and their punctuation: no space goes between them and their neighbours. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u

/** The text of a sentence's tokens: one space between two tokens, unless a Chinese character stands on either side. */
export function joinTokens(tokens: readonly string[]): { text: string; bounds: Array<[number, number]> } {
  let text = ''
  let at = 0
  const bounds: Array<[number, number]> = []
  for (const [i, token] of tokens.entries()) {
    if (i > 0 && !CJK.test(lastCharacter(tokens[i - 1])) && !CJK.test(String.fromCodePoint(token.codePointAt(0)!))) {
      text += ' '
      at++
    }
    const length = codePointLength(token)
    bounds.push([at, at + length])
    text += token
    at += length
  }
  return { text, bounds }
}

function lastCharacter(token: string): string {
  const last = token.codePointAt(token.length - 1)!
  return last >= 0xdc00 && last <= 0xdfff && token.length > 1 ? token.slice(-2) : token.slice(-1)
}

interface Row {
  line: number
  token: string
  tag: string
}

/** Reads tagged tokens; `scheme` undefined when nobody named it, so the tags tell it (the result says how). */
function parseColumns(input: SourceFile, defaults: ParseDefaults, options: ParseOptions, scheme: TagScheme | undefined): ParseResult {
  const file = input.name
  const problems = new Problems(file, options.lenient)
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
      problems.without(line, `no tag: a line reads TOKEN, ${separator}, TAG`, 'read as O')
    }
    blocks.at(-1)!.push({ line, token: row.token, tag: row.tag ?? 'O' })
  }
  const rows = blocks.filter((block) => block.length > 0)
  // Weibo's files add a word-segmentation digit to every character: 北0, 京1.
  const weibo = rows.length > 0 && rows.every((block) => block.every((row) => WEIBO_TOKEN.test(row.token)))
  const sentences = rows.map((block) => block.map((row) => unescapeToken(weibo ? row.token.slice(0, -1) : row.token)))
  const words = sentences.some((tokens) => tokens.some((token) => codePointLength(token) > 1))
  const detected = detectScheme(rows.map((block) => block.map((row) => row.tag)))
  const choice: SchemeChoice = scheme === undefined ? detected : { scheme, iob1: false, why: '' }
  // Named BIO on a file that reads as IOB1 fails on its first I-: say how to read it.
  const iob1Hint = scheme === 'bio' && detected.iob1 ? "; the file reads as IOB1, CoNLL-2003's original tagging where I- opens a span: import it without naming its format to read it so" : ''
  const stem = fileStem(file)
  const records: NativeRecord[] = []
  for (const [b, block] of rows.entries()) {
    const record = problems.each(() => {
      const tokens = sentences[b]
      const joined = words ? joinTokens(tokens) : { text: tokens.join(''), bounds: characterBounds(tokens) }
      const { spans, problems: tagProblems } = tagsToSpans(
        block.map((row) => row.tag),
        block.map((row) => row.line),
        choice.scheme,
        choice.iob1,
      )
      for (const { line, reason } of tagProblems) problems.span(line, `${reason}${iob1Hint}`)
      return recordFromInput(
        {
          id: `${stem}-${b + 1}`,
          text: joined.text,
          meta: { source: file, ...(words ? { tokens: joined.bounds } : {}) },
          spans: spans.map(({ start, end, label }) => ({ start: joined.bounds[start][0], end: joined.bounds[end - 1][1], label })),
        },
        block[0].line,
        { file, defaults, problems },
      )
    })
    if (record) records.push(record)
  }
  const readAs = scheme === undefined ? `${choice.iob1 ? 'IOB1' : schemeTitle(choice.scheme)}, since ${choice.why}` : undefined
  const wordsNote = words ? 'tokens of several characters, joined with one space (none beside a Chinese character)' : undefined
  return { records, warnings: problems.warnings, readAs: [readAs, wordsNote].filter(Boolean).join('; ') || undefined }
}

/** Code-point bounds of characters joined as they are (one token may be a character outside the BMP). */
function characterBounds(tokens: readonly string[]): Array<[number, number]> {
  let at = 0
  return tokens.map((token) => {
    const length = token.length === 1 ? 1 : codePointLength(token)
    at += length
    return [at - length, at]
  })
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

/** Tagged tokens whose scheme the tags tell (see detectScheme); the result's `readAs` says which was chosen and why. */
export function parseTagged(input: SourceFile, defaults: ParseDefaults, options: ParseOptions = {}): ParseResult {
  return parseColumns(input, defaults, options, undefined)
}

export const bioCodec = columnCodec('bio')
export const bioesCodec = columnCodec('bioes')
export const bmesCodec = columnCodec('bmes')
