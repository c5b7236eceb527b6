import { describe, expect, it } from 'vitest'
import { serializeDoccano } from '../../src-main/shared/formats/doccano'
import { codecs, parseJsonlAuto } from '../../src-main/shared/formats/index'
import { serializeNative, type NativeRecord, type ParseDefaults } from '../../src-main/shared/formats/native'
import { inputError } from './helpers'

const parseDoccano = (content: string, file: string, defaults: ParseDefaults) => codecs.doccano.parse({ name: file, text: content }, defaults).records

const defaults = { annotator: 'alice' }

// Code points: 𠮷0 野1 家2 😀3 营4 收5 增6 长7 5 8 %9 (10).  UTF-16: 𠮷0-1 野2 家3 😀4-5 营6 收7 增8 长9 5 10 %11 (12).
const TEXT = '𠮷野家😀营收增长5%'

const record: NativeRecord = {
  id: 'd1',
  title: TEXT,
  text: TEXT,
  meta: {},
  spans: [
    { start: 0, end: 1, label: 'organization', text: '𠮷', annotator: 'alice' },
    { start: 1, end: 3, label: 'organization', text: '野家', annotator: 'alice' },
    { start: 3, end: 4, label: 'measure', text: '😀', annotator: 'alice' },
    { start: 4, end: 10, label: 'metric', text: '营收增长5%', annotator: 'alice' },
    { start: 6, end: 10, label: 'metric', text: '增长5%', annotator: 'alice' },
  ],
}

describe('serializeDoccano', () => {
  it('exports doccano offsets in UTF-16 units after 𠮷, one extra unit per astral character before them', () => {
    expect(serializeDoccano(record)).toBe(
      `{"id":"d1","text":"${TEXT}","label":[[0,2,"organization"],[2,4,"organization"],[4,6,"measure"],[6,12,"metric"],[8,12,"metric"]]}`,
    )
  })

  it('leaves offsets of a text without astral characters as they are', () => {
    const line = serializeDoccano({ id: 'd2', title: '', text: '杭州市经济', meta: {}, spans: [{ start: 2, end: 5, label: 'x', text: '市经济', annotator: 'a' }] })
    expect(JSON.parse(line).label).toEqual([[2, 5, 'x']])
  })

  it('writes a span that two annotators share once, since doccano has no annotators', () => {
    const shared = { start: 0, end: 1, label: 'organization', text: '𠮷' }
    const line = serializeDoccano({ ...record, spans: [{ ...shared, annotator: 'bob' }, { ...shared, annotator: 'alice' }, { ...shared, label: 'metric', annotator: 'bob' }] })
    expect(JSON.parse(line).label).toEqual([[0, 2, 'metric'], [0, 2, 'organization']])
  })

  it('writes labels in text order whatever order the spans come in', () => {
    const label = JSON.parse(serializeDoccano({ ...record, spans: [...record.spans].reverse() })).label as number[][]
    expect(label.map(([start]) => start)).toEqual([0, 2, 4, 6, 8])
  })
})

describe('parseDoccano', () => {
  it('round-trips a document with 𠮷, 😀 and overlapping spans', () => {
    expect(parseDoccano(serializeDoccano(record), 'a.jsonl', defaults)).toEqual([record])
  })

  it('turns UTF-16 offsets after 😀 into code points', () => {
    const [doc] = parseDoccano(JSON.stringify({ id: 1, text: TEXT, label: [[6, 8, 'metric']] }), 'a.jsonl', defaults)
    expect(doc.spans).toEqual([{ start: 4, end: 6, label: 'metric', text: '营收', annotator: 'alice' }])
  })

  it('accepts `labels` as well as `label`', () => {
    const [doc] = parseDoccano(JSON.stringify({ text: '杭州市', labels: [[0, 2, 'organization']] }), 'a.jsonl', defaults)
    expect(doc.spans.map((s) => s.text)).toEqual(['杭州'])
  })

  it('names a document without an id after the file and its line', () => {
    const content = `${JSON.stringify({ text: '杭州' })}\n\n${JSON.stringify({ text: '宁波' })}`
    expect(parseDoccano(content, 'exports/batch.2020.jsonl', defaults).map((d) => d.id)).toEqual(['batch.2020-1', 'batch.2020-3'])
  })

  it('keeps the other fields of a line as the document meta and reads a title from the text', () => {
    const [doc] = parseDoccano(JSON.stringify({ id: 'x', text: '原题：\n稳就业\n正文', label: [], Comments: [], source: 'web' }), 'a.jsonl', defaults)
    expect(doc.meta).toEqual({ Comments: [], source: 'web' })
    expect(doc.title).toBe('稳就业')
  })

  it.each([
    ['a start inside the surrogate pair of 𠮷', [1, 3, 'x'], 'label[0] offset 1 falls inside "𠮷", which takes two UTF-16 units'],
    ['an end inside the surrogate pair of 😀', [2, 5, 'x'], 'label[0] offset 5 falls inside "😀", which takes two UTF-16 units'],
    [
      'an end past the text',
      [6, 13, 'x'],
      "label[0] has start 6 and end 13, but offsets must satisfy 0 ≤ start < end ≤ 12, the text's length in UTF-16 units",
    ],
    ['a start after its end', [8, 6, 'x'], /^label\[0\] has start 8 and end 6/],
    ['a label entry with two items', [0, 2], 'label[0] must have at least 3 items, not 2'],
    ['an offset that is not a number', [0, '2', 'x'], 'label[0][1] must be a number, not the string "2"'],
  ])('rejects %s with the file and line', (_, entry, reason) => {
    const content = `${JSON.stringify({ text: '杭州' })}\n${JSON.stringify({ text: TEXT, label: [entry] })}`
    const error = inputError(() => parseDoccano(content, 'd.jsonl', defaults))
    expect(error.line).toBe(2)
    expect(error.message.startsWith('d.jsonl:2: ')).toBe(true)
    if (typeof reason === 'string') expect(error.reason).toBe(reason)
    else expect(error.reason).toMatch(reason)
  })

  it('rejects a duplicate id on its second line', () => {
    const content = `${JSON.stringify({ id: 1, text: '杭州' })}\n${JSON.stringify({ id: '1', text: '宁波' })}`
    expect(() => parseDoccano(content, 'd.jsonl', defaults)).toThrow('d.jsonl:2: duplicate id "1" (first used on line 1)')
  })
})

describe('choosing a JSONL format', () => {
  it('reads doccano lines when the first record has a label list and no spans', () => {
    const [doc] = parseJsonlAuto(serializeDoccano(record), 'a.jsonl', defaults)
    expect(doc.spans[3]).toEqual({ start: 4, end: 10, label: 'metric', text: '营收增长5%', annotator: 'alice' })
  })

  it('reads doccano lines that have no labels yet', () => {
    const [doc] = parseJsonlAuto(JSON.stringify({ text: '杭州', label: [] }), 'new.jsonl', defaults)
    expect(doc.id).toBe('new-1')
  })

  it('reads native lines, whose offsets are code points', () => {
    expect(parseJsonlAuto(serializeNative(record), 'a.jsonl', defaults)).toEqual([record])
  })
})
