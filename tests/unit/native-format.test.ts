import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readJsonLines } from '../../src-main/shared/formats/jsonl'
import { codecs } from '../../src-main/shared/formats'
import { serializeNative, type NativeRecord, type ParseDefaults } from '../../src-main/shared/formats/native'
import { sha256Hex } from '../../src-main/shared/hash'
import { inputError } from './helpers'

const defaults = { annotator: 'carol' }
const parseNative = (content: string, file: string, defaults: ParseDefaults) => codecs.native.parse({ name: file, text: content }, defaults).records
const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

// 𠮷0 野1 家2 杭3 州4 店5 2 0 2 0 年10 营11 收12 增13 长14 5 %16 😀17: 18 code points, 20 UTF-16 units.
const TEXT = '𠮷野家杭州店2020年营收增长5%😀'

const record: NativeRecord = {
  id: 'doc-𠮷',
  title: '𠮷野家杭州店',
  text: TEXT,
  meta: { source: 'reports/a.txt', page: 3 },
  spans: [
    { start: 0, end: 3, label: 'organization', text: '𠮷野家', annotator: 'alice' },
    { start: 0, end: 6, label: 'organization', text: '𠮷野家杭州店', annotator: 'bob' },
    { start: 3, end: 5, label: 'organization', text: '杭州', annotator: 'alice' },
    { start: 6, end: 11, label: 'date', text: '2020年', annotator: 'alice' },
    { start: 11, end: 17, label: 'metric', text: '营收增长5%', annotator: 'alice' },
    { start: 15, end: 18, label: 'metric', text: '5%😀', annotator: 'bob' },
    { start: 17, end: 18, label: 'measure', text: '😀', annotator: 'alice' },
  ],
}

/** One native line with the given fields over a valid base document. */
const line = (fields: Record<string, unknown>) => JSON.stringify({ id: 'd1', text: '杭州市经济', ...fields })

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of a text, 𠮷 included', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex(TEXT)).toBe(nodeSha(TEXT))
    expect(sha256Hex('')).toBe(nodeSha(''))
  })
})

describe('serializeNative', () => {
  it('writes the keys in the documented order on one line', () => {
    const out = serializeNative({ id: 'd1', title: 'T', text: '杭州', meta: {}, spans: [{ start: 0, end: 2, label: 'organization', text: '杭州', annotator: 'alice' }] })
    expect(out).toBe(
      `{"id":"d1","title":"T","text":"杭州","text_sha256":"${nodeSha('杭州')}","offset_unit":"codepoint","meta":{},` +
        '"spans":[{"start":0,"end":2,"label":"organization","text":"杭州","annotator":"alice"}]}',
    )
  })

  it('writes the SHA-256 of the UTF-8 text', () => {
    expect(JSON.parse(serializeNative(record)).text_sha256).toBe(nodeSha(TEXT))
  })

  it('writes spans in text order whatever order they come in', () => {
    const shuffled = { ...record, spans: [...record.spans].reverse() }
    const spans = JSON.parse(serializeNative(shuffled)).spans as Array<{ start: number; end: number }>
    expect(spans.map((s) => [s.start, s.end])).toEqual([[0, 3], [0, 6], [3, 5], [6, 11], [11, 17], [15, 18], [17, 18]])
    expect(shuffled.spans[0].start).toBe(17)
  })

  it('keeps each document on one line even when its text has line and paragraph separators', () => {
    const out = serializeNative({ ...record, text: '第一段\n第二段\u2028第三段\r\n', spans: [] })
    expect(out).not.toMatch(/[\n\r\u2028\u2029]/)
    expect(JSON.parse(out).text).toBe('第一段\n第二段\u2028第三段\r\n')
  })

  it('round-trips a document with 𠮷, 😀, overlapping spans and a span at the very end', () => {
    expect(parseNative(serializeNative(record), 'a.jsonl', defaults)).toEqual([record])
  })
})

describe('parseNative', () => {
  it('fills in the title from the text, an empty meta and the default annotator', () => {
    const [doc] = parseNative(line({ text: '原题：\n03.04 杭州复工\n正文', spans: [{ start: 10, end: 12, label: 'organization' }] }), 'a.jsonl', defaults)
    expect(doc).toEqual({
      id: 'd1',
      title: '杭州复工',
      text: '原题：\n03.04 杭州复工\n正文',
      meta: {},
      spans: [{ start: 10, end: 12, label: 'organization', text: '杭州', annotator: 'carol' }],
    })
  })

  it('turns a numeric id into a string', () => {
    expect(parseNative(JSON.stringify({ id: 7, text: '杭州' }), 'a.jsonl', defaults)[0].id).toBe('7')
  })

  it('accepts a BOM, CRLF line ends and blank lines, and counts lines as the file does', () => {
    const content = `\ufeff${line({ id: 'a' })}\r\n\r\n   \r\n${line({ id: 'b', text: '第一行\r\n第二行' })}\r\n`
    const docs = parseNative(content, 'a.jsonl', defaults)
    expect(docs.map((d) => d.id)).toEqual(['a', 'b'])
    expect(docs[1].text).toBe('第一行\r\n第二行')
    expect(readJsonLines(content, 'a.jsonl').map((l) => l.line)).toEqual([1, 4])
  })

  it('accepts offset_unit "codepoint" and a matching text_sha256 in capitals', () => {
    const content = line({ offset_unit: 'codepoint', text_sha256: nodeSha('杭州市经济').toUpperCase() })
    expect(parseNative(content, 'a.jsonl', defaults)).toHaveLength(1)
  })

  it.each([
    ['malformed JSON', `${line({})}\n{"id": "d2", "text": `, 2, /^malformed JSON: /],
    ['a line that is not an object', '[1, 2]', 1, 'each line must be a JSON object, not a list'],
    ['a missing text', JSON.stringify({ id: 'd1' }), 1, 'no "text" field: it has the key "id"; if another field holds the text, name it with --text-field'],
    ['an empty text', line({ text: '' }), 1, 'text must not be empty'],
    ['a text that is not a string', line({ text: 42 }), 1, 'text must be a string, not the number 42'],
    ['a missing id', JSON.stringify({ text: '杭州' }), 1, 'id is missing'],
    ['an empty id', line({ id: '' }), 1, 'id must not be empty'],
    ['an id that is neither a string nor a number', line({ id: null }), 1, 'id must be a string or a number, not null'],
    ['a NUL in the text', line({ text: '杭州\u0000市' }), 1, 'text contains a NUL character at offset 2'],
    ['a span label that is missing', line({ spans: [{ start: 0, end: 1 }] }), 1, 'spans[0].label is missing'],
    ['an offset that is not an integer', line({ spans: [{ start: 0.5, end: 1, label: 'x' }] }), 1, 'spans[0].start must be an integer, not the number 0.5'],
    [
      'a span that ends past the text',
      line({ spans: [{ start: 0, end: 1, label: 'x' }, { start: 3, end: 6, label: 'x' }] }),
      1,
      'spans[1] has start 3 and end 6, but offsets must satisfy 0 ≤ start < end ≤ 5, the text\'s length in code points',
    ],
    ['an empty span', line({ spans: [{ start: 2, end: 2, label: 'x' }] }), 1, /^spans\[0\] has start 2 and end 2, but offsets must satisfy/],
    ['a negative start', line({ spans: [{ start: -1, end: 2, label: 'x' }] }), 1, /^spans\[0\] has start -1 and end 2/],
    ['a quote that does not match', line({ spans: [{ start: 0, end: 2, label: 'x', text: '杭' }] }), 1, 'spans[0] quotes "杭" but the text at 0–2 is "杭州"'],
    ['a wrong text_sha256', line({ text_sha256: nodeSha('杭州市') }), 1, 'text_sha256 does not match the text'],
    ['a duplicate id', `${line({})}\n\n${line({ text: '另一篇' })}`, 3, 'duplicate id "d1" (first used on line 1)'],
  ])('rejects %s with the file, line and reason', (_, content, lineNumber, reason) => {
    const error = inputError(() => parseNative(content, 'docs.jsonl', defaults))
    expect(error.file).toBe('docs.jsonl')
    expect(error.line).toBe(lineNumber)
    expect(error.message.startsWith(`docs.jsonl:${lineNumber}: `)).toBe(true)
    if (typeof reason === 'string') expect(error.reason).toBe(reason)
    else expect(error.reason).toMatch(reason)
  })

  it('rejects UTF-16 offsets and points to the doccano format', () => {
    const error = inputError(() => parseNative(line({ offset_unit: 'utf16' }), 'docs.jsonl', defaults))
    expect(error.message).toBe(
      'docs.jsonl:1: offset_unit is "utf16", but native files count offsets in Unicode code points ("codepoint"); for UTF-16 offsets import the file as doccano JSONL',
    )
  })

  it('counts span offsets in code points, so a span after 𠮷 is not shifted', () => {
    const [doc] = parseNative(line({ text: '𠮷野家😀营收', spans: [{ start: 4, end: 6, label: 'metric', text: '营收' }] }), 'a.jsonl', defaults)
    expect(doc.spans[0].text).toBe('营收')
    expect(() => parseNative(line({ text: '𠮷野家', spans: [{ start: 0, end: 4, label: 'x' }] }), 'a.jsonl', defaults)).toThrow(/≤ 3, the text's length in code points/)
  })

  it('reports a raw NUL in the file with its line and column, counting 𠮷 as one column', () => {
    expect(() => parseNative(`${line({})}\n{"id": "𠮷",\u0000 "text": "x"}`, 'docs.jsonl', defaults)).toThrow(
      'docs.jsonl:2: contains a NUL character at column 12',
    )
  })
})
