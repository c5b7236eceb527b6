import { describe, expect, it } from 'vitest'
import type { ExportFormat } from '../../src-main/shared/api'
import { codecs } from '../../src-main/shared/formats'
import type { NativeRecord } from '../../src-main/shared/formats/native'
import { bratPair, defaults, fixture, read, spansOf, write } from './format-helpers'

// The fixtures (written by tests/fixtures/formats/make.py, offsets counted in Python) hold two documents: one with 𠮷
// and 😀 and two overlapping organizations, one with CRLF line ends; both end with a span.
const RARE = '𠮷野家2月25日复工率91.9%😀，杭州高新区(滨江)'
const CRLF = '第一行\r\n防疫惠企28条\r\n截至2月25日'
const RARE_SPANS = [
  [0, 3, 'organization', '𠮷野家'],
  [3, 8, 'date', '2月25日'],
  [8, 17, 'metric', '复工率91.9%😀'],
  [18, 23, 'organization', '杭州高新区'],
  [18, 27, 'organization', '杭州高新区(滨江)'],
]
const CRLF_SPANS = [
  [5, 12, 'measure', '防疫惠企28条'],
  [16, 21, 'date', '2月25日'],
]
const BOTH = [
  { text: RARE, spans: RARE_SPANS },
  { text: CRLF, spans: CRLF_SPANS },
]
// Tagged characters cannot hold the shorter of two overlapping spans, so the fixtures (as a tagger writes them) lack it.
const WITHOUT_OVERLAP = [{ text: RARE, spans: RARE_SPANS.filter(([, end]) => end !== 23) }, BOTH[1]]

const FILES: Array<{ format: ExportFormat; file: string; expected: typeof BOTH }> = [
  { format: 'spacy', file: 'spacy.jsonl', expected: BOTH },
  { format: 'prodigy', file: 'prodigy.jsonl', expected: BOTH },
  { format: 'clue', file: 'clue.json', expected: BOTH },
  { format: 'labelstudio', file: 'labelstudio.json', expected: BOTH },
  { format: 'bio', file: 'msra.bio', expected: WITHOUT_OVERLAP },
  { format: 'bio', file: 'weibo.bio', expected: WITHOUT_OVERLAP },
  { format: 'bmes', file: 'resume.bmes', expected: WITHOUT_OVERLAP },
  { format: 'bioes', file: 'doc.bioes', expected: WITHOUT_OVERLAP },
]

function roundTrip(format: ExportFormat, first: NativeRecord[]) {
  const written = write(format, first)
  const again = read(format, written).records
  return { written, again }
}

describe('import → export → import keeps every span', () => {
  it.each(FILES)('$format from $file: 𠮷, 😀, CRLF, overlaps and a span at the very end', ({ format, file, expected }) => {
    const first = codecs[format].parse({ name: file, text: fixture(file) }, defaults)
    expect(first.warnings).toEqual([])
    expect(spansOf(first.records)).toEqual(expected)
    const { written, again } = roundTrip(format, first.records)
    expect(written.warnings).toEqual([])
    expect(spansOf(again)).toEqual(spansOf(first.records))
  })

  it('brat from a .txt/.ann pair each: offsets count a CRLF once, as brat reads the .txt', () => {
    const first = ['emoji-and-rare', 'crlf-kept'].flatMap((id) => codecs.brat.parse(bratPair(id), defaults).records)
    expect(first.map((r) => r.id)).toEqual(['emoji-and-rare', 'crlf-kept'])
    expect(spansOf(first)).toEqual([
      { text: RARE, spans: RARE_SPANS },
      {
        text: '第一行\n防疫惠企28条\n截至2月25日',
        spans: [
          [4, 11, 'measure', '防疫惠企28条'],
          [14, 19, 'date', '2月25日'],
        ],
      },
    ])
    const { written, again } = roundTrip('brat', first)
    expect([...written.files.keys()]).toEqual(['emoji-and-rare.txt', 'emoji-and-rare.ann', 'crlf-kept.txt', 'crlf-kept.ann', 'annotation.conf'])
    expect(written.files.get('emoji-and-rare.ann')).toBe(fixture('brat/emoji-and-rare.ann'))
    expect(spansOf(again)).toEqual(spansOf(first))
  })

  it('native and doccano keep theirs too', () => {
    const records = codecs.spacy.parse({ name: 'spacy.jsonl', text: fixture('spacy.jsonl') }, defaults).records
    for (const format of ['native', 'doccano'] as const) expect(spansOf(roundTrip(format, records).again)).toEqual(BOTH)
  })
})

describe('exports count offsets in the unit each format states', () => {
  const records = codecs.spacy.parse({ name: 'spacy.jsonl', text: fixture('spacy.jsonl') }, defaults).records

  it('writes the fixtures byte for byte from the same documents', () => {
    expect(write('spacy', records).text).toBe(fixture('spacy.jsonl').replace(/, /g, ',').replace(/": /g, '":'))
    expect(write('bio', records).text).toBe(fixture('msra.bio'))
    expect(write('bioes', records).text).toBe(fixture('doc.bioes'))
    expect(write('bmes', records, { separator: 'space' }).text).toBe(fixture('resume.bmes').replace(/\r\n/g, '\n'))
  })

  it('labelstudio counts UTF-16 units: 😀 and 𠮷 take two each', () => {
    const [task] = JSON.parse(write('labelstudio', records).text)
    const values = task.annotations[0].result.map((r: { value: object }) => r.value)
    expect(values.slice(0, 3)).toEqual([
      { start: 0, end: 4, text: '𠮷野家', labels: ['organization'] },
      { start: 4, end: 9, text: '2月25日', labels: ['date'] },
      { start: 9, end: 19, text: '复工率91.9%😀', labels: ['metric'] },
    ])
    expect(task.data.text.slice(9, 19)).toBe('复工率91.9%😀')
  })

  it('clue writes inclusive ends in code points: text[start:end+1] is the surface', () => {
    const line = JSON.parse(write('clue', records).text.split('\n')[0])
    expect(line.label.metric).toEqual({ '复工率91.9%😀': [[8, 16]] })
    expect([...line.text].slice(8, 17).join('')).toBe('复工率91.9%😀')
  })

  it('prodigy makes every code point a token, with token_end inclusive and end exclusive', () => {
    const line = JSON.parse(write('prodigy', records).text.split('\n')[0])
    expect(line.tokens).toHaveLength(27)
    expect(line.tokens[16]).toEqual({ text: '😀', start: 16, end: 17, id: 16, ws: false })
    expect(line.spans.at(-1)).toEqual({ start: 18, end: 27, token_start: 18, token_end: 26, label: 'organization' })
  })
})
