// The one shape every suggestion source answers: a proposed span with its source and score, in code points with
// exclusive ends, belonging to no layer until someone accepts it. A source is an object with `suggest(text)`, so a
// new source (rules, the project's dictionary, the trained tagger, imported predictions, an external recommender)
// is one file that returns this shape; `suggestAll` runs several over one document.
//
// API: Suggestion, SuggestionSource, suggestAll(sources, text, documentId?), compareSuggestions, longestFirst.

/** The sources Factspan has; a new one may use any other name. */
export const SUGGESTION_SOURCES = ['rule', 'dictionary', 'model', 'imported'] as const
export type SuggestionSourceName = (typeof SUGGESTION_SOURCES)[number] | (string & {})

export interface Suggestion {
  documentId?: string
  /** Code points, end exclusive, as every span outside the DOM. */
  start: number
  end: number
  label: string
  source: SuggestionSourceName
  /** 0…1: how sure the source is (a rule's fixed confidence, a label's share of a dictionary text, the tagger's). */
  score: number
  /** The rule that made it, so a project can switch that rule off; rules and user patterns only. */
  ruleId?: string
}

export interface SuggestionSource {
  readonly name: SuggestionSourceName
  /** Suggestions for one text, in any order; `documentId` is copied onto them when given. */
  suggest(text: string, documentId?: string): Suggestion[]
}

/** Suggestions in text order: start, then longer first, then label and source, so the order is total. */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return a.start - b.start || b.end - a.end || order(a.label, b.label) || order(a.source, b.source) || order(a.ruleId ?? '', b.ruleId ?? '')
}

/**
 * Every source's suggestions for one text, in text order. Where two sources propose the same span and label, the
 * higher score stays (ties: the earlier source), so a span is offered once per label.
 */
export function suggestAll(sources: readonly SuggestionSource[], text: string, documentId?: string): Suggestion[] {
  const best = new Map<string, Suggestion>()
  for (const source of sources) {
    for (const suggestion of source.suggest(text, documentId)) {
      const key = `${suggestion.start}:${suggestion.end}:${suggestion.label}`
      const held = best.get(key)
      if (!held || suggestion.score > held.score) best.set(key, documentId === undefined ? suggestion : { ...suggestion, documentId })
    }
  }
  return [...best.values()].sort(compareSuggestions)
}

/**
 * Of overlapping ranges, the longest stays (ties: the earlier one), and those it overlaps go. Runs in
 * O(n log n + covered characters); `length` is the text's length in code points.
 */
export function longestFirst<T extends { start: number; end: number }>(ranges: readonly T[], length: number): T[] {
  const byLength = [...ranges].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const taken = new Uint8Array(length)
  const kept: T[] = []
  for (const range of byLength) {
    let free = range.end > range.start
    for (let i = range.start; free && i < range.end; i++) free = taken[i] === 0
    if (!free) continue
    taken.fill(1, range.start, range.end)
    kept.push(range)
  }
  return kept.sort((a, b) => a.start - b.start)
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
