import { describe, expect, it } from 'vitest'
import { FactspanError } from '../../src-main/shared/errors'
import { codecs, type ParseOptions } from '../../src-main/shared/formats'
import { inputError } from './helpers'
import { defaults, fixture, record, write } from './format-helpers'

type Scheme = 'bio' | 'bioes' | 'bmes'

const rows = (...lines: string[]) => lines.join('\n') + '\n'

function parse(scheme: Scheme, content: string, options: ParseOptions = {}, name = 'ner/train.txt') {
  return codecs[scheme].parse({ name, text: content }, defaults, options)
}

const spans = (result: ReturnType<typeof parse>) => result.records.map((r) => r.spans.map((s) => `${s.label} ${s.start}–${s.end} ${s.text}`))

function failure(scheme: Scheme, content: string): string {
  const error = inputError(() => parse(scheme, content))
  expect(error.file).toBe('ner/train.txt')
  return `${error.line}: ${error.reason}`
}

describe('reading tagged characters', () => {
  it('reads MSRA-style BIO: each block one document, ids from the file name and block number', () => {
    const result = parse('bio', rows('中\tB-LOC', '国\tI-LOC', '人\tO', '', '', '杭\tB-ORG', '州\tI-ORG'))
    expect(result.records.map((r) => [r.id, r.text])).toEqual([
      ['train-1', '中国人'],
      ['train-2', '杭州'],
    ])
    expect(spans(result)).toEqual([['LOC 0–2 中国'], ['ORG 0–2 杭州']])
  })

  it('reads Resume-style BMES with spaces and CRLF line ends, a single character as S-', () => {
    const result = parse('bmes', rows('高 B-NAME', '勇 E-NAME', '， O', '男 S-GENDER', '').replace(/\n/g, '\r\n'))
    expect(spans(result)).toEqual([['NAME 0–2 高勇', 'GENDER 3–4 男']])
  })

  it("reads Weibo-style characters with their segmentation digit, 北0 B-GPE.NAM, into the character alone", () => {
    const result = parse('bio', rows('北0\tB-GPE.NAM', '京1\tI-GPE.NAM', '😀0\tO', '20\tB-date', '01\tI-date'))
    expect(result.records[0].text).toBe('北京😀20')
    expect(spans(result)).toEqual([['GPE.NAM 0–2 北京', 'date 3–5 20']])
  })

  it('reads BIOES, the first and last columns of wider rows, -DOCSTART- lines and lower-case tags', () => {
    const result = parse('bioes', rows('-DOCSTART- -X- O', '', '𠮷 NR b-org', '野 NR i-org', '家 NR e-org', '😀 PU s-emoji'))
    expect(spans(result)).toEqual([['org 0–3 𠮷野家', 'emoji 3–4 😀']])
  })

  it('reads escaped white space back, and a space written as itself', () => {
    const result = parse('bio', rows('甲\tO', '\\s\tO', '\\n\tO', '\\t\tB-x', '\\r\tI-x', '\\u3000\tO', ' \tO'), { separator: 'tab' })
    expect(result.records[0].text).toBe('甲 \n\t\r\u3000 ')
    const spaced = parse('bio', rows('甲 O', '  O', '乙 B-x'), { separator: 'space' })
    expect(spaced.records[0].text).toBe('甲 乙')
  })

  const IOB1_HINT = "; the file reads as IOB1, CoNLL-2003's original tagging where I- opens a span: import it without naming its format to read it so"
  it.each<[Scheme, string[], string]>([
    // Tags whose I- opens every span are IOB1, as CoNLL-2003's original files: named BIO, the error says so.
    ['bio', ['甲\tO', '乙\tI-date'], `2: I-date does not continue a span of date: it follows O${IOB1_HINT}`],
    ['bio', ['乙\tI-date'], `1: I-date does not continue a span of date: it starts the sentence${IOB1_HINT}`],
    ['bio', ['甲\tB-org', '乙\tI-date'], '2: I-date does not continue a span of date: it follows B-org'],
    ['bio', ['甲\tB-org', '乙\tE-org'], '2: "E-org" is not a BIO tag (B-, I- or O); BIOES and BMES use E-'],
    ['bmes', ['甲\tB-org', '乙\tI-org'], '2: "I-org" is not a BMES tag (B-, M-, E-, S- or O); BIO and BIOES use I-'],
    ['bmes', ['甲\tB-org', '乙\tM-org', '丙\tO'], '1: B-org opens a span that "O" on line 3 cuts off before E-org closes it'],
    ['bioes', ['甲\tB-org', '乙\tI-org'], '1: B-org opens a span that the end of the sentence cuts off before E-org closes it'],
    ['bioes', ['甲\tO', '乙\tE-org'], '2: E-org does not close a span of org: it follows O'],
    ['bioes', ['甲\tB-org', '乙\tE-date'], '1: B-org opens a span that "E-date" on line 2 cuts off before E-org closes it'],
    ['bio', ['甲\tB-org', '乙'], '2: no tag: a line reads TOKEN, a tab or space, TAG'],
    ['bio', ['甲\tB-org', '乙\tX'], '2: "X" is not a BIO tag (B-, I- or O)'],
  ])('%s refuses %j, naming the line', (scheme, lines, message) => {
    expect(failure(scheme, rows(...lines))).toBe(message)
  })

  it('names the separator the user chose when a line lacks it', () => {
    const error = inputError(() => parse('bio', rows('甲 B-org'), { separator: 'tab' }))
    expect(error.message).toBe('ner/train.txt:1: no tag: a line reads TOKEN, a tab, TAG')
  })

  it('in lenient mode imports the valid spans and reports each invalid sequence once with its line', () => {
    const content = rows('甲\tB-org', '乙\tI-org', '丙\tI-date', '丁\tI-date', '戊\tO', '己\tB-date', '', '庚\tI-x', '辛\tB-x', '壬')
    const result = parse('bio', content, { lenient: true })
    expect(spans(result)).toEqual([['org 0–2 甲乙', 'date 5–6 己'], ['x 1–2 辛']])
    expect(result.warnings).toEqual([
      { file: 'ner/train.txt', line: 10, reason: 'no tag: a line reads TOKEN, a tab or space, TAG; read as O' },
      { file: 'ner/train.txt', line: 3, reason: 'I-date does not continue a span of date: it follows I-org; left out' },
      { file: 'ner/train.txt', line: 8, reason: 'I-x does not continue a span of x: it starts the sentence; left out' },
    ])
  })

  it('in lenient mode leaves out a BMES span that is never closed', () => {
    const result = parse('bmes', rows('甲\tB-org', '乙\tM-org', '丙\tS-date'), { lenient: true })
    expect(spans(result)).toEqual([['date 2–3 丙']])
    expect(result.warnings.map((w) => `${w.line}: ${w.reason}`)).toEqual(['1: B-org opens a span that "S-date" on line 3 cuts off before E-org closes it; left out'])
  })
})

describe('writing tagged characters', () => {
  it('writes one code point a line, one document a block, escaping white space', () => {
    const doc = record('𠮷 野\n😀', [[0, 3, 'org'], [4, 5, 'x']])
    expect(write('bioes', [doc, record('乙', [], 'd2')]).text).toBe('𠮷\tB-org\n\\s\tI-org\n野\tE-org\n\\n\tO\n😀\tS-x\n\n乙\tO\n\n')
    expect(write('bio', [doc], { separator: 'space' }).text).toBe('𠮷 B-org\n\\s I-org\n野 I-org\n\\n O\n😀 B-x\n\n')
    expect(write('bmes', [record('\u3000甲乙丙', [[1, 4, 'org']])]).text).toBe('\\u3000\tO\n甲\tB-org\n乙\tM-org\n丙\tE-org\n\n')
  })

  it('keeps the earliest, then the longest of overlapping spans, and reports the rest with the document', () => {
    const doc = record('杭州高新区滨江', [
      [0, 2, 'org'],
      [0, 5, 'org'],
      [3, 7, 'place'],
      [5, 7, 'place'],
    ])
    const { text, warnings } = write('bio', [doc])
    expect(text).toBe('杭\tB-org\n州\tI-org\n高\tI-org\n新\tI-org\n区\tI-org\n滨\tB-place\n江\tI-place\n\n')
    expect(warnings).toEqual([
      {
        documentId: 'd1',
        dropped: 2,
        reason: 'bio cannot hold overlapping spans: dropped org 0–2 "杭州", which overlaps org 0–5 "杭州高新区"; dropped place 3–7 "新区滨江", which overlaps org 0–5 "杭州高新区"',
      },
    ])
  })

  it('keeps one of two labels on the same characters: the first in alphabetical order', () => {
    const { text, warnings } = write('bio', [record('杭州', [[0, 2, 'place'], [0, 2, 'org']])])
    expect(text).toBe('杭\tB-org\n州\tI-org\n\n')
    expect(warnings[0].dropped).toBe(1)
  })

  it('writes a span two annotators share once, with no warning', () => {
    expect(write('bio', [record('杭州', [[0, 2, 'org', 'alice'], [0, 2, 'org', 'bob']])]).warnings).toEqual([])
  })

  it('refuses a label with white space, which would split into another column', () => {
    expect(() => write('bmes', [record('杭州', [[0, 2, 'big org']])])).toThrow(FactspanError)
  })

  it('reads its own output back with either separator named or not', () => {
    const records = codecs.bmes.parse({ name: 'resume.bmes', text: fixture('resume.bmes') }, defaults).records
    for (const separator of ['tab', 'space'] as const) {
      const text = write('bmes', records, { separator }).text
      expect(parse('bmes', text).records.map((r) => r.spans)).toEqual(records.map((r) => r.spans))
      expect(parse('bmes', text, { separator }).records.map((r) => r.text)).toEqual(records.map((r) => r.text))
    }
  })
})
