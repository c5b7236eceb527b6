import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareLayers, settle, spanKey, unanimousSpans } from '../../src-main/shared/comparison'
import type { Span } from '../../src-main/shared/model'

// 𠮷野家2月25日复工率91.9%: offsets are code points, so 2月25日 is 3–8 although 𠮷 takes two UTF-16 units.
let nextId = 1
function span(annotator: string, start: number, end: number, label: string): Span {
  return { id: nextId++, documentId: 'd', start, end, label, text: '', annotator, createdAt: '' }
}

describe('comparing annotators’ layers', () => {
  it('finds what all agree on, and where labels differ, boundaries differ or someone missed a span', () => {
    const spans = [
      span('alice', 0, 3, 'organization'),
      span('bob', 0, 3, 'organization'),
      span('alice', 3, 8, 'date'),
      span('bob', 3, 8, 'metric'),
      span('alice', 8, 16, 'metric'),
      span('bob', 8, 11, 'metric'),
      span('alice', 17, 20, 'measure'),
    ]
    const comparisons = compareLayers(spans, ['alice', 'bob'])
    expect(comparisons.map((c) => [c.start, c.end, c.kind])).toEqual([
      [0, 3, 'agree'],
      [3, 8, 'label'],
      [8, 16, 'boundary'],
      [17, 20, 'missed'],
    ])
    expect(comparisons[1].versions).toEqual([
      { annotators: ['alice'], spans: [{ start: 3, end: 8, label: 'date' }] },
      { annotators: ['bob'], spans: [{ start: 3, end: 8, label: 'metric' }] },
    ])
    expect(comparisons[3].versions).toEqual([
      { annotators: ['alice'], spans: [{ start: 17, end: 20, label: 'measure' }] },
      { annotators: ['bob'], spans: [] },
    ])
    expect(unanimousSpans(comparisons)).toEqual([{ start: 0, end: 3, label: 'organization' }])
  })

  it('groups the annotators who made the same version, and leaves out layers not compared', () => {
    const spans = [span('alice', 3, 8, 'date'), span('bob', 3, 8, 'date'), span('carol', 3, 9, 'date'), span('gold', 3, 8, 'date')]
    const [only] = compareLayers(spans, ['alice', 'bob', 'carol'])
    expect(only).toEqual({
      start: 3,
      end: 9,
      kind: 'boundary',
      versions: [
        { annotators: ['alice', 'bob'], spans: [{ start: 3, end: 8, label: 'date' }] },
        { annotators: ['carol'], spans: [{ start: 3, end: 9, label: 'date' }] },
      ],
    })
    // With gold compared too, gold is one more layer.
    expect(compareLayers(spans, ['alice', 'bob', 'gold']).map((c) => c.kind)).toEqual(['agree'])
  })

  it('keeps an agreed name inside a disputed phrase agreed, and groups overlapping disputes transitively', () => {
    const spans = [
      span('alice', 0, 9, 'measure'),
      span('bob', 0, 12, 'measure'),
      span('alice', 3, 5, 'organization'),
      span('bob', 3, 5, 'organization'),
      span('alice', 11, 14, 'date'),
    ]
    const comparisons = compareLayers(spans, ['alice', 'bob'])
    expect(comparisons.map((c) => [c.start, c.end, c.kind])).toEqual([
      [0, 14, 'boundary'],
      [3, 5, 'agree'],
    ])
    expect(comparisons[0].versions.map((v) => [v.annotators, v.spans.length])).toEqual([
      [['alice'], 2],
      [['bob'], 1],
    ])
  })
})

describe('settling a disagreement', () => {
  it('replaces the gold spans in its stretch by the version taken, keeping agreed spans and what is already there', () => {
    const spans = [span('alice', 0, 9, 'measure'), span('bob', 0, 12, 'measure'), span('alice', 3, 5, 'organization'), span('bob', 3, 5, 'organization')]
    const comparisons = compareLayers(spans, ['alice', 'bob'])
    const unanimous = new Set(unanimousSpans(comparisons).map(spanKey))
    const gold = [span('gold', 3, 5, 'organization'), span('gold', 0, 9, 'measure')]
    const bobs = comparisons[0].versions.find((v) => v.annotators.includes('bob'))!
    const change = settle(comparisons[0], bobs, gold, unanimous)
    expect(change.remove.map(spanKey)).toEqual(['0:9:measure'])
    expect(change.add).toEqual([{ start: 0, end: 12, label: 'measure' }])
    const alices = comparisons[0].versions.find((v) => v.annotators.includes('alice'))!
    expect(settle(comparisons[0], alices, gold, unanimous)).toEqual({ remove: [], add: [] })
  })
})

describe('comparing layers at scale', () => {
  // The plain reading of the rule, kept here as the oracle: spans keyed by place and label, a span every annotator
  // made is agreed, the others grouped where they overlap. compareLayers does the same in one pass over sorted runs.
  function reference(spans: readonly Span[], annotators: readonly string[]) {
    const compared = new Set(annotators)
    const byKey = new Map<string, { start: number; end: number; label: string; who: Set<string> }>()
    for (const s of spans) {
      if (!compared.has(s.annotator)) continue
      const key = `${s.start}:${s.end}:${s.label}`
      const entry = byKey.get(key) ?? { start: s.start, end: s.end, label: s.label, who: new Set<string>() }
      entry.who.add(s.annotator)
      byKey.set(key, entry)
    }
    const agreed = [...byKey.values()].filter((e) => e.who.size === compared.size).map((e) => [e.start, e.end, 'agree'])
    const rest = [...byKey.values()].filter((e) => e.who.size < compared.size).sort((a, b) => a.start - b.start || a.end - b.end)
    const groups: Array<[number, number]> = []
    for (const e of rest) {
      const last = groups[groups.length - 1]
      if (last && e.start < last[1]) last[1] = Math.max(last[1], e.end)
      else groups.push([e.start, e.end])
    }
    return [...agreed, ...groups.map(([start, end]) => [start, end, 'disagree'])].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number) || (a[2] === 'agree' ? -1 : 1))
  }

  it('finds the same agreements and groups as the plain rule, whatever order the spans come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ annotator: fc.constantFrom('alice', 'bob', 'carol', 'dave'), start: fc.nat(40), length: fc.integer({ min: 1, max: 6 }), label: fc.constantFrom('metric', 'date') }), { maxLength: 60 }),
        (drawn) => {
          const spans = drawn.map((d) => span(d.annotator, d.start, d.start + d.length, d.label))
          const annotators = ['alice', 'bob', 'carol']
          const got = compareLayers(spans, annotators).map((c) => [c.start, c.end, c.kind === 'agree' ? 'agree' : 'disagree'])
          expect(got).toEqual(reference(spans, annotators))
          expect(compareLayers([...spans].reverse(), annotators)).toEqual(compareLayers(spans, annotators))
        },
      ),
    )
  })
})
