// Plain text files: their bytes decoded into a document text, and a title read from the headline.
import type { TextEncoding } from '../api'
import { InputError } from '../errors'
import { lowerBound } from '../lowerBound'
import { codePointLength } from '../offsets'
import { notTextReason } from './binary'

export type DecodedEncoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be'

export interface DecodedText {
  text: string
  encoding: DecodedEncoding
}

const ENCODING_NAMES: Record<DecodedEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  big5: 'Big5',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
}

/**
 * The text of a file: decoded (UTF-8, or GB18030 / Big5 detected or named), byte order mark dropped,
 * CRLF and CR turned into LF, otherwise exactly as it is. Throws InputError naming the line of
 * undecodable bytes, of a NUL character, or an empty file.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: TextEncoding = 'auto', lineEnds: 'normalize' | 'keep' = 'normalize'): DecodedText {
  const bom = byteOrderMark(bytes)
  const body = bytes.subarray(bom?.length ?? 0)
  if (bom === undefined) refuseNotText(bytes, file)
  // A byte order mark is the file's own word on its encoding, so it wins over a named one.
  const chosen = bom?.encoding ?? (encoding === 'auto' ? undefined : encoding)
  if (chosen === undefined) return finish(detect(body, file), file, lineEnds)
  return finish({ text: decodeAs(body, chosen, file, bom?.length ?? 0), encoding: chosen }, file, lineEnds)
}

/**
 * The text of a JSON file (JSONL, Label Studio): UTF-8 as JSON requires, or UTF-16 with a byte order mark, or the
 * encoding named; never guessed. Line ends are kept, since JSON reads them as white space.
 */
export function decodeJson(bytes: Uint8Array, file: string, encoding: TextEncoding = 'auto'): DecodedText {
  const bom = byteOrderMark(bytes)
  const body = bytes.subarray(bom?.length ?? 0)
  if (bom === undefined) refuseNotText(bytes, file)
  const chosen = bom?.encoding ?? (encoding === 'auto' ? 'utf-8' : encoding)
  const guessed = bom === undefined && encoding === 'auto'
  return finish({ text: decodeAs(body, chosen, file, bom?.length ?? 0, guessed ? JSON_IS_UTF8 : ''), encoding: chosen }, file, 'keep')
}

/** Said after a JSON file's bad byte when nobody named its encoding. */
export const JSON_IS_UTF8 = ': JSON files are UTF-8, so no other encoding is guessed; name the encoding (--encoding) if the file has another'

/** Throws for a file that is compressed, binary, or UTF-16 without a byte order mark, naming what it is. */
export function refuseNotText(head: Uint8Array, file: string): void {
  const reason = notTextReason(head)
  if (reason !== undefined) throw new InputError(file, 1, reason)
}

function decodeAs(body: Uint8Array, encoding: DecodedEncoding, file: string, offset: number, hint = ''): string {
  const text = strictDecode(body, encoding)
  if (text !== null) return text
  const at = firstBadByte(body, encoding)
  const { line, column } = positionAfter(body.subarray(0, at), encoding)
  throw new InputError(file, line, `not valid ${ENCODING_NAMES[encoding]} at byte ${at + offset}, column ${column}${hint}`)
}

export function byteOrderMark(bytes: Uint8Array): { encoding: DecodedEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return undefined
}

function detect(body: Uint8Array, file: string): DecodedText {
  const utf8 = strictDecode(body, 'utf-8')
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
  // Chinese characters before the first bad byte mean UTF-8 that was cut off or damaged, which another encoding
  // would only turn into other characters.
  const bad = firstBadByte(body, 'utf-8')
  const before = strictDecode(body.subarray(0, bad), 'utf-8') ?? ''
  if (multiByteCharacters(before) >= DAMAGED_UTF8_AFTER) {
    const { line, column } = lineAndColumn(before.replace(/\r\n?/g, '\n'))
    throw new InputError(
      file,
      line,
      `not valid UTF-8 at byte ${bad}, column ${column}, though the text before it is UTF-8: the file looks cut off or damaged there; name its encoding (--encoding) if it has another`,
    )
  }
  const gb = strictDecode(body, 'gb18030')
  const big5 = strictDecode(body, 'big5')
  // Big5 bytes nearly always decode as GB18030 too, and chardet ties on short texts, so the decoding with more common characters wins.
  if (gb !== null && big5 !== null) return chineseScore(big5) > chineseScore(gb) ? { text: big5, encoding: 'big5' } : { text: gb, encoding: 'gb18030' }
  if (gb !== null) return { text: gb, encoding: 'gb18030' }
  if (big5 !== null) return { text: big5, encoding: 'big5' }
  // The encoding that gets furthest is the likeliest one, so its first bad byte is the one worth showing.
  const candidates = (['utf-8', 'gb18030', 'big5'] as const).map((encoding) => ({ encoding, at: firstBadByte(body, encoding) }))
  const furthest = candidates.reduce((a, b) => (b.at > a.at ? b : a))
  const { line } = positionAfter(body.subarray(0, furthest.at), furthest.encoding)
  throw new InputError(file, line, `cannot decode as UTF-8, GB18030 or Big5 (first bad byte at line ${line})`)
}

/**
 * Characters of three or more UTF-8 bytes (every Chinese character) that show a file is UTF-8: many GB18030 and Big5
 * pairs are valid two-byte UTF-8 by chance, but they seldom chain into three-byte sequences.
 */
const DAMAGED_UTF8_AFTER = 3

function multiByteCharacters(text: string): number {
  let n = 0
  for (let i = 0; i < text.length && n < DAMAGED_UTF8_AFTER; i++) if (text.charCodeAt(i) >= 0x800) n++
  return n
}

/** `keep` leaves CRLF and CR as they are, for formats whose offsets were counted on the file's own line ends (brat). */
function finish({ text, encoding }: DecodedText, file: string, lineEnds: 'normalize' | 'keep'): DecodedText {
  // U+FEFF first is a BOM the decoder kept: GB18030 writes it as 84 31 95 33.
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (withoutBom === '') throw new InputError(file, 1, 'file is empty')
  const normalized = withoutBom.replace(/\r\n?/g, '\n')
  const nul = normalized.indexOf('\u0000')
  if (nul !== -1) {
    const { line, column } = lineAndColumn(normalized.slice(0, nul))
    throw new InputError(file, line, `contains a NUL character at column ${column}`)
  }
  return { text: lineEnds === 'keep' ? withoutBom : normalized, encoding }
}

export function strictDecode(bytes: Uint8Array, encoding: DecodedEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Byte offset where the first undecodable sequence starts, in bytes known not to decode. */
export function firstBadByte(bytes: Uint8Array, encoding: DecodedEncoding): number {
  // The shortest prefix whose streamed decoding already fails ends at the byte where the error shows.
  const lo = lowerBound(bytes.length + 1, (end) => !streamFails(bytes.subarray(0, end), encoding), 1)
  // The bad sequence starts at the last character boundary before that byte (or before a truncated end).
  for (let at = lo - 1; at > 0; at--) {
    if (strictDecode(bytes.subarray(0, at), encoding) !== null) return at
  }
  return 0
}

function streamFails(bytes: Uint8Array, encoding: DecodedEncoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true })
    return false
  } catch {
    return true
  }
}

/** Line and column (1-based, code points) just after bytes that decode cleanly. */
function positionAfter(prefix: Uint8Array, encoding: DecodedEncoding): { line: number; column: number } {
  return lineAndColumn((strictDecode(prefix, encoding) ?? '').replace(/\r\n?/g, '\n'))
}

export function lineAndColumn(before: string): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: codePointLength(before.slice(lineStart)) + 1 }
}

let commonCharacters: Set<string> | undefined

/** Share of the non-ASCII characters that are common Chinese characters or punctuation, 0…1. */
function chineseScore(text: string): number {
  const common = (commonCharacters ??= readCommonCharacters())
  let all = 0
  let hits = 0
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue
    all++
    if (common.has(ch)) hits++
  }
  return all === 0 ? 0 : hits / all
}

/** The most used characters of both scripts, read from the encodings themselves: GB2312 level 1 and Big5 level 1, with their punctuation. */
function readCommonCharacters(): Set<string> {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const big5Trails = [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]
  const blocks: Array<[DecodedEncoding, number[], number[]]> = [
    ['gb18030', [0xa1, 0xa3, ...range(0xb0, 0xd7)], range(0xa1, 0xfe)],
    ['big5', [0xa1, 0xa2, ...range(0xa4, 0xc5)], big5Trails],
    ['big5', [0xc6], range(0x40, 0x7e)],
  ]
  const common = new Set<string>()
  for (const [encoding, leads, trails] of blocks) {
    // A newline after each pair keeps one unmapped pair from shifting the ones after it.
    const bytes = leads.flatMap((lead) => trails.flatMap((trail) => [lead, trail, 0x0a]))
    for (const ch of new TextDecoder(encoding).decode(new Uint8Array(bytes))) {
      const code = ch.charCodeAt(0)
      if (code >= 0x80 && ch !== '\ufffd' && !(code >= 0xe000 && code <= 0xf8ff)) common.add(ch)
    }
  }
  return common
}

const MAX_TITLE = 80
/** A short line ending in a colon is a label for what follows ("原題:", "字号："), not a headline. */
const BARE_LABEL = /^[^:：]{1,10}[:：]$/u
const DATE = String.raw`(?:\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?|\d{1,2}[./-]\d{1,2}|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号])`
const TIME = String.raw`\d{1,2}[:：]\d{2}(?:[:：]\d{2})?`
/** "03.04 ", "2020/09/02 13:34", "2月26日 ", "3、": a stamp before the headline; "3月2日起…" keeps its date. */
const LEADING_STAMP = new RegExp(String.raw`^(?:(?:(?:${DATE})(?:\s+${TIME})?|${TIME})(?=\s|$)|\d{1,3}(?:[.．](?=\s)|[、)）]))\s*`, 'u')

/** A readable title from the headline: the first line that is not blank nor a bare label, without a leading date or number stamp. */
export function titleFromText(text: string, fallback: string): string {
  const lines = /[^\r\n]+/g
  for (let match = lines.exec(text); match !== null; match = lines.exec(text)) {
    const line = match[0].trim()
    if (line === '' || BARE_LABEL.test(line)) continue
    const title = line.replace(LEADING_STAMP, '').trim()
    if (title !== '') return shorten(title)
  }
  return fallback
}

function shorten(title: string): string {
  const chars = [...title]
  return chars.length <= MAX_TITLE ? title : chars.slice(0, MAX_TITLE - 1).join('').trimEnd() + '…'
}
