import { describe, expect, it } from 'vitest'
import { dictionarySource, longestFirst, ProjectDictionary, ruleSource, suggestAll, type SuggestionSource } from '../../src-main/shared/suggest'

describe('suggestion sources', () => {
  it('answer one shape, merged in text order, a span and label once with the higher score', () => {
    const dictionary = dictionarySource(
      ProjectDictionary.fromSpans([
        { text: '企業復工率91.9%', label: 'metric' },
        { text: '91.9%', label: 'metric' },
        { text: '杭州高新区(滨江)', label: 'organization' },
      ]),
    )
    // 截=0 至=1 2=2 月=3 2=4 5=5 日=6 ,=7 杭=8 … )=16 企=17 業=18 復=19 工=20 率=21 9=22 1=23 .=24 9=25 %=26
    expect(suggestAll([ruleSource(), dictionary], '截至2月25日,杭州高新區(濱江)企業復工率91.9%', 'doc-1')).toEqual([
      { documentId: 'doc-1', start: 2, end: 7, label: 'date', source: 'rule', score: 0.9, ruleId: 'date.calendar' },
      { documentId: 'doc-1', start: 8, end: 17, label: 'organization', source: 'dictionary', score: 1 },
      { documentId: 'doc-1', start: 17, end: 27, label: 'metric', source: 'dictionary', score: 1 },
      { documentId: 'doc-1', start: 22, end: 27, label: 'metric', source: 'rule', score: 0.9, ruleId: 'figure.percent' },
    ])
  })

  it('take a new source as one object', () => {
    const everyBureau: SuggestionSource = {
      name: 'external',
      suggest: (text) => [...text.matchAll(/局/gu)].map((m) => ({ start: m.index - 3, end: m.index + 1, label: 'organization', source: 'external', score: 0.5 })),
    }
    expect(suggestAll([everyBureau], '區發改局')).toEqual([{ start: 0, end: 4, label: 'organization', source: 'external', score: 0.5 }])
  })
})

describe('longest first', () => {
  it('keeps the longest of overlapping ranges and those that overlap nothing kept', () => {
    const ranges = [
      { start: 0, end: 2 },
      { start: 1, end: 5 },
      { start: 4, end: 7 },
      { start: 7, end: 9 },
      { start: 3, end: 3 },
    ]
    expect(longestFirst(ranges, 10)).toEqual([
      { start: 1, end: 5 },
      { start: 7, end: 9 },
    ])
  })
})
