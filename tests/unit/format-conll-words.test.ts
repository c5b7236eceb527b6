import { describe, expect, it } from 'vitest'
import { codecs } from '../../src-main/shared/formats'
import { parseTagged } from '../../src-main/shared/formats/conll'
import { importFiles } from '../../src-main/service/import'
import { defaults, projectRecords, write } from './format-helpers'
import { newProject, utf8 } from './helpers'

const rows = (...lines: string[]) => lines.join('\n') + '\n'
const spans = (records: ReturnType<typeof parseTagged>['records']) => records.map((r) => r.spans.map((s) => `${s.label} ${s.start}–${s.end} ${s.text}`))

// The first lines of CoNLL-2003's eng.train as the shared task wrote them: IOB1, where I- opens a span.
const ENG_TRAIN = rows(
  '-DOCSTART- -X- O O',
  '',
  'EU NNP I-NP I-ORG',
  'rejects VBZ I-VP O',
  'German JJ I-NP I-MISC',
  'call NN I-NP O',
  'to TO I-VP O',
  'boycott VB I-VP O',
  'British JJ I-NP I-MISC',
  'lamb NN I-NP O',
  '. . O O',
  '',
  'Peter NNP I-NP I-PER',
  'Blackburn NNP I-NP I-PER',
)

// eng.testb's first sentence as most copies carry it now, in IOB2 (B- opens every span).
const ENG_TESTB = rows(
  '-DOCSTART- -X- -X- O',
  '',
  'SOCCER NN B-NP O',
  '- : O O',
  'JAPAN NNP B-NP B-LOC',
  'GET VB B-VP O',
  'LUCKY NNP B-NP O',
  'WIN NNP I-NP O',
  ', , O O',
  'CHINA NNP B-NP B-PER',
  'IN IN B-PP O',
  'SURPRISE DT B-NP O',
  'DEFEAT NN I-NP O',
  '. . O O',
)

describe('word-level CoNLL', () => {
  it("joins CoNLL-2003's tokens with spaces, reading the original IOB1 tags, and says how it read them", () => {
    const result = parseTagged({ name: 'eng.train', text: ENG_TRAIN }, defaults)
    expect(result.records.map((r) => r.text)).toEqual(['EU rejects German call to boycott British lamb .', 'Peter Blackburn'])
    expect(spans(result.records)).toEqual([['ORG 0–2 EU', 'MISC 11–17 German', 'MISC 34–41 British'], ['PER 0–15 Peter Blackburn']])
    expect(result.readAs).toBe(
      "IOB1, since its I- tags open spans, as in CoNLL-2003's original files; tokens of several characters, joined with one space (none beside a Chinese character)",
    )
  })

  it('reads JAPAN and GET as two words, not JAPANGET', () => {
    const result = parseTagged({ name: 'eng.testb', text: ENG_TESTB }, defaults)
    expect(result.records[0].text).toBe('SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .')
    expect(spans(result.records)).toEqual([['LOC 9–14 JAPAN', 'PER 31–36 CHINA']])
    expect(result.readAs?.startsWith('BIO, since its tags use only B-, I- and O')).toBe(true)
  })

  it("reads doccano's CoNLL export (TOKEN _ _ TAG), and -DOCSTART- between its documents", () => {
    // doccano-transformer's tests/data/labeling/labeling.conll2003, whose labels are doccano's label ids.
    const doccano = rows('-DOCSTART- -X- -X- O', '', 'Nadim _ _ B-13', 'Ladki _ _ I-13', '', 'AL-AIN _ _ B-12', ', _ _ O', 'United _ _ B-12', 'Arab _ _ I-12', 'Emirates _ _ I-12', '1996-12-06 _ _ O')
    const result = parseTagged({ name: 'labeling.conll2003', text: doccano }, defaults)
    expect(result.records.map((r) => r.text)).toEqual(['Nadim Ladki', 'AL-AIN , United Arab Emirates 1996-12-06'])
    expect(spans(result.records)).toEqual([['13 0–11 Nadim Ladki'], ['12 0–6 AL-AIN', '12 9–29 United Arab Emirates']])
  })

  it('joins Chinese words without spaces, and a Latin word beside them without one either', () => {
    const words = rows('杭州 B-ORG', '高新区 I-ORG', '发布 O', '28 O', '条 O', 'GDP B-metric', '增长 I-metric', '5.1% I-metric', 'in O', 'Q1 B-date', '𠮷野家 B-ORG', '。 O')
    const [doc] = parseTagged({ name: 'zh.conll', text: words }, defaults).records
    expect(doc.text).toBe('杭州高新区发布28条GDP增长5.1% in Q1𠮷野家。')
    expect(doc.spans.map((s) => s.text)).toEqual(['杭州高新区', 'GDP增长5.1%', 'Q1', '𠮷野家'])
    expect(doc.meta.tokens).toEqual([
      [0, 2], [2, 5], [5, 7], [7, 9], [9, 10], [10, 13], [13, 15], [15, 19], [20, 22], [23, 25], [25, 28], [28, 29],
    ])
  })

  it('exports a word-level document one token per line again, and the round trip through a project is exact', async () => {
    const { service, workspace } = newProject()
    const db = workspace.database()
    const report = importFiles(db, [{ name: 'eng.testb', bytes: utf8(ENG_TESTB) }], { annotator: 'alice' })
    expect(report.errors).toEqual([])
    const bio = write('bio', await projectRecords(service), { separator: 'space' })
    expect(bio.text).toBe(rows('SOCCER O', '- O', 'JAPAN B-LOC', 'GET O', 'LUCKY O', 'WIN O', ', O', 'CHINA B-PER', 'IN O', 'SURPRISE O', 'DEFEAT O', '. O', ''))
    expect(bio.warnings).toEqual([])
    // Through native JSONL, which carries the tokens in meta, and back.
    const native = write('native', await projectRecords(service))
    const again = codecs.native.parse({ name: 'again.jsonl', text: native.text }, defaults)
    expect(write('bioes', again.records, { separator: 'space' }).text).toBe(
      rows('SOCCER O', '- O', 'JAPAN S-LOC', 'GET O', 'LUCKY O', 'WIN O', ', O', 'CHINA S-PER', 'IN O', 'SURPRISE O', 'DEFEAT O', '. O', ''),
    )
  })

  it('writes a word-level document one character a line, and says so, once a span no longer falls on its tokens', () => {
    const [doc] = parseTagged({ name: 'a.conll', text: rows('JAPAN B-LOC', 'GET O') }, defaults).records
    const moved = { ...doc, spans: [{ ...doc.spans[0], start: 1, text: 'APAN' }] }
    const written = write('bio', [moved])
    expect(written.text).toBe(rows('J\tO', 'A\tB-LOC', 'P\tI-LOC', 'A\tI-LOC', 'N\tI-LOC', '\\s\tO', 'G\tO', 'E\tO', 'T\tO', ''))
    expect(written.warnings).toEqual([{ documentId: 'a-1', dropped: 0, reason: 'its spans no longer fall on its token boundaries (meta.tokens): written one character per line' }])
  })

  it('reads a file of characters as before: no spaces, no tokens in meta', () => {
    const [doc] = parseTagged({ name: 'msra.bio', text: rows('2\tB-date', '0\tI-date', '年\tI-date', 'G\tO', 'D\tO', 'P\tO') }, defaults).records
    expect(doc.text).toBe('20年GDP')
    expect(doc.meta).toEqual({ source: 'msra.bio' })
  })
})
