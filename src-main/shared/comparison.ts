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
  const byKey = new Map<string, { span: VersionSpan; annotators: Set<string> }>()
  for (const span of spans) {
    if (!compared.has(span.annotator)) continue
    const key = spanKey(span)
    let entry = byKey.get(key)
    if (!entry) byKey.set(key, (entry = { span: { start: span.start, end: span.end, label: span.label }, annotators: new Set() }))
    entry.annotators.add(span.annotator)
  }

  const comparisons: Comparison[] = []
  const rest: Array<{ span: VersionSpan; annotator: string }> = []
  for (const { span, annotators: who } of byKey.values()) {
    if (who.size === compared.size) comparisons.push({ start: span.start, end: span.end, kind: 'agree', versions: [{ annotators: [...annotators], spans: [span] }] })
    else for (const annotator of who) rest.push({ span, annotator })
  }

  rest.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
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

function disagreement(group: ReadonlyArray<{ span: VersionSpan; annotator: string }>, annotators: readonly string[]): Comparison {
  const byAnnotator = new Map<string, VersionSpan[]>(annotators.map((a) => [a, []]))
  for (const { span, annotator } of group) byAnnotator.get(annotator)!.push(span)
  const versions = new Map<string, Version>()
  for (const [annotator, spans] of byAnnotator) {
    spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
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
