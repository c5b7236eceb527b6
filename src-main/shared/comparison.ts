// How several annotators' layers of one document compare, span by span: what the compare view paints and
// what the reviewer settles. Pure, so the renderer and the tests share it.
import type { Span } from './model'

/** All agree; every annotator tagged something but labels differ; boundaries differ; or someone tagged nothing there. */
export type ComparisonKind = 'agree' | 'label' | 'boundary' | 'missed'

export interface VersionSpan {
  start: number
  end: number
  label: string
}

/** What some annotators made of one stretch of text; no spans means they tagged nothing there. */
export interface Version {
  annotators: string[]
  spans: VersionSpan[]
}

/** One stretch of text where the compared layers have spans, and how they compare there. */
export interface Comparison {
  /** The stretch every version's spans fall in: from the first start to the last end. */
  start: number
  end: number
  kind: ComparisonKind
  /** Most annotators first; a version with no spans comes last. */
  versions: Version[]
}

export function spanKey(span: VersionSpan): string {
  return `${span.start}:${span.end}:${span.label}`
}

/**
 * Compares the layers of `annotators`. A span every one of them made, exactly, is agreed on its own. The other
 * spans are grouped where they overlap (transitively), and each group is one disagreement: on labels when everyone
 * tagged the same stretches, on boundaries when they did not, missed when someone tagged nothing there.
 */
export function compareLayers(spans: readonly Span[], annotators: readonly string[]): Comparison[] {
  const compared = new Set(annotators)
  // In place order (start, end, label), equal spans of several annotators are neighbours: one pass finds them, with
  // no key strings and no map of every span (a compare view opens 60,000 spans at once).
  const mine = spans.filter((span) => compared.has(span.annotator))
  const ordered = inPlaceOrder(mine) ? mine : mine.sort(comparePlace)

  const comparisons: Comparison[] = []
  const rest: Array<{ span: VersionSpan; annotator: string }> = []
  for (let i = 0; i < ordered.length; ) {
    const first = ordered[i]
    const who = new Set<string>()
    for (; i < ordered.length && comparePlace(ordered[i], first) === 0; i++) who.add(ordered[i].annotator)
    const span: VersionSpan = { start: first.start, end: first.end, label: first.label }
    if (who.size === compared.size) comparisons.push({ start: span.start, end: span.end, kind: 'agree', versions: [{ annotators: [...annotators], spans: [span] }] })
    else for (const annotator of who) rest.push({ span, annotator })
  }

  // `rest` is in place order already: overlapping spans are grouped in one pass.
  let group: typeof rest = []
  let groupEnd = -1
  for (const item of rest) {
    if (group.length > 0 && item.span.start >= groupEnd) {
      comparisons.push(disagreement(group, annotators))
      group = []
    }
    group.push(item)
    groupEnd = group.length === 1 ? item.span.end : Math.max(groupEnd, item.span.end)
  }
  if (group.length > 0) comparisons.push(disagreement(group, annotators))

  return comparisons.sort((a, b) => a.start - b.start || a.end - b.end || kindOrder(a.kind) - kindOrder(b.kind))
}

function comparePlace(a: VersionSpan, b: VersionSpan): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
}

function inPlaceOrder(spans: readonly VersionSpan[]): boolean {
  for (let i = 1; i < spans.length; i++) if (comparePlace(spans[i - 1], spans[i]) > 0) return false
  return true
}

function disagreement(group: ReadonlyArray<{ span: VersionSpan; annotator: string }>, annotators: readonly string[]): Comparison {
  const byAnnotator = new Map<string, VersionSpan[]>(annotators.map((a) => [a, []]))
  for (const { span, annotator } of group) byAnnotator.get(annotator)!.push(span)
  const versions = new Map<string, Version>()
  for (const [annotator, spans] of byAnnotator) {
    spans.sort(comparePlace)
    const key = spans.map(spanKey).join(' ')
    let version = versions.get(key)
    if (!version) versions.set(key, (version = { annotators: [], spans }))
    version.annotators.push(annotator)
  }
  const ordered = [...versions.values()].sort((a, b) => (a.spans.length === 0 ? 1 : 0) - (b.spans.length === 0 ? 1 : 0) || b.annotators.length - a.annotators.length)
  const boundaries = new Set(ordered.map((v) => [...new Set(v.spans.map((s) => `${s.start}:${s.end}`))].sort().join(' ')))
  const kind: ComparisonKind = ordered.some((v) => v.spans.length === 0) ? 'missed' : boundaries.size === 1 ? 'label' : 'boundary'
  return {
    start: Math.min(...group.map((g) => g.span.start)),
    end: Math.max(...group.map((g) => g.span.end)),
    kind,
    versions: ordered,
  }
}

function kindOrder(kind: ComparisonKind): number {
  return kind === 'agree' ? 0 : 1
}

/** The spans every compared annotator made, exactly: what "accept all unanimous" adds to gold. */
export function unanimousSpans(comparisons: readonly Comparison[]): VersionSpan[] {
  return comparisons.filter((c) => c.kind === 'agree').map((c) => c.versions[0].spans[0])
}

/**
 * The gold spans a disagreement's settlement replaces: gold spans overlapping its stretch, except spans all
 * annotators agreed on (an agreed name inside a disputed phrase stays when the phrase is settled).
 */
export function goldSpansIn<T extends VersionSpan>(comparison: Pick<Comparison, 'start' | 'end'>, gold: readonly T[], unanimous: ReadonlySet<string>): T[] {
  return gold.filter((g) => g.start < comparison.end && g.end > comparison.start && !unanimous.has(spanKey(g)))
}

/** What taking one version into gold changes: the gold spans to remove and the spans to add, nothing that stays. */
export function settle<T extends VersionSpan>(
  comparison: Pick<Comparison, 'start' | 'end'>,
  version: Version,
  gold: readonly T[],
  unanimous: ReadonlySet<string>,
): { remove: T[]; add: VersionSpan[] } {
  const wanted = new Set(version.spans.map(spanKey))
  const inGold = new Set(gold.map(spanKey))
  return {
    remove: goldSpansIn(comparison, gold, unanimous).filter((g) => !wanted.has(spanKey(g))),
    add: version.spans.filter((s) => !inGold.has(spanKey(s))),
  }
}
