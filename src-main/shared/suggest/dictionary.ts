// The project's own dictionary: every text already tagged (in my layer or gold) is suggested wherever else it
// occurs. As INCEpTION's string matcher does, each label of a text is scored by its share of that text's tags
// (tagged 3× organization and 1× measure: 0.75 and 0.25). Traditional and simplified script are one (see
// scriptFold.ts): 杭州高新区 tagged once suggests 杭州高新區 too. Matching is one Aho–Corasick pass; where matches
// overlap the longest stays, so 杭州高新區(濱江) is offered whole rather than 高新區 inside it.
//
// API: ProjectDictionary.fromSpans(spans, options) · .entries · .size · .matches(text) · .suggest(text, documentId?)
//      dictionarySource(dictionary) — the SuggestionSource named 'dictionary'.
import { codePointsOf } from './codePoints'
import { PhraseMatcher } from './phraseMatcher'
import { foldScript, foldText } from './scriptFold'
import { longestFirst, type Suggestion, type SuggestionSource } from './suggestion'

/** A tagged text: a span's quote and label; `count` stands for that many spans (1 when absent). */
export interface TaggedText {
  text: string
  label: string
  count?: number
}

export interface LabelShare {
  label: string
  count: number
  /** count ÷ all tags of the text */
  share: number
}

export interface DictionaryEntry {
  /** The text as first tagged; its other spellings (other script) are matched too. */
  text: string
  labels: LabelShare[]
  total: number
}

export interface DictionaryOptions {
  /** Match traditional and simplified script as one (default true). */
  acrossScripts?: boolean
  /** Shorter tagged texts are left out: one character (区, 日) would be suggested everywhere. Default 2. */
  minLength?: number
}

export interface DictionaryMatch {
  start: number
  end: number
  entry: DictionaryEntry
}

export class ProjectDictionary {
  private readonly matcher: PhraseMatcher

  private constructor(
    readonly entries: readonly DictionaryEntry[],
    acrossScripts: boolean,
  ) {
    this.matcher = new PhraseMatcher(
      entries.map((entry) => entry.text),
      acrossScripts ? foldScript : undefined,
    )
  }

  static fromSpans(spans: Iterable<TaggedText>, options: DictionaryOptions = {}): ProjectDictionary {
    const acrossScripts = options.acrossScripts ?? true
    const minLength = options.minLength ?? 2
    const byKey = new Map<string, { text: string; counts: Map<string, number> }>()
    for (const { text, label, count = 1 } of spans) {
      const trimmed = text.trim()
      if ([...trimmed].length < minLength) continue
      const key = acrossScripts ? foldText(trimmed) : trimmed
      let entry = byKey.get(key)
      if (!entry) byKey.set(key, (entry = { text: trimmed, counts: new Map() }))
      entry.counts.set(label, (entry.counts.get(label) ?? 0) + count)
    }
    const entries = [...byKey.values()].map(({ text, counts }) => {
      const total = [...counts.values()].reduce((a, b) => a + b, 0)
      const labels = [...counts]
        .map(([label, count]) => ({ label, count, share: count / total }))
        .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
      return { text, labels, total }
    })
    return new ProjectDictionary(entries, acrossScripts)
  }

  /** The entries as tagged texts with counts: fromSpans of them gives this dictionary again. */
  taggedTexts(): TaggedText[] {
    return this.entries.flatMap(({ text, labels }) => labels.map(({ label, count }) => ({ text, label, count })))
  }

  get size(): number {
    return this.entries.length
  }

  /** Where the dictionary's texts occur, longest first: no two matches overlap. */
  matches(text: string): DictionaryMatch[] {
    const codePoints = codePointsOf(text)
    const { phrase, length } = this.matcher.longestAtEachStart(codePoints)
    const candidates: DictionaryMatch[] = []
    for (let start = 0; start < codePoints.length; start++) {
      if (phrase[start] >= 0) candidates.push({ start, end: start + length[start], entry: this.entries[phrase[start]] })
    }
    return longestFirst(candidates, codePoints.length)
  }

  /** One suggestion per label of each match, scored by the label's share of that text's tags. */
  suggest(text: string, documentId?: string): Suggestion[] {
    const out: Suggestion[] = []
    for (const { start, end, entry } of this.matches(text)) {
      for (const { label, share } of entry.labels) {
        out.push({ ...(documentId === undefined ? {} : { documentId }), start, end, label, source: 'dictionary', score: share })
      }
    }
    return out
  }
}

export function dictionarySource(dictionary: ProjectDictionary): SuggestionSource {
  return { name: 'dictionary', suggest: (text, documentId) => dictionary.suggest(text, documentId) }
}
