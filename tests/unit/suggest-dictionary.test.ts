import { describe, expect, it } from 'vitest'
import { dictionarySource, ProjectDictionary } from '../../src-main/shared/suggest/dictionary'
import { PhraseMatcher } from '../../src-main/shared/suggest/phraseMatcher'
import { codePointsOf } from '../../src-main/shared/suggest/codePoints'
import { suggestAll } from '../../src-main/shared/suggest/suggestion'

describe('the project dictionary', () => {
  it('suggests a simplified tag at its traditional spelling, in code points past 𠮷 and 😀', () => {
    const dictionary = ProjectDictionary.fromSpans([{ text: '杭州高新区', label: 'organization' }])
    // 𠮷=0 😀=1 杭=2 州=3 高=4 新=5 區=6 的=7
    expect(dictionary.suggest('𠮷😀杭州高新區的', 'doc-1')).toEqual([
      { documentId: 'doc-1', start: 2, end: 7, label: 'organization', source: 'dictionary', score: 1 },
    ])
  })

  it('suggests a traditional tag at its simplified spelling', () => {
    const dictionary = ProjectDictionary.fromSpans([{ text: '區發改局', label: 'organization' }])
    // 据=0 😀=1 区=2 发=3 改=4 局=5
    expect(dictionary.matches('据😀区发改局').map(({ start, end, entry }) => [start, end, entry.text])).toEqual([[2, 6, '區發改局']])
  })

  it('keeps scripts apart when asked to', () => {
    const dictionary = ProjectDictionary.fromSpans([{ text: '杭州高新区', label: 'organization' }], { acrossScripts: false })
    expect(dictionary.suggest('杭州高新區')).toEqual([])
    expect(dictionary.suggest('杭州高新区')).toHaveLength(1)
  })

  it('scores each label by its share of the tags of that text, across scripts', () => {
    const dictionary = ProjectDictionary.fromSpans([
      { text: '復工閃貸', label: 'measure' },
      { text: '复工闪贷', label: 'measure' },
      { text: '復工閃貸', label: 'measure' },
      { text: '復工閃貸', label: 'organization' },
    ])
    expect(dictionary.size).toBe(1)
    expect(dictionary.suggest('推出复工闪贷')).toEqual([
      { start: 2, end: 6, label: 'measure', source: 'dictionary', score: 0.75 },
      { start: 2, end: 6, label: 'organization', source: 'dictionary', score: 0.25 },
    ])
  })

  it('takes the longest match where matches overlap', () => {
    const dictionary = ProjectDictionary.fromSpans([
      { text: '高新區', label: 'organization' },
      { text: '杭州高新區(濱江)', label: 'organization' },
      { text: '濱江', label: 'organization' },
      { text: '(濱江)的企業', label: 'metric' },
    ])
    // 以=0 杭=1 州=2 高=3 新=4 區=5 (=6 濱=7 江=8 )=9 的=10 企=11 業=12 ，=13 高=14 新=15 區=16
    expect(dictionary.matches('以杭州高新區(濱江)的企業，高新區').map(({ start, end }) => [start, end])).toEqual([
      [1, 10],
      [14, 17],
    ])
  })

  it('leaves out one-character tags and trims spaces around a tagged text', () => {
    const dictionary = ProjectDictionary.fromSpans([
      { text: '区', label: 'organization' },
      { text: ' 泰林生物 ', label: 'organization' },
    ])
    expect(dictionary.entries.map((e) => e.text)).toEqual(['泰林生物'])
    expect(dictionary.suggest('全区泰林生物')).toEqual([{ start: 2, end: 6, label: 'organization', source: 'dictionary', score: 1 }])
  })

  it('is a suggestion source named dictionary', () => {
    const source = dictionarySource(ProjectDictionary.fromSpans([{ text: '交通銀行', label: 'organization' }]))
    expect(suggestAll([source], '交通银行3000万元', 'd')).toEqual([
      { documentId: 'd', start: 0, end: 4, label: 'organization', source: 'dictionary', score: 1 },
    ])
  })
})

describe('the phrase matcher', () => {
  it('finds every occurrence of overlapping phrases, by their ends', () => {
    const matcher = new PhraseMatcher(['he', 'she', 'his', 'hers'])
    const found: Array<[number, number, number]> = []
    matcher.forEachMatch(codePointsOf('ushers'), (start, end, phrase) => found.push([start, end, phrase]))
    expect(found).toEqual([
      [1, 4, 1],
      [2, 4, 0],
      [2, 6, 3],
    ])
  })

  it('counts 𠮷 and 😀 as one code point each', () => {
    const matcher = new PhraseMatcher(['𠮷野', '😀'])
    const found: Array<[number, number, number]> = []
    matcher.forEachMatch(codePointsOf('a𠮷野😀'), (start, end, phrase) => found.push([start, end, phrase]))
    expect(found).toEqual([
      [1, 3, 0],
      [3, 4, 1],
    ])
  })

  it('refuses an empty phrase', () => {
    expect(() => new PhraseMatcher(['a', ''])).toThrow('phrase 1 is empty')
  })
})
