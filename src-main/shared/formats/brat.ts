// brat standoff: a `.txt` and an `.ann` per document. Text-bound lines `T1<TAB>TYPE START END[;START END…]<TAB>TEXT`
// count offsets in the code points of the .txt as brat's Python server reads it: with universal newlines, so a CRLF is
// one character (brat server/src/annotation.py open_textfile mode 'rU'; brat issue #853). Fragments are joined by one
// space in the quoted TEXT, and brat writes a span that crosses lines as one fragment per line.
import { InputError } from '../errors'
import { labelNameProblem } from '../labelSet'
import { lowerBound } from '../lowerBound'
import { OffsetMap } from '../offsets'
import type { FolderCodec, FolderEntry, ParseOptions, ParseResult, SourceFile, WriteOptions } from './codec'
import { distinctSpans } from './distinctSpans'
import { checkLabelWord } from './labelWords'
import { recordFromInput, type NativeRecord, type ParseDefaults } from './native'
import { Problems } from './problems'
import { SkippedLines } from './skippedLines'
import { pathWithoutExtension } from './sourceNames'

const FRAGMENT_SEPARATOR = ' '

/** The text as brat's server sees it: CRLF and CR read as LF. */
export function bratText(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** What the annotation lines brat has besides text-bound ones hold, as skipped-line warnings name them. */
const OTHER_LINES: Record<string, string> = {
  R: 'relation(s) (R lines)',
  E: 'event(s) (E lines; their triggers are T lines and were imported as spans)',
  A: 'attribute(s) (A lines)',
  M: 'attribute(s) (M lines)',
  N: 'normalization(s) (N lines)',
  '#': 'note(s) (# lines)',
  '*': 'equivalence(s) (* lines)',
}

const TEXT_BOUND = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/

function parseBrat(input: SourceFile, defaults: ParseDefaults, options: ParseOptions = {}): ParseResult {
  const text = bratText(input.text)
  const id = pathWithoutExtension(input.name)
  const meta = { source: input.name }
  if (text === '') throw new InputError(input.name, 1, 'file is empty: a document needs a text')
  const file = input.companion?.name ?? input.name
  const problems = new Problems(file, options.lenient)
  const context = { file, defaults, problems }
  if (input.companion === undefined) return { records: [recordFromInput({ id, text, meta, spans: [] }, 1, { ...context, file: input.name })], warnings: [] }
  const map = new OffsetMap(text)
  // The .txt as its bytes have it, to tell a user whose offsets count CRLF as two characters.
  const raw = text === input.text ? undefined : new OffsetMap(input.text)
  const firstLine = new Map<string, number>()
  const skipped = new SkippedLines()
  const spans: Array<{ start: number; end: number; label: string }> = []
  const lines = input.companion.text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1
    const content = lines[i]
    if (content.trim() === '') continue
    const tab = content.indexOf('\t')
    if (tab === -1) {
      problems.span(line, 'no tab after the annotation id; brat lines read ID<TAB>TYPE START END<TAB>TEXT')
      continue
    }
    const annotationId = content.slice(0, tab)
    const kind = annotationId[0]
    if (kind !== 'T') {
      if (OTHER_LINES[kind] === undefined) problems.span(line, `unknown annotation id ${JSON.stringify(annotationId)}: brat ids start with T, R, E, A, M, N, # or *`)
      else skipped.add(OTHER_LINES[kind], line)
      continue
    }
    const rest = content.slice(tab + 1)
    const secondTab = rest.indexOf('\t')
    const data = (secondTab === -1 ? rest : rest.slice(0, secondTab)).trimEnd()
    let quote = secondTab === -1 ? undefined : rest.slice(secondTab + 1)
    const match = TEXT_BOUND.exec(data)
    if (match === null) {
      problems.span(line, `${annotationId} has ${JSON.stringify(data)}, not TYPE START END (with ";START END" for each further fragment)`)
      continue
    }
    const first = firstLine.get(annotationId)
    if (first !== undefined) {
      problems.span(line, `duplicate id ${annotationId} (first used on line ${first})`)
      continue
    }
    firstLine.set(annotationId, line)
    const label = match[1]
    const labelProblem = labelNameProblem(label)
    if (labelProblem) {
      problems.span(line, `${annotationId} has the type ${JSON.stringify(label)}, which ${labelProblem}`)
      continue
    }
    const fragments = match[2].split(';').map((pair) => {
      const [start, end] = pair.split(' ').map(Number)
      return { start, end }
    })
    const outside = fragments.find(({ start, end }) => !(start < end && end <= map.codePointLength))
    if (outside) {
      problems.span(
        line,
        `${annotationId} has start ${outside.start} and end ${outside.end}, but offsets must satisfy 0 ≤ start < end ≤ ${map.codePointLength}, ` +
          "the .txt's length in code points with each CRLF counted once, as brat reads it",
      )
      continue
    }
    const ordered = [...fragments].sort((a, b) => a.start - b.start)
    if (ordered.some((f, n) => n > 0 && f.start < ordered[n - 1].end)) {
      problems.span(line, `${annotationId} has fragments that overlap: ${match[2]}`)
      continue
    }
    const texts = fragments.map((f) => map.slice(f.start, f.end))
    const covered = texts.join(FRAGMENT_SEPARATOR)
    // brat writes a span's text as it is, so one that holds a line break wraps onto the next lines of the .ann.
    while (quote !== undefined && quote !== '' && !quotes(quote, covered) && covered.startsWith(`${quote}\n`) && i + 1 < lines.length) {
      const longer = `${quote}\n${lines[i + 1]}`
      if (!quotes(longer, covered) && !covered.startsWith(longer)) break
      quote = longer
      i++
    }
    // brat accepts a quote followed by white space and more text, fills a missing one from the .txt, and reads the
    // fragments joined without a space as brat before 1.3 wrote them.
    if (quote !== undefined && quote !== '' && !quotes(quote, covered) && !quotes(quote, texts.join(''))) {
      const rawCovered = raw && fragments.every((f) => f.end <= raw.codePointLength) ? fragments.map((f) => raw.slice(f.start, f.end)).join(FRAGMENT_SEPARATOR) : undefined
      const hint =
        rawCovered !== undefined && quotes(quote, rawCovered)
          ? "; these offsets count each CRLF as two characters, but brat reads the .txt with universal newlines and counts one (brat issue #853): fix the offsets, or save the .txt with LF line ends before annotating"
          : ''
      problems.quote(line, `${annotationId} quotes ${JSON.stringify(quote)} but the text at ${match[2]} is ${JSON.stringify(covered)}${hint}`)
    }
    const pieces = joinAcrossLineBreaks(ordered, map)
    if (pieces.length === 1) {
      spans.push({ ...pieces[0], label })
      continue
    }
    const described = `${annotationId} ${label} has ${pieces.length} discontinuous fragments (${match[2]})`
    if ((options.discontinuous ?? 'split') === 'split') {
      spans.push(...pieces.map((piece) => ({ ...piece, label })))
      problems.skipped({ file, line, reason: `${described}: imported as ${pieces.length} spans, one per fragment` })
    } else {
      problems.skipped({ file, line, reason: `${described}: not imported (--discontinuous skip)` })
    }
  }
  const record = recordFromInput({ id, text, meta, spans }, 1, context)
  return { records: [record], warnings: [...problems.warnings, ...skipped.warnings(file)] }
}

function quotes(quote: string, covered: string): boolean {
  return quote === covered || (quote.startsWith(covered) && /\s/.test(quote[covered.length]))
}

/** Fragments with only line breaks between them are one span that brat split at the line ends. */
function joinAcrossLineBreaks(fragments: Array<{ start: number; end: number }>, map: OffsetMap) {
  const pieces: Array<{ start: number; end: number }> = []
  for (const fragment of fragments) {
    const last = pieces.at(-1)
    if (last !== undefined && /^\n+$/.test(map.slice(last.end, fragment.start))) last.end = fragment.end
    else pieces.push({ ...fragment })
  }
  return pieces
}

function* writeBrat(records: Iterable<NativeRecord>, options: WriteOptions = {}): Generator<FolderEntry> {
  const labels = new Set<string>()
  const names = new Set<string>()
  for (const record of records) {
    const name = uniqueName(fileNameOf(record.id), names)
    const warn = (dropped: number, reason: string) => options.warn?.({ documentId: record.id, dropped, reason })
    if (name !== record.id) warn(0, `written as ${name}.txt and ${name}.ann, since its id is not a safe file name (or another document's is the same)`)
    const text = bratText(record.text)
    if (text !== record.text) warn(0, 'CRLF line ends written as LF, as brat reads them; offsets count the LF text')
    const toBrat = lineEndShift(record.text)
    const map = new OffsetMap(text)
    const lines: string[] = []
    // Trimming a line break can make two spans one.
    const written = new Set<string>()
    let lineBreaksOnly = 0
    let trimmed = 0
    for (const span of distinctSpans(record.spans)) {
      checkLabelWord(span.label, 'brat', record.id)
      const [start, end] = [toBrat(span.start), toBrat(span.end)]
      const fragments = splitAtLineBreaks(map, start, end)
      if (fragments.length === 0) {
        lineBreaksOnly++
        continue
      }
      if (fragments[0].start !== start || fragments.at(-1)!.end !== end) trimmed++
      const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';')
      if (written.has(`${span.label} ${offsets}`)) continue
      written.add(`${span.label} ${offsets}`)
      const quote = fragments.map((f) => map.slice(f.start, f.end)).join(FRAGMENT_SEPARATOR)
      lines.push(`T${lines.length + 1}\t${span.label} ${offsets}\t${quote}\n`)
      labels.add(span.label)
    }
    if (lineBreaksOnly > 0) warn(lineBreaksOnly, `${lineBreaksOnly} span(s) cover only line breaks, which brat cannot mark`)
    if (trimmed > 0) warn(0, `${trimmed} span(s) start or end with a line break, which brat cannot mark: written without it`)
    yield { path: `${name}.txt`, text }
    yield { path: `${name}.ann`, text: lines.join('') }
  }
  // brat shows types its configuration does not list as errors.
  yield { path: 'annotation.conf', text: `[entities]\n${[...labels].sort().map((l) => `${l}\n`).join('')}[relations]\n[events]\n[attributes]\n` }
}

/** Maps a code-point offset of the text to the same place once each CRLF is one LF. */
function lineEndShift(text: string): (offset: number) => number {
  const dropped: number[] = []
  let at = 0
  let previous = ''
  for (const ch of text) {
    if (previous === '\r' && ch === '\n') dropped.push(at - 1)
    previous = ch
    at++
  }
  if (dropped.length === 0) return (offset) => offset
  return (offset) => offset - lowerBound(dropped.length, (i) => dropped[i] < offset)
}

/** The runs of a span between its line breaks, as brat writes a span across lines. */
function splitAtLineBreaks(map: OffsetMap, start: number, end: number): Array<{ start: number; end: number }> {
  const fragments: Array<{ start: number; end: number }> = []
  let runStart = start
  let at = start
  for (const ch of map.slice(start, end)) {
    if (ch === '\n') {
      if (at > runStart) fragments.push({ start: runStart, end: at })
      runStart = at + 1
    }
    at++
  }
  if (end > runStart) fragments.push({ start: runStart, end })
  return fragments
}

const UNSAFE = /[\\:*?"<>|\u0000-\u001f\u007f]/g

/** A relative path from a document id: `/` makes folders, as brat collections are; unsafe characters become `_`. */
function fileNameOf(id: string): string {
  return id
    .split('/')
    .map((part) => {
      const safe = part.replace(UNSAFE, '_')
      // Folder walks skip hidden names, and "." or ".." would leave the export folder.
      return safe === '' || safe.startsWith('.') ? `_${safe}` : safe
    })
    .join('/')
}

/** The name, or the name with -2, -3… when another document took it; compared without case for case-blind disks. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`
  taken.add(candidate.toLowerCase())
  return candidate
}

export const bratCodec: FolderCodec = {
  name: 'brat',
  offsetUnit: 'codepoint',
  extensions: ['.ann', '.txt'],
  output: 'folder',
  parse: parseBrat,
  write: writeBrat,
}
