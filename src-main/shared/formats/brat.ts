// brat standoff: a `.txt` and an `.ann` per document. Text-bound lines `T1<TAB>TYPE START END[;START END…]<TAB>TEXT`
// count offsets in the code points of the .txt as brat's Python server reads it: with universal newlines, so a CRLF is
// one character (brat server/src/annotation.py open_textfile mode 'rU'; brat issue #853). Fragments are joined by one
// space in the quoted TEXT, and brat writes a span that crosses lines as one fragment per line.
// Relations are `R1<TAB>TYPE Arg1:T1 Arg2:T2`; an event `E1<TAB>TYPE:T1 ROLE:T2 ROLE:T3` reads as its trigger span T1
// linked to each argument by a relation whose type is the role. Export writes every relation as an R line, and each
// fact (a metric or measure, or any span, with its links) also as an E line, the links its roles; read back, an R line
// and an E role that say the same are one relation.
import { InputError } from '../errors'
import { labelNameProblem } from '../labelSet'
import { lowerBound } from '../lowerBound'
import { OffsetMap } from '../offsets'
import type { FolderCodec, FolderEntry, ParseOptions, ParseResult, SourceFile, WriteOptions } from './codec'
import { distinctSpans } from './distinctSpans'
import { checkLabelWord } from './labelWords'
import { recordFromInput, type NativeRecord, type ParseDefaults, type RelationInput } from './native'
import { Problems } from './problems'
import { factsIn, relationsInto } from './relations'
import { SkippedLines } from './skippedLines'
import { pathWithoutExtension } from './sourceNames'

const FRAGMENT_SEPARATOR = ' '

/** The text as brat's server sees it: CRLF and CR read as LF. */
export function bratText(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** What the annotation lines brat has besides text-bound ones hold, as skipped-line warnings name them. */
const OTHER_LINES: Record<string, string> = {
  A: 'attribute(s) (A lines)',
  M: 'attribute(s) (M lines)',
  N: 'normalization(s) (N lines)',
  '#': 'note(s) (# lines)',
  '*': 'equivalence(s) (* lines)',
}

const TEXT_BOUND = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/
const ARGUMENT = /^([^\s:]+):(\S+)$/

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
  // Each T id's span among `spans` (the first piece of a split one), and the T ids not imported, for relations.
  const spanOf = new Map<string, number>()
  const notImported = new Set<string>()
  // Every T id of the file, imported or not, to tell a relation to a span left out from one to no span.
  const seen = new Set<string>()
  const links: Array<{ line: number; id: string; data: string }> = []
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
    if (kind === 'T') seen.add(annotationId)
    if (kind === 'R' || kind === 'E') {
      const rest = content.slice(tab + 1)
      const secondTab = rest.indexOf('\t')
      links.push({ line, id: annotationId, data: (secondTab === -1 ? rest : rest.slice(0, secondTab)).trim() })
      continue
    }
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
      spanOf.set(annotationId, spans.length)
      spans.push({ ...pieces[0], label })
      continue
    }
    const described = `${annotationId} ${label} has ${pieces.length} discontinuous fragments (${match[2]})`
    if ((options.discontinuous ?? 'split') === 'split') {
      spanOf.set(annotationId, spans.length)
      spans.push(...pieces.map((piece) => ({ ...piece, label })))
      problems.skipped({ file, line, reason: `${described}: imported as ${pieces.length} spans, one per fragment` })
    } else {
      notImported.add(annotationId)
      problems.skipped({ file, line, reason: `${described}: not imported (--discontinuous skip)` })
    }
  }
  const relations = relationsOfLinks(links, { spanOf, notImported, seen, file, problems, skipped })
  const record = recordFromInput({ id, text, meta, spans, relations }, 1, context)
  return { records: [record], warnings: [...problems.warnings, ...skipped.warnings(file)] }
}

interface LinkContext {
  spanOf: Map<string, number>
  notImported: Set<string>
  seen: Set<string>
  file: string
  problems: Problems
  skipped: SkippedLines
}

/** The relations of the R and E lines, read once every T line is known (brat lets a line refer to one below it). */
function relationsOfLinks(links: Array<{ line: number; id: string; data: string }>, context: LinkContext): RelationInput[] {
  const { spanOf, notImported, seen, problems, skipped } = context
  const firstLine = new Map<string, number>()
  const relations: RelationInput[] = []
  for (const { line, id, data } of links) {
    const first = firstLine.get(id)
    if (first !== undefined) {
      problems.span(line, `duplicate id ${id} (first used on line ${first})`)
      continue
    }
    firstLine.set(id, line)
    /** The span an argument names, or undefined when it names none (reported here). */
    const spanAt = (ref: string, role: string): number | undefined => {
      const index = spanOf.get(ref)
      if (index !== undefined) return index
      if (notImported.has(ref)) skipped.add(`relation(s) whose span was not imported (a discontinuous span, --discontinuous skip)`, line)
      else if (seen.has(ref)) problems.span(line, `${id} has ${role}:${ref}, a span that was left out`)
      else if (/^[ER]\d/.test(ref)) skipped.add(`relation(s) to an event or a relation, not a span (Factspan links spans only)`, line)
      else problems.span(line, `${id} has ${role}:${ref}, but no T line has the id ${ref}`)
      return undefined
    }
    const parts = data.split(/\s+/)
    if (id[0] === 'R') {
      const type = parts[0]
      const args = parts.slice(1).map((part) => ARGUMENT.exec(part))
      if (args.length !== 2 || args[0] === null || args[1] === null || args[0][1] === args[1][1]) {
        problems.span(line, `${id} has ${JSON.stringify(data)}, not TYPE Arg1:T… Arg2:T… (two arguments with different roles)`)
        continue
      }
      // brat links the first argument to the second, whatever their roles are named; Arg2 written first still comes second.
      const [head, tail] = args[0][1] === 'Arg2' && args[1][1] === 'Arg1' ? [args[1], args[0]] : [args[0], args[1]]
      const from = spanAt(head[2], head[1])
      const to = spanAt(tail[2], tail[1])
      if (from !== undefined && to !== undefined) relations.push({ from, to, type, where: id, line })
      continue
    }
    const args = parts.map((part) => ARGUMENT.exec(part))
    if (parts[0] === '' || args.some((match) => match === null)) {
      problems.span(line, `${id} has ${JSON.stringify(data)}, not TYPE:TRIGGER ROLE:ID …`)
      continue
    }
    const [trigger, ...roles] = args as RegExpExecArray[]
    const from = spanAt(trigger[2], trigger[1])
    if (from === undefined) continue
    for (const [, role, ref] of roles) {
      const to = spanAt(ref, role)
      // brat numbers a role that repeats (Theme, Theme2) and reads every role without its digits (verify_annotations.py).
      const type = role.replace(/\d+$/, '') || role
      if (to !== undefined) relations.push({ from, to, type, where: `${id} ${role}`, line })
    }
  }
  return relations
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
  const schema = new BratSchema()
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
    // The T id of each span written, by its ends as written and by its index among the distinct spans.
    const written = new Map<string, string>()
    const idOf = new Map<number, string>()
    let lineBreaksOnly = 0
    let trimmed = 0
    const spans = distinctSpans(record.spans)
    for (const [i, span] of spans.entries()) {
      checkLabelWord(span.label, 'brat', record.id)
      const [start, end] = [toBrat(span.start), toBrat(span.end)]
      const fragments = splitAtLineBreaks(map, start, end)
      if (fragments.length === 0) {
        lineBreaksOnly++
        continue
      }
      if (fragments[0].start !== start || fragments.at(-1)!.end !== end) trimmed++
      const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';')
      const same = written.get(`${span.label} ${offsets}`)
      if (same !== undefined) {
        idOf.set(i, same)
        continue
      }
      const id = `T${written.size + 1}`
      written.set(`${span.label} ${offsets}`, id)
      idOf.set(i, id)
      const quote = fragments.map((f) => map.slice(f.start, f.end)).join(FRAGMENT_SEPARATOR)
      lines.push(`${id}\t${span.label} ${offsets}\t${quote}\n`)
      labels.add(span.label)
    }
    if (lineBreaksOnly > 0) warn(lineBreaksOnly, `${lineBreaksOnly} span(s) cover only line breaks, which brat cannot mark`)
    if (trimmed > 0) warn(0, `${trimmed} span(s) start or end with a line break, which brat cannot mark: written without it`)
    const all = relationsInto(record, spans)
    // Trimming line breaks can make two spans one, and a relation between them a loop brat cannot hold.
    const relations = all.filter((r) => idOf.has(r.from) && idOf.has(r.to) && idOf.get(r.from) !== idOf.get(r.to))
    if (relations.length < all.length) warn(0, `left out ${all.length - relations.length} relation(s) whose spans brat cannot mark`)
    for (const [n, relation] of relations.entries()) {
      checkLabelWord(relation.type, 'brat', record.id)
      lines.push(`R${n + 1}\t${relation.type} Arg1:${idOf.get(relation.from)} Arg2:${idOf.get(relation.to)}\n`)
      schema.relation(relation.type, spans[relation.from].label, spans[relation.to].label)
    }
    // A type that ends in a digit would read back without it as a role: its R lines carry it alone.
    for (const [n, fact] of factsIn(relations.filter((r) => !/\d$/.test(r.type))).entries()) {
      const head = spans[fact.head].label
      const uses = new Map<string, number>()
      const roles = fact.links.map((link) => {
        const used = (uses.get(link.type) ?? 0) + 1
        uses.set(link.type, used)
        schema.role(head, link.type, spans[link.to].label)
        return `${link.type}${used === 1 ? '' : used}:${idOf.get(link.to)}`
      })
      lines.push(`E${n + 1}\t${head}:${idOf.get(fact.head)} ${roles.join(' ')}\n`)
    }
    yield { path: `${name}.txt`, text }
    yield { path: `${name}.ann`, text: lines.join('') }
  }
  // brat shows types its configuration does not list as errors; an event's trigger type is an event type, not an entity.
  const entities = [...labels].filter((label) => !schema.isEvent(label)).sort()
  yield { path: 'annotation.conf', text: `[entities]\n${entities.map((l) => `${l}\n`).join('')}[relations]\n${schema.relationLines()}[events]\n${schema.eventLines()}[attributes]\n` }
}

/** The relation and event types an export used, with the labels at their ends, for annotation.conf. */
class BratSchema {
  private readonly relations = new Map<string, { from: Set<string>; to: Set<string> }>()
  private readonly events = new Map<string, Map<string, Set<string>>>()

  relation(type: string, from: string, to: string): void {
    const ends = this.relations.get(type) ?? { from: new Set(), to: new Set() }
    ends.from.add(from)
    ends.to.add(to)
    this.relations.set(type, ends)
  }

  role(event: string, role: string, label: string): void {
    const roles = this.events.get(event) ?? new Map<string, Set<string>>()
    roles.set(role, (roles.get(role) ?? new Set()).add(label))
    this.events.set(event, roles)
  }

  isEvent(label: string): boolean {
    return this.events.has(label)
  }

  relationLines(): string {
    const sorted = (set: Set<string>) => [...set].sort().join('|')
    return [...this.relations.keys()].sort().map((type) => `${type}\tArg1:${sorted(this.relations.get(type)!.from)}, Arg2:${sorted(this.relations.get(type)!.to)}\n`).join('')
  }

  eventLines(): string {
    return [...this.events.keys()]
      .sort()
      .map((event) => {
        const roles = this.events.get(event)!
        // `*`: a fact may have any number of links of a type, or none.
        return `${event}\t${[...roles.keys()].sort().map((role) => `${role}*:${[...roles.get(role)!].sort().join('|')}`).join(', ')}\n`
      })
      .join('')
  }
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
