import { describe, expect, it } from 'vitest'
import { codecs } from '../../src-main/shared/formats'
import type { NativeRecord } from '../../src-main/shared/formats/native'
import { defaults, fixture, read, write } from './format-helpers'
import { FIXTURE_LINKS, inOrder, linksOf } from './format-relations-helpers'
import { inputError } from './helpers'

// The text of every fixture in tests/fixtures/formats/relations, in code points (Python's len, counted by hand):
// 截至2月25日 0–7 date · ，7 · 杭州高新區(濱江) 8–17 organization · 企業復工率91.9% 17–27 metric · 😀27 ，28 ·
// 𠮷野家 29–32 organization · 營收增長5% 32–38 metric · 增長5% 34–38 measure (overlaps the metric) · 。38; 39 in all.
// In UTF-16 (doccano, Label Studio) 😀 and 𠮷 take two units each: everything from 𠮷野家 on is 1 later (after 😀),
// and everything after 𠮷 is 2 later: 𠮷野家 30–34, 營收增長5% 34–40, 增長5% 36–40.
const TEXT = '截至2月25日，杭州高新區(濱江)企業復工率91.9%😀，𠮷野家營收增長5%。'
const QUOTES = ['截至2月25日', '杭州高新區(濱江)', '企業復工率91.9%', '𠮷野家', '營收增長5%', '增長5%']

const sortedLinks = inOrder(FIXTURE_LINKS)

/** The fixtures' document as the project holds it: spans out of text order, so writers must carry indices along. */
function report(annotator = 'alice'): NativeRecord {
  const span = (start: number, end: number, label: string, text: string) => ({ start, end, label, text, annotator })
  return {
    id: 'report',
    title: 'report',
    text: TEXT,
    meta: {},
    spans: [
      span(32, 38, 'metric', '營收增長5%'), // 0
      span(0, 7, 'date', '截至2月25日'), // 1
      span(34, 38, 'measure', '增長5%'), // 2
      span(17, 27, 'metric', '企業復工率91.9%'), // 3
      span(29, 32, 'organization', '𠮷野家'), // 4
      span(8, 17, 'organization', '杭州高新區(濱江)'), // 5
    ],
    relations: [
      { from: 3, to: 5, type: 'holder' },
      { from: 3, to: 1, type: 'time' },
      { from: 0, to: 4, type: 'holder' },
      { from: 0, to: 2, type: 'result_of' },
      { from: 2, to: 4, type: 'holder' },
    ],
  }
}

// In text order the spans are date 0, 杭州 1, 復工率 2, 𠮷野家 3, 營收 4, 增長 5; the relations by index, ordered by
// (from, to): 復工率→date time, 復工率→杭州 holder, 營收→𠮷野家 holder, 營收→增長 result_of, 增長→𠮷野家 holder.
const SORTED_RELATIONS = [
  { from: 2, to: 0, type: 'time' },
  { from: 2, to: 1, type: 'holder' },
  { from: 4, to: 3, type: 'holder' },
  { from: 4, to: 5, type: 'result_of' },
  { from: 5, to: 3, type: 'holder' },
]

function nativeLine(fields: Record<string, unknown>): string {
  return JSON.stringify({ id: 'n1', text: TEXT, spans: [{ start: 17, end: 27, label: 'metric' }, { start: 8, end: 17, label: 'organization' }], ...fields })
}

function parseNative(line: string, lenient = false) {
  return codecs.native.parse({ name: 'facts.jsonl', text: `${line}\n` }, defaults, { lenient })
}

describe('native relations', () => {
  it('writes relations by index into the spans in text order, in a stable order', () => {
    const { text } = write('native', [report()])
    const line = JSON.parse(text)
    expect(line.spans.map((s: { text: string }) => s.text)).toEqual(['截至2月25日', '杭州高新區(濱江)', '企業復工率91.9%', '𠮷野家', '營收增長5%', '增長5%'])
    expect(line.relations).toEqual(SORTED_RELATIONS)
    expect(text).toContain('"relations":[{"from":2,"to":0,"type":"time"},{"from":2,"to":1,"type":"holder"},')
    // The same record with its relations listed in another order writes the same line.
    const shuffled = { ...report(), relations: [...report().relations!].reverse() }
    expect(write('native', [shuffled]).text).toBe(text)
  })

  it('reads them back exactly, and writes no relations key for a document without any', () => {
    const again = read('native', write('native', [report()]))
    expect(again.warnings).toEqual([])
    expect(again.records[0].relations).toEqual(SORTED_RELATIONS)
    expect(linksOf(again.records[0])).toEqual(sortedLinks)
    expect(write('native', [{ ...report(), relations: [] }]).text).not.toContain('relations')
  })

  it("reads the fixture and writes it back byte for byte but for the relations' order", () => {
    const file = fixture('relations/native.jsonl')
    const { records, warnings } = parseNative(file.trimEnd())
    expect(warnings).toEqual([])
    expect(linksOf(records[0])).toEqual(sortedLinks)
    // The fixture lists 復工率→杭州 before 復工率→date; the export orders them by their ends' indices.
    const reordered = file.replace(
      '"relations":[{"from":2,"to":1,"type":"holder"},{"from":2,"to":0,"type":"time"},',
      '"relations":[{"from":2,"to":0,"type":"time"},{"from":2,"to":1,"type":"holder"},',
    )
    expect(reordered).not.toBe(file)
    expect(write('native', records).text).toBe(reordered)
  })

  it.each([
    [{ relations: [{ from: 0, to: 2, type: 'holder' }] }, 'relations[0] has to 2, but span indices run from 0 to 1'],
    [{ relations: [{ from: -1, to: 1, type: 'holder' }] }, 'relations[0] has from -1, but span indices run from 0 to 1'],
    [{ relations: [{ from: 0, to: 1, type: 'holder', kind: 'fact' }] }, 'relations[0] has the unknown field "kind"'],
    [{ relations: [{ from: 0, to: 1 }] }, 'relations[0].type is missing'],
    [{ relations: [{ from: '0', to: 1, type: 'holder' }] }, 'relations[0].from must be a number, not the string "0"'],
    [{ relations: [{ from: 1, to: 1, type: 'holder' }] }, 'relations[0] links span 1 to itself'],
    [{ relations: [{ from: 0, to: 1, type: ' holder' }] }, 'relations[0] has the type " holder", which has white space at its ends'],
    [{ relations: { from: 0, to: 1, type: 'holder' } }, 'relations must be a list, not an object'],
  ])('refuses %j, naming the line and the relation', (fields, reason) => {
    const error = inputError(() => parseNative(nativeLine(fields)))
    expect([error.file, error.line, error.reason]).toEqual(['facts.jsonl', 1, reason])
  })

  it('refuses a relation between two layers', () => {
    const line = JSON.stringify({
      id: 'n1',
      text: TEXT,
      spans: [
        { start: 17, end: 27, label: 'metric', annotator: 'alice' },
        { start: 8, end: 17, label: 'organization', annotator: 'bob' },
      ],
      relations: [{ from: 0, to: 1, type: 'holder' }],
    })
    expect(inputError(() => parseNative(line)).reason).toBe('relations[0] links spans of two layers ("alice" and "bob"), but a relation links spans of one layer')
  })

  it('when lenient, leaves out a bad relation and one whose span was left out, and keeps the document', () => {
    const line = JSON.stringify({
      id: 'n1',
      text: TEXT,
      // 39 code points: the third span ends past the text and is left out.
      spans: [{ start: 17, end: 27, label: 'metric' }, { start: 8, end: 17, label: 'organization' }, { start: 38, end: 40, label: 'date' }],
      relations: [{ from: 0, to: 1, type: 'holder' }, { from: 0, to: 2, type: 'time' }, { from: 0, to: 7, type: 'time' }, { from: 0, to: 1, type: 'holder' }],
    })
    const { records, warnings } = parseNative(line, true)
    // The relation given twice is kept once.
    expect(records[0].relations).toEqual([{ from: 0, to: 1, type: 'holder' }])
    expect(warnings.map((w) => `${w.line}: ${w.reason}`)).toEqual([
      "1: spans[2] has start 38 and end 40, but offsets must satisfy 0 ≤ start < end ≤ 39, the text's length in code points; left out",
      '1: relations[1] has to 2, a span that was left out; left out',
      '1: relations[2] has to 7, but span indices run from 0 to 2; left out',
    ])
  })
})

describe('brat relations and events', () => {
  const pair = { name: 'report.txt', text: fixture('relations/brat/report.txt'), companion: { name: 'report.ann', text: fixture('relations/brat/report.ann') } }

  it('reads R lines, E lines as their trigger linked to each argument, and says which lines it skipped', () => {
    const { records, warnings } = codecs.brat.parse(pair, defaults)
    expect(records[0].spans.map((s) => s.text)).toEqual(QUOTES)
    expect(linksOf(records[0])).toEqual(sortedLinks)
    // In file order: R1, then E1's two roles (its trigger T5 and arguments come further down), R2, R3.
    expect(records[0].relations).toEqual([
      { from: 2, to: 1, type: 'holder' },
      { from: 4, to: 3, type: 'holder' },
      { from: 4, to: 5, type: 'result_of' },
      { from: 2, to: 0, type: 'time' },
      { from: 5, to: 3, type: 'holder' },
    ])
    expect(warnings.map((w) => `${w.line}: ${w.reason}`)).toEqual(['11: skipped 1 equivalence(s) (* lines), line 11', '12: skipped 1 attribute(s) (A lines), line 12'])
  })

  it('writes each relation as an R line and each fact as an E line, and annotation.conf declares them', () => {
    const { files, warnings } = write('brat', [report()])
    expect(warnings).toEqual([])
    expect(files.get('report.ann')).toBe(
      [
        'T1\tdate 0 7\t截至2月25日',
        'T2\torganization 8 17\t杭州高新區(濱江)',
        'T3\tmetric 17 27\t企業復工率91.9%',
        'T4\torganization 29 32\t𠮷野家',
        'T5\tmetric 32 38\t營收增長5%',
        'T6\tmeasure 34 38\t增長5%',
        'R1\ttime Arg1:T3 Arg2:T1',
        'R2\tholder Arg1:T3 Arg2:T2',
        'R3\tholder Arg1:T5 Arg2:T4',
        'R4\tresult_of Arg1:T5 Arg2:T6',
        'R5\tholder Arg1:T6 Arg2:T4',
        'E1\tmetric:T3 time:T1 holder:T2',
        'E2\tmetric:T5 holder:T4 result_of:T6',
        'E3\tmeasure:T6 holder:T4',
        '',
      ].join('\n'),
    )
    expect(files.get('annotation.conf')).toBe(
      '[entities]\ndate\norganization\n' +
        '[relations]\nholder\tArg1:measure|metric, Arg2:organization\nresult_of\tArg1:metric, Arg2:measure\ntime\tArg1:metric, Arg2:date\n' +
        '[events]\nmeasure\tholder*:organization\nmetric\tholder*:organization, result_of*:measure, time*:date\n' +
        '[attributes]\n',
    )
  })

  it('round-trips: the E lines read back as the same relations as the R lines, once each', () => {
    const again = read('brat', write('brat', [report()]))
    expect(again.warnings).toEqual([])
    expect(again.records[0].relations).toEqual(SORTED_RELATIONS)
  })

  it('numbers a role that repeats, as brat does, and reads the number away', () => {
    const doc: NativeRecord = {
      ...report(),
      spans: [report().spans[3], report().spans[5], report().spans[4]],
      relations: [
        { from: 0, to: 1, type: 'holder' },
        { from: 0, to: 2, type: 'holder' },
      ],
    }
    const { files } = write('brat', [doc])
    expect(files.get('report.ann')).toContain('E1\tmetric:T2 holder:T1 holder2:T3\n')
    expect(read('brat', { text: '', files, warnings: [] }).records[0].relations).toEqual([
      { from: 1, to: 0, type: 'holder' },
      { from: 1, to: 2, type: 'holder' },
    ])
  })

  it('reads every role without its number, as brat does, and keeps a type ending in a digit to its R line', () => {
    const ann = 'T1\tmetric 17 27\t企業復工率91.9%\nT2\torganization 8 17\t杭州高新區(濱江)\nE1\tmetric:T1 holder1:T2\n'
    expect(codecs.brat.parse({ ...pair, companion: { name: 'report.ann', text: ann } }, defaults).records[0].relations).toEqual([{ from: 0, to: 1, type: 'holder' }])
    const doc: NativeRecord = { ...report(), spans: [report().spans[3], report().spans[5]], relations: [{ from: 0, to: 1, type: 'q1' }] }
    const { files } = write('brat', [doc])
    expect(files.get('report.ann')).toBe('T1\torganization 8 17\t杭州高新區(濱江)\nT2\tmetric 17 27\t企業復工率91.9%\nR1\tq1 Arg1:T2 Arg2:T1\n')
    expect(read('brat', { text: '', files, warnings: [] }).records[0].relations).toEqual([{ from: 1, to: 0, type: 'q1' }])
  })

  it.each([
    ['R1\tholder Arg1:T3', '2: R1 has "holder Arg1:T3", not TYPE Arg1:T… Arg2:T… (two arguments with different roles)'],
    ['R1\tholder Arg1:T3 Arg1:T3', '2: R1 has "holder Arg1:T3 Arg1:T3", not TYPE Arg1:T… Arg2:T… (two arguments with different roles)'],
    ['R1\tholder Arg1:T3 Arg2:T9', '2: R1 has Arg2:T9, but no T line has the id T9'],
    ['E1\tmetric T3', '2: E1 has "metric T3", not TYPE:TRIGGER ROLE:ID …'],
    ['R1\tholder Arg1:T3 Arg2:T3', '2: R1 links span 0 to itself'],
  ])('refuses %j with its line', (line, message) => {
    const error = inputError(() => codecs.brat.parse({ ...pair, companion: { name: 'report.ann', text: `T3\tmetric 17 27\t企業復工率91.9%\n${line}\n` } }, defaults))
    expect(`${error.line}: ${error.reason}`).toBe(message)
  })

  it('when lenient, leaves out a relation whose span was left out, naming both', () => {
    // T2 ends past the text's 39 code points.
    const ann = 'T1\tmetric 17 27\t企業復工率91.9%\nT2\torganization 8 40\t杭州\nR1\tholder Arg1:T1 Arg2:T2\n'
    const { records, warnings } = codecs.brat.parse({ ...pair, companion: { name: 'report.ann', text: ann } }, defaults, { lenient: true })
    expect([records[0].spans.length, records[0].relations]).toEqual([1, undefined])
    expect(warnings.map((w) => `${w.line}: ${w.reason}`)).toEqual([
      "2: T2 has start 8 and end 40, but offsets must satisfy 0 ≤ start < end ≤ 39, the .txt's length in code points with each CRLF counted once, as brat reads it; left out",
      '3: R1 has Arg2:T2, a span that was left out; left out',
    ])
  })

  it('reads a relation whose roles have other names as first to second, and Arg2 before Arg1 as Arg1 to Arg2', () => {
    const ann = 'T1\tmetric 17 27\t企業復工率91.9%\nT2\torganization 8 17\t杭州高新區(濱江)\nR1\tholder Metric:T1 Holder:T2\nR2\tcites Arg2:T1 Arg1:T2\n'
    const { records } = codecs.brat.parse({ ...pair, companion: { name: 'report.ann', text: ann } }, defaults)
    expect(records[0].relations).toEqual([
      { from: 0, to: 1, type: 'holder' },
      { from: 1, to: 0, type: 'cites' },
    ])
  })

  it('skips a relation to an event, which is no span', () => {
    const ann = 'T1\tmetric 17 27\t企業復工率91.9%\nT2\torganization 8 17\t杭州高新區(濱江)\nE1\tmetric:T1 holder:T2\nR1\tcites Arg1:T2 Arg2:E1\n'
    const { records, warnings } = codecs.brat.parse({ ...pair, companion: { name: 'report.ann', text: ann } }, defaults)
    expect(records[0].relations).toEqual([{ from: 0, to: 1, type: 'holder' }])
    expect(warnings.map((w) => w.reason)).toEqual(['skipped 1 relation(s) to an event or a relation, not a span (Factspan links spans only), line 4'])
  })
})

describe('doccano relation projects', () => {
  it('reads entities and relations by their ids, in UTF-16 offsets', () => {
    const { records, warnings } = codecs.doccano.parse({ name: 'doccano.jsonl', text: fixture('relations/doccano.jsonl') }, defaults)
    expect(warnings).toEqual([])
    expect(records[0].spans.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 7, '截至2月25日'],
      [8, 17, '杭州高新區(濱江)'],
      [17, 27, '企業復工率91.9%'],
      [29, 32, '𠮷野家'],
      [32, 38, '營收增長5%'],
      [34, 38, '增長5%'],
    ])
    expect(linksOf(records[0])).toEqual(sortedLinks)
    expect(records[0].meta).toEqual({ Comments: [] })
  })

  it('writes a document with relations as a relation project line, entities numbered in text order', () => {
    const line = JSON.parse(write('doccano', [report()]).text)
    expect(line.entities).toEqual([
      { id: 1, label: 'date', start_offset: 0, end_offset: 7 },
      { id: 2, label: 'organization', start_offset: 8, end_offset: 17 },
      { id: 3, label: 'metric', start_offset: 17, end_offset: 27 },
      { id: 4, label: 'organization', start_offset: 30, end_offset: 34 },
      { id: 5, label: 'metric', start_offset: 34, end_offset: 40 },
      { id: 6, label: 'measure', start_offset: 36, end_offset: 40 },
    ])
    expect(line.relations).toEqual([
      { id: 1, from_id: 3, to_id: 1, type: 'time' },
      { id: 2, from_id: 3, to_id: 2, type: 'holder' },
      { id: 3, from_id: 5, to_id: 4, type: 'holder' },
      { id: 4, from_id: 5, to_id: 6, type: 'result_of' },
      { id: 5, from_id: 6, to_id: 4, type: 'holder' },
    ])
    expect(line.label).toBeUndefined()
    expect(linksOf(read('doccano', write('doccano', [report()])).records[0])).toEqual(sortedLinks)
  })

  it('writes every document as a relation project line when asked, so one doccano import format reads the file', () => {
    const plain = { ...report(), id: 'plain', spans: report().spans.slice(1, 2), relations: [] }
    const codec = codecs.doccano
    if (codec.output !== 'file') throw new Error('doccano writes one file')
    const lines = [...codec.write([plain], { relationProject: true })].map((line) => JSON.parse(line))
    // The one span, 截至2月25日 at 0–7, has no character outside the BMP before it.
    expect(lines).toEqual([{ id: 'plain', text: TEXT, entities: [{ id: 1, label: 'date', start_offset: 0, end_offset: 7 }], relations: [] }])
    expect(JSON.parse(write('doccano', [plain]).text)).toEqual({ id: 'plain', text: TEXT, label: [[0, 7, 'date']] })
  })

  it('merges the layers: a relation two annotators share is written once', () => {
    const both = { ...report(), spans: [...report().spans, ...report('bob').spans], relations: [...report().relations!, ...report().relations!.map((r) => ({ ...r, from: r.from + 6, to: r.to + 6 }))] }
    const line = JSON.parse(write('doccano', [both]).text)
    expect([line.entities.length, line.relations.length]).toEqual([6, 5])
  })

  it.each([
    [{ from_id: 303, to_id: 399, type: 'holder' }, 'relations[5] has to_id 399, but no entity of the line has that id'],
    [{ from_id: 303, type: 'holder' }, 'relations[5].to_id is missing'],
  ])('refuses a relation %j with its line', (relation, reason) => {
    const value = JSON.parse(fixture('relations/doccano.jsonl'))
    value.relations.push(relation)
    const error = inputError(() => codecs.doccano.parse({ name: 'd.jsonl', text: `\n${JSON.stringify(value)}\n` }, defaults))
    expect(`${error.line}: ${error.reason}`).toBe(`2: ${reason}`)
  })
})

describe('Label Studio relations', () => {
  it('reads relation results between regions: "left" reversed, a link without a label given "related"', () => {
    const { records, warnings } = codecs.labelstudio.parse({ name: 'labelstudio.json', text: fixture('relations/labelstudio.json') }, defaults)
    expect(records[0].spans.map((s) => s.text)).toEqual(QUOTES)
    expect(records[0].spans.every((s) => s.annotator === 'alice@example.com')).toBe(true)
    // The fixture leaves 增長5% → 𠮷野家 without a label.
    expect(linksOf(records[0])).toEqual(sortedLinks.map((link) => (link[0] === '增長5%' ? ['增長5%', 'related', '𠮷野家'] : link)))
    expect(warnings.map((w) => w.reason)).toEqual(['task 1, annotation 1, result 11: a relation without a label, imported with the type "related"'])
    // The line where the result opens in the pretty-printed file; its first key is on the next.
    expect(fixture('relations/labelstudio.json').split('\n')[warnings[0].line!]).toContain('"from_id": "zD2vG"')
  })

  it('reads "bi" as from_id → to_id and says so', () => {
    const tasks = JSON.parse(fixture('relations/labelstudio.json'))
    const result = tasks[0].annotations[0].result
    result.splice(6)
    result.push({ from_id: 'hP3sW', to_id: 'b7Tn0', type: 'relation', direction: 'bi', labels: ['holder'] })
    const { records, warnings } = codecs.labelstudio.parse({ name: 't.json', text: JSON.stringify(tasks) }, defaults)
    expect(linksOf(records[0])).toEqual([['企業復工率91.9%', 'holder', '杭州高新區(濱江)']])
    expect(warnings.map((w) => w.reason)).toEqual(['task 1, annotation 1, result 7: direction "bi" read as from_id → to_id, since a Factspan relation has one direction'])
  })

  it('refuses a relation to a region the annotation does not have', () => {
    const tasks = JSON.parse(fixture('relations/labelstudio.json'))
    tasks[0].annotations[0].result.push({ from_id: 'hP3sW', to_id: 'nope', type: 'relation', direction: 'right', labels: ['holder'] })
    const error = inputError(() => codecs.labelstudio.parse({ name: 't.json', text: JSON.stringify(tasks) }, defaults))
    expect(error.reason).toBe('task 1, annotation 1, result 12: to_id "nope" is no labelled region of this annotation')
  })

  it('when lenient, leaves out a relation to a region that was left out', () => {
    const tasks = JSON.parse(fixture('relations/labelstudio.json'))
    // The region 杭州高新區(濱江) (b7Tn0) ends past the text's 41 UTF-16 units.
    tasks[0].annotations[0].result[1].value.end = 42
    const { records, warnings } = codecs.labelstudio.parse({ name: 't.json', text: JSON.stringify(tasks) }, defaults, { lenient: true })
    expect(linksOf(records[0]).filter((link) => link[0] === '企業復工率91.9%')).toEqual([['企業復工率91.9%', 'time', '截至2月25日']])
    expect(warnings.map((w) => w.reason).slice(0, 2)).toEqual([
      "task 1, annotation 1, result 2: value.start 8 and value.end 42 must satisfy 0 ≤ start < end ≤ 41, the text's length in UTF-16 units; left out",
      'task 1, annotation 1, result 7: to_id "b7Tn0" is a region that was left out; left out',
    ])
  })

  it("writes each layer's relations as results of its annotation, direction right, the type its one label", () => {
    const both = { ...report(), spans: [...report().spans, report('bob').spans[3], report('bob').spans[5]], relations: [...report().relations!, { from: 6, to: 7, type: 'holder' }] }
    const [task] = JSON.parse(write('labelstudio', [both]).text)
    const relations = (annotation: { result: Array<{ type: string }> }) => annotation.result.filter((r) => r.type === 'relation')
    // alice's regions s1…s6 in text order: date, 杭州, 復工率, 𠮷野家, 營收, 增長; bob's s1 杭州, s2 復工率.
    expect(relations(task.annotations[0])).toEqual([
      { from_id: 's3', to_id: 's1', type: 'relation', direction: 'right', labels: ['time'] },
      { from_id: 's3', to_id: 's2', type: 'relation', direction: 'right', labels: ['holder'] },
      { from_id: 's5', to_id: 's4', type: 'relation', direction: 'right', labels: ['holder'] },
      { from_id: 's5', to_id: 's6', type: 'relation', direction: 'right', labels: ['result_of'] },
      { from_id: 's6', to_id: 's4', type: 'relation', direction: 'right', labels: ['holder'] },
    ])
    expect(task.annotations[1].created_username).toBe('bob')
    expect(relations(task.annotations[1])).toEqual([{ from_id: 's2', to_id: 's1', type: 'relation', direction: 'right', labels: ['holder'] }])
    const again = read('labelstudio', write('labelstudio', [both])).records[0]
    expect(linksOf(again)).toEqual(inOrder([...FIXTURE_LINKS, ['企業復工率91.9%', 'holder', '杭州高新區(濱江)']]))
    expect(again.relations!.map((r) => again.spans[r.from].annotator === again.spans[r.to].annotator)).toEqual([true, true, true, true, true, true])
  })
})

describe('Prodigy rel.manual', () => {
  it('reads relations from head_span and child_span, in code points', () => {
    const { records, warnings } = codecs.prodigy.parse({ name: 'prodigy.jsonl', text: fixture('relations/prodigy.jsonl') }, defaults)
    expect(warnings).toEqual([])
    expect(records[0].id).toBe('report-17')
    expect(records[0].spans.map((s) => s.text)).toEqual(QUOTES)
    expect(linksOf(records[0])).toEqual(sortedLinks)
  })

  it('writes head and child as the last token of each span, with head_span and child_span', () => {
    const line = JSON.parse(write('prodigy', [report()]).text)
    // One token per code point, so a span's last token is its end - 1: 復工率 17–27 → 26, date 0–7 → 6, 杭州 8–17 → 16.
    expect(line.relations.map((r: { head: number; child: number; label: string }) => [r.head, r.label, r.child])).toEqual([
      [26, 'time', 6],
      [26, 'holder', 16],
      [37, 'holder', 31],
      [37, 'result_of', 37],
      [37, 'holder', 31],
    ])
    expect(line.relations[0].head_span).toEqual({ start: 17, end: 27, token_start: 17, token_end: 26, label: 'metric' })
    expect(line.relations[3].child_span).toEqual({ start: 34, end: 38, token_start: 34, token_end: 37, label: 'measure' })
    expect(read('prodigy', write('prodigy', [report()])).records[0].relations).toEqual(SORTED_RELATIONS)
  })

  it('adds a labelled end that is not among the spans, and finds a span by its last token without head_span', () => {
    const line = JSON.stringify({
      text: TEXT,
      tokens: [...TEXT].map((text, i) => ({ text, start: i, end: i + 1, id: i })),
      spans: [{ start: 17, end: 27, token_start: 17, token_end: 26, label: 'metric' }],
      relations: [
        { head: 26, child: 6, child_span: { start: 0, end: 7, token_start: 0, token_end: 6, label: 'date' }, label: 'time' },
        { head: 26, child: 16, child_span: { start: 8, end: 17, label: null }, label: 'holder' },
      ],
    })
    const error = inputError(() => codecs.prodigy.parse({ name: 'p.jsonl', text: line }, defaults))
    expect(error.reason).toBe('relations[1].child_span 8–17 has no label and is not one of the line\'s spans')
    const lenient = codecs.prodigy.parse({ name: 'p.jsonl', text: line }, defaults, { lenient: true })
    expect(linksOf(lenient.records[0])).toEqual([['企業復工率91.9%', 'time', '截至2月25日']])
  })
})

describe('formats without relations', () => {
  it.each([
    ['clue', 'CLUENER'],
    ['spacy', 'spaCy'],
    ['bio', 'BIO'],
    ['bioes', 'BIOES'],
    ['bmes', 'BMES'],
  ] as const)('%s says on export how many relations it left out', (format, name) => {
    const { warnings } = write(format, [report(), { ...report(), id: 'plain', relations: [] }])
    expect(warnings.filter((w) => w.reason.includes('relation'))).toEqual([{ documentId: 'report', dropped: 0, reason: `${name} has no place for relations: left out 5 relation(s)` }])
  })
})
