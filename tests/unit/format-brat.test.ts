import { describe, expect, it } from 'vitest'
import { FactspanError } from '../../src-main/shared/errors'
import { codecs, type ParseOptions } from '../../src-main/shared/formats'
import { inputError } from './helpers'
import { defaults, record, write } from './format-helpers'

// 𠮷0 野1 家2 \n3 营4 收5 增6 长7 😀8 (9 code points)
const TEXT = '𠮷野家\n营收增长😀'

function parse(ann: string, text = TEXT, options: ParseOptions = {}) {
  return codecs.brat.parse({ name: 'docs/a.txt', text, companion: { name: 'docs/a.ann', text: ann } }, defaults, options)
}

function failure(ann: string, text = TEXT): string {
  const error = inputError(() => parse(ann, text))
  expect(error.file).toBe('docs/a.ann')
  return `${error.line}: ${error.reason}`
}

describe('brat import', () => {
  it('reads text-bound lines in code points, the id from the path, and a span at the very end', () => {
    const { records, warnings } = parse('T1\torganization 0 3\t𠮷野家\nT2\tmetric 4 9\t营收增长😀\n')
    expect(warnings).toEqual([])
    expect(records[0]).toMatchObject({ id: 'docs/a', text: TEXT, meta: { source: 'docs/a.txt' } })
    expect(records[0].spans.map((s) => [s.start, s.end, s.label, s.text])).toEqual([
      [0, 3, 'organization', '𠮷野家'],
      [4, 9, 'metric', '营收增长😀'],
    ])
  })

  it('refuses an empty .txt, which is no document', () => {
    expect(() => codecs.brat.parse({ name: 'e.txt', text: '', companion: { name: 'e.ann', text: '' } }, defaults)).toThrow('e.txt:1: file is empty: a document needs a text')
  })

  it('reads a .txt without an .ann as a document with no spans yet', () => {
    const { records } = codecs.brat.parse({ name: 'b.txt', text: '杭州' }, defaults)
    expect(records).toMatchObject([{ id: 'b', text: '杭州', spans: [] }])
  })

  it('reads the .txt with CRLF as brat does, one character per line break', () => {
    const { records } = parse('T1\tmetric 4 6\t营收\r\n', '𠮷野家\r\n营收')
    expect(records[0].text).toBe('𠮷野家\n营收')
    expect(records[0].spans[0]).toMatchObject({ start: 4, end: 6, text: '营收' })
  })

  it('tells a user whose offsets count each CRLF as two characters what went wrong', () => {
    expect(failure('T1\tmetric 4 5\t营\n', '𠮷野\r\n营收x')).toBe(
      '1: T1 quotes "营" but the text at 4 5 is "收"; these offsets count each CRLF as two characters, but brat reads the .txt with universal ' +
        'newlines and counts one (brat issue #853): fix the offsets, or save the .txt with LF line ends before annotating',
    )
  })

  it('accepts a line without the quoted text, and text after the quote, as brat does', () => {
    const { records } = parse('T1\tmetric 4 6\nT2\tdate 0 1\t𠮷 and a note\n')
    expect(records[0].spans.map((s) => s.text)).toEqual(['营收', '𠮷'])
  })

  it('reads a span brat split at line ends as one span', () => {
    const { records, warnings } = parse('T1\tmetric 1 3;4 6\t野家 营收\n')
    expect(warnings).toEqual([])
    expect(records[0].spans[0]).toMatchObject({ start: 1, end: 6, text: '野家\n营收' })
  })

  it('splits a discontinuous span into one span per fragment and says so, or skips it when asked', () => {
    const ann = 'T1\tmetric 0 1;4 6\t𠮷 营收\nT2\tdate 8 9\t😀\n'
    const split = parse(ann)
    expect(split.records[0].spans.map((s) => s.text)).toEqual(['𠮷', '营收', '😀'])
    expect(split.warnings).toEqual([
      { file: 'docs/a.ann', line: 1, reason: 'T1 metric has 2 discontinuous fragments (0 1;4 6): imported as 2 spans, one per fragment' },
    ])
    const skipped = parse(ann, TEXT, { discontinuous: 'skip' })
    expect(skipped.records[0].spans.map((s) => s.text)).toEqual(['😀'])
    expect(skipped.warnings[0].reason).toBe('T1 metric has 2 discontinuous fragments (0 1;4 6): not imported (--discontinuous skip)')
  })

  it('reads relations and events, and skips attributes, notes and equivalences, counting them with their lines', () => {
    const ann = ['T1\torganization 0 3\t𠮷野家', 'T2\tmetric 4 6\t营收', 'R1\tOf Arg1:T2 Arg2:T1', 'A1\tNegated T2', 'R2\tOf Arg1:T1 Arg2:T2', '#1\tAnnotatorNotes T1\tcheck', 'E1\tRise:T2', '*\tEquiv T1 T2'].join('\n')
    const { records, warnings } = parse(ann)
    expect(records[0].spans).toHaveLength(2)
    // An event without arguments is only its trigger, a span.
    expect(records[0].relations).toEqual([
      { from: 1, to: 0, type: 'Of' },
      { from: 0, to: 1, type: 'Of' },
    ])
    expect(warnings.map((w) => `${w.line}: ${w.reason}`)).toEqual([
      '4: skipped 1 attribute(s) (A lines), line 4',
      '6: skipped 1 note(s) (# lines), line 6',
      '8: skipped 1 equivalence(s) (* lines), line 8',
    ])
  })

  it.each([
    ['T1 organization 0 3 𠮷野家', '1: no tab after the annotation id; brat lines read ID<TAB>TYPE START END<TAB>TEXT'],
    ['X1\tmetric 0 1\t𠮷', '1: unknown annotation id "X1": brat ids start with T, R, E, A, M, N, # or *'],
    ['T1\tmetric 0 1\t𠮷\nT1\tdate 8 9\t😀', '2: duplicate id T1 (first used on line 1)'],
    ['T1\tmetric 0\t𠮷', '1: T1 has "metric 0", not TYPE START END (with ";START END" for each further fragment)'],
    ['T1\tmetric 4 10\t营收增长😀', "1: T1 has start 4 and end 10, but offsets must satisfy 0 ≤ start < end ≤ 9, the .txt's length in code points with each CRLF counted once, as brat reads it"],
    ['T1\tmetric 4 4\t', "1: T1 has start 4 and end 4, but offsets must satisfy 0 ≤ start < end ≤ 9, the .txt's length in code points with each CRLF counted once, as brat reads it"],
    ['T1\tmetric 5 7;4 6\t收增 营收', '1: T1 has fragments that overlap: 5 7;4 6'],
    ['\nT1\tmetric 5 7\t营收', '2: T1 quotes "营收" but the text at 5 7 is "收增"'],
    ['T1\tmetric 9 10\t😀', "1: T1 has start 9 and end 10, but offsets must satisfy 0 ≤ start < end ≤ 9, the .txt's length in code points with each CRLF counted once, as brat reads it"],
  ])('refuses %j with its line', (ann, message) => {
    expect(failure(ann)).toBe(message)
  })
})

describe('brat export', () => {
  it('writes a .txt and an .ann per document and an annotation.conf listing the labels', () => {
    const doc = record(TEXT, [[4, 9, 'metric', 'alice'], [0, 3, 'organization', 'bob'], [4, 9, 'metric', 'bob']])
    const { files, warnings } = write('brat', [doc])
    expect(warnings).toEqual([])
    expect(Object.fromEntries(files)).toEqual({
      'd1.txt': TEXT,
      'd1.ann': 'T1\torganization 0 3\t𠮷野家\nT2\tmetric 4 9\t营收增长😀\n',
      'annotation.conf': '[entities]\nmetric\norganization\n[relations]\n[events]\n[attributes]\n',
    })
  })

  it('writes a span across lines as one fragment per line, as brat does', () => {
    const { files } = write('brat', [record(TEXT, [[1, 6, 'metric']])])
    expect(files.get('d1.ann')).toBe('T1\tmetric 1 3;4 6\t野家 营收\n')
  })

  it('writes CRLF as LF, as brat reads it, and says so', () => {
    const { files, warnings } = write('brat', [record('甲\r\n乙丙', [[3, 5, 'date']])])
    expect(files.get('d1.txt')).toBe('甲\n乙丙')
    expect(files.get('d1.ann')).toBe('T1\tdate 2 4\t乙丙\n')
    expect(warnings).toEqual([{ documentId: 'd1', dropped: 0, reason: 'CRLF line ends written as LF, as brat reads them; offsets count the LF text' }])
  })

  it('reports spans it cannot mark: only line breaks, or line breaks at their edges', () => {
    const { files, warnings } = write('brat', [record('甲\n\n乙', [[1, 3, 'date'], [0, 2, 'metric']])])
    expect(files.get('d1.ann')).toBe('T1\tmetric 0 1\t甲\n')
    expect(warnings.map((w) => [w.dropped, w.reason])).toEqual([
      [1, '1 span(s) cover only line breaks, which brat cannot mark'],
      [0, '1 span(s) start or end with a line break, which brat cannot mark: written without it'],
    ])
  })

  it('makes safe file names from ids, keeps folders, and tells which documents it renamed', () => {
    const docs = ['2020/a', '../x', 'a:b', 'A:b', '.hidden'].map((id) => record('杭州', [], id))
    const { files, warnings } = write('brat', docs)
    expect([...files.keys()].filter((f) => f.endsWith('.txt'))).toEqual(['2020/a.txt', '_../x.txt', 'a_b.txt', 'A_b-2.txt', '_.hidden.txt'])
    expect(warnings.map((w) => w.documentId)).toEqual(['../x', 'a:b', 'A:b', '.hidden'])
  })

  it('refuses a label with white space, which a brat type cannot hold', () => {
    expect(() => write('brat', [record(TEXT, [[0, 3, 'big company']])])).toThrow(FactspanError)
    expect(() => write('brat', [record(TEXT, [[0, 3, 'big company']])])).toThrow(
      'label "big company" (document "d1") contains white space, which brat cannot hold; rename the label in the label set and export again',
    )
  })
})
