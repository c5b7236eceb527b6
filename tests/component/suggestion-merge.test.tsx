// The renderer's merge of suggestion lists (the fast and the slow sources', or a reload), against the plain rule. Pure, but
// it imports the store's types, so it is typed with the renderer.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SuggestionView } from '../../src-main/shared/api'
import { compareSuggestions } from '../../src-main/shared/suggest/suggestion'
import { mergeSuggestions } from '../../src-renderer/state/suggestionSelectors'

const suggestion = fc
  .record({
    start: fc.integer({ min: 0, max: 6 }),
    length: fc.integer({ min: 1, max: 2 }),
    label: fc.constantFrom('date', 'metric'),
    source: fc.constantFrom('rule', 'dictionary', 'model'),
    score: fc.constantFrom(0.5, 0.7, 0.9),
  })
  .map(({ start, length, label, source, score }): SuggestionView => ({ documentId: 'd', start, end: start + length, label, source, score, text: '𠮷'.repeat(length) }))

/** The rule as the user reads it: one per span and label, the highest score, in text order. */
function plainRule(lists: SuggestionView[][]): Array<[number, number, string, number]> {
  const best = new Map<string, number>()
  for (const s of lists.flat()) {
    const key = `${s.start}:${s.end}:${s.label}`
    best.set(key, Math.max(best.get(key) ?? 0, s.score))
  }
  return [...best]
    .map(([key, score]): [number, number, string, number] => {
      const [start, end, label] = key.split(':')
      return [Number(start), Number(end), label, score]
    })
    .sort((a, b) => a[0] - b[0] || b[1] - a[1] || (a[2] < b[2] ? -1 : 1))
}

const shape = (list: SuggestionView[]) => list.map((s): [number, number, string, number] => [s.start, s.end, s.label, s.score])

describe('merging suggestion lists', () => {
  it('keeps one per span and label with the highest score, in text order, whether the lists come sorted or not', () => {
    fc.assert(
      fc.property(fc.array(suggestion, { maxLength: 12 }), fc.array(suggestion, { maxLength: 12 }), fc.boolean(), (a, b, sorted) => {
        const held = sorted ? [...a].sort(compareSuggestions) : a
        const found = sorted ? [...b].sort(compareSuggestions) : b
        const merged = mergeSuggestions(held, found)
        expect(shape(merged)).toEqual(plainRule([a, b]))
        // Merging what was merged with nothing new changes nothing.
        expect(mergeSuggestions(merged, [])).toEqual(merged)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the higher score where two sources propose the same span', () => {
    const rule: SuggestionView = { documentId: 'd', start: 2, end: 4, label: 'date', source: 'rule', score: 0.6, text: '2月' }
    const model: SuggestionView = { ...rule, source: 'model', score: 0.8 }
    expect(mergeSuggestions([rule], [model])).toEqual([model])
    expect(mergeSuggestions([model], [rule])).toEqual([model])
  })
})
