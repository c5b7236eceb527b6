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

/**
 * The spans a tag sequence spells, and every place where it breaks the scheme: a continuation with nothing to
 * continue, a span never closed, a tag of another scheme. Broken spans are left out, never repaired by guessing.
 * `lines` holds the file line of each tag, for the messages.
 */
export function tagsToSpans(tags: readonly string[], lines: readonly number[], scheme: TagScheme): { spans: TokenSpan[]; problems: TagProblem[] } {
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
