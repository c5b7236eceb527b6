// Span ↔ tag sequences for the character-tagging schemes: BIO (MSRA, Weibo), BIOES, and BMES (Resume).
// Spans here count tokens (one character each), end exclusive.

export type TagScheme = 'bio' | 'bioes' | 'bmes'

interface SchemeTags {
  title: string
  inside: string
  /** Closes a span of two or more tokens; BIO spans end where the next tag does not continue them. */
  end?: string
  /** Marks a span of one token. */
  single?: string
}

const SCHEMES: Record<TagScheme, SchemeTags> = {
  bio: { title: 'BIO', inside: 'I' },
  bioes: { title: 'BIOES', inside: 'I', end: 'E', single: 'S' },
  bmes: { title: 'BMES', inside: 'M', end: 'E', single: 'S' },
}

export interface TokenSpan {
  start: number
  end: number
  label: string
}

/** One tag per token for spans that do not overlap. */
export function spansToTags(length: number, spans: readonly TokenSpan[], scheme: TagScheme): string[] {
  const { inside, end: last, single } = SCHEMES[scheme]
  const tags = new Array<string>(length).fill('O')
  for (const { start, end, label } of spans) {
    if (end - start === 1 && single) {
      tags[start] = `${single}-${label}`
      continue
    }
    tags[start] = `B-${label}`
    for (let i = start + 1; i < end; i++) tags[i] = `${inside}-${label}`
    if (last) tags[end - 1] = `${last}-${label}`
  }
  return tags
}

export interface TagProblem {
  line: number
  reason: string
  /** A tag the scheme does not have: most likely the file is in another scheme, so it is told first. */
  foreign?: boolean
}

const TAG = /^([A-Za-z])[-_](.+)$/

/** The scheme chosen for tags nobody named, and why, in words that follow "read as BIO: ". */
export interface SchemeChoice {
  scheme: TagScheme
  /** BIO as CoNLL-2003's original files write it: I- opens a span, and B- only starts one right after another of its label. */
  iob1: boolean
  why: string
}

/** The scheme of sentences' tags when nobody named it: M- means BMES, E- or S- BIOES, otherwise BIO (IOB1 when its I- tags open spans). */
export function detectScheme(sentences: ReadonlyArray<readonly string[]>): SchemeChoice {
  const prefixes = new Set<string>()
  let opensWithI = 0
  let opensWithB = 0
  for (const tags of sentences) {
    let previous: { prefix: string; label: string } | undefined
    for (const tag of tags) {
      const match = TAG.exec(tag)
      const current = match ? { prefix: match[1].toUpperCase(), label: match[2] } : undefined
      if (current) prefixes.add(current.prefix)
      const continues = current !== undefined && previous !== undefined && previous.label === current.label && 'BI'.includes(previous.prefix)
      if (current?.prefix === 'I' && !continues) opensWithI++
      if (current?.prefix === 'B' && !continues) opensWithB++
      previous = current
    }
  }
  if (prefixes.has('M')) return { scheme: 'bmes', iob1: false, why: 'its tags use M-' }
  const endTags = ['E', 'S'].filter((p) => prefixes.has(p))
  if (endTags.length > 0) return { scheme: 'bioes', iob1: false, why: `its tags use ${endTags.map((p) => `${p}-`).join(' and ')}` }
  if (opensWithI > 0 && opensWithB === 0) {
    return { scheme: 'bio', iob1: true, why: "its I- tags open spans, as in CoNLL-2003's original files" }
  }
  return { scheme: 'bio', iob1: false, why: prefixes.size === 0 ? 'it has no tags but O' : 'its tags use only B-, I- and O' }
}

/** The scheme's name as people write it: BIO, BIOES, BMES. */
export function schemeTitle(scheme: TagScheme): string {
  return SCHEMES[scheme].title
}

/**
 * The spans a tag sequence spells, and every place where it breaks the scheme: a continuation with nothing to
 * continue, a span never closed, a tag of another scheme. Broken spans are left out, never repaired by guessing.
 * `lines` holds the file line of each tag, for the messages. With `iob1`, an I- that continues nothing opens a span.
 */
export function tagsToSpans(tags: readonly string[], lines: readonly number[], scheme: TagScheme, iob1 = false): { spans: TokenSpan[]; problems: TagProblem[] } {
  const { title, inside, end: last, single } = SCHEMES[scheme]
  const prefixes = ['B', inside, ...(last ? [last] : []), ...(single ? [single] : [])]
  const spans: TokenSpan[] = []
  const problems: TagProblem[] = []
  let open: { label: string; start: number } | null = null
  // The label of a continuation already reported, so the rest of that run is not reported again.
  let broken: string | null = null
  const where = (i: number) => (i < tags.length ? `${JSON.stringify(tags[i])} on line ${lines[i]}` : 'the end of the sentence')

  const finishOpen = (at: number) => {
    if (open === null) return
    if (last === undefined) spans.push({ start: open.start, end: at, label: open.label })
    else {
      problems.push({
        line: lines[open.start],
        reason: `B-${open.label} opens a span that ${where(at)} cuts off before ${last}-${open.label} closes it`,
      })
    }
    open = null
  }
  const follows = (i: number) => (i === 0 ? 'it starts the sentence' : `it follows ${tags[i - 1]}`)

  for (const [i, tag] of tags.entries()) {
    const match = tag === 'O' ? null : TAG.exec(tag)
    const prefix = tag === 'O' || tag === 'o' ? 'O' : match?.[1].toUpperCase()
    const label = match?.[2] ?? ''
    if (prefix === undefined || (prefix !== 'O' && !prefixes.includes(prefix))) {
      const others = Object.values(SCHEMES).filter((other) => prefix !== undefined && [other.inside, other.end, other.single].includes(prefix))
      const hint = others.length > 0 ? `; ${others.map((other) => other.title).join(' and ')} use ${prefix}-` : ''
      problems.push({ line: lines[i], reason: `${JSON.stringify(tag)} is not a ${title} tag (${prefixes.map((p) => `${p}-`).join(', ')} or O)${hint}`, foreign: true })
      finishOpen(i)
      broken = null
      continue
    }
    if (prefix === 'O' || prefix === 'B' || prefix === single) {
      finishOpen(i)
      broken = null
      if (prefix === 'B') open = { label, start: i }
      if (prefix === single) spans.push({ start: i, end: i + 1, label })
      continue
    }
    const continues = open !== null && open.label === label
    if (prefix === inside && continues) continue
    if (prefix === inside && iob1) {
      finishOpen(i)
      broken = null
      open = { label, start: i }
      continue
    }
    if (prefix === last && continues) {
      spans.push({ start: open!.start, end: i + 1, label })
      open = null
      continue
    }
    if (broken !== label) {
      const role = prefix === inside ? `continue a span of ${label}` : `close a span of ${label}`
      problems.push({ line: lines[i], reason: `${tag} does not ${role}: ${follows(i)}` })
    }
    finishOpen(i)
    broken = prefix === last ? null : label
  }
  finishOpen(tags.length)
  problems.sort((a, b) => Number(b.foreign ?? false) - Number(a.foreign ?? false) || a.line - b.line)
  return { spans, problems }
}
