import { describe, expect, it } from 'vitest'
import { codecs, formatOfFile, jsonlFormatOf, parseJsonlAutoResult, readJsonFile } from '../../src-main/shared/formats'
import { inputError } from './helpers'
import { defaults, fixture, record, spansOf, write } from './format-helpers'

// 𠮷0 野1 家2 营3 收4 增5 长6 5 7 %8 😀9 (10 code points, 12 UTF-16 units)
const TEXT = '𠮷野家营收增长5%😀'
const lines = (...values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n')

function parse(format: 'spacy' | 'prodigy' | 'clue', content: string) {
  return codecs[format].parse({ name: 'in.jsonl', text: content }, defaults)
}

/** The reason of the InputError reading `content` throws, after checking it names in.jsonl and the line. */
function failure(format: 'spacy' | 'prodigy' | 'clue', content: string, line: number): string {
  const error = inputError(() => parse(format, content))
  expect(error.message.startsWith(`in.jsonl:${line}: `)).toBe(true)
  return error.reason
}

describe('spacy', () => {
  it('reads entities in code points, with ids from the line or the file and line', () => {
    const { records } = parse('spacy', lines({ id: 7, text: TEXT, entities: [[3, 9, 'metric']] }, { text: '杭州', entities: [] }))
    expect(records.map((r) => r.id)).toEqual(['7', 'in-2'])
    expect(records[0].spans).toEqual([{ start: 3, end: 9, label: 'metric', text: '营收增长5%', annotator: 'zed' }])
  })

  it("reads spaCy's training tuples, [text, {entities}]", () => {
    const { records } = parse('spacy', lines([TEXT, { entities: [[0, 3, 'organization']] }]))
    expect(records[0].spans[0].text).toBe('𠮷野家')
  })

  it('writes one span two annotators share once', () => {
    const doc = record(TEXT, [[0, 3, 'organization', 'alice'], [0, 3, 'organization', 'bob']])
    expect(JSON.parse(write('spacy', [doc]).text)).toEqual({
      id: 'd1',
      text: TEXT,
      entities: [[0, 3, 'organization']],
    })
  })

  it.each([
    ['an end past the text', [3, 11, 'metric'], "entities[0] has start 3 and end 11, but offsets must satisfy 0 ≤ start < end ≤ 10, the text's length in code points"],
    ['UTF-16 offsets, which run past the end', [10, 12, 'metric'], /^entities\[0\] has start 10 and end 12/],
    ['an offset that is a string', [3, '9', 'metric'], 'entities[0][1] must be a number, not the string "9"'],
    ['an entity without a label', [3, 9], 'entities[0] must have at least 3 items, not 2'],
  ])('refuses %s, naming the line', (_, entity, reason) => {
    const got = failure('spacy', lines({ text: '杭州' }, { text: TEXT, entities: [entity] }), 2)
    if (typeof reason === 'string') expect(got).toBe(reason)
    else expect(got).toMatch(reason)
  })

  it('refuses a line without text', () => {
    expect(failure('spacy', lines({ entities: [] }), 1)).toBe('no "text" field: it has the key "entities"; if another field holds the text, name it with --text-field')
  })
})

describe('prodigy', () => {
  const tokens = [...TEXT].map((text, i) => ({ text, start: i, end: i + 1, id: i, ws: false }))

  it('reads spans, takes the id from meta and keeps the rest of meta and the hashes', () => {
    const { records, warnings } = parse(
      'prodigy',
      lines({ text: TEXT, meta: { id: 'doc-9', source: 'web' }, tokens, spans: [{ start: 9, end: 10, token_start: 9, token_end: 9, label: 'measure' }], _input_hash: 5, answer: 'accept' }),
    )
    expect(warnings).toEqual([])
    expect(records[0]).toMatchObject({ id: 'doc-9', meta: { source: 'web', _input_hash: 5 } })
    expect(records[0].spans).toEqual([{ start: 9, end: 10, label: 'measure', text: '😀', annotator: 'zed' }])
  })

  it('leaves out rejected and ignored examples, saying which lines', () => {
    const { records, warnings } = parse('prodigy', lines({ text: '杭州', answer: 'reject', spans: [] }, { text: '宁波', answer: 'accept' }, { text: '温州', answer: 'ignore' }))
    expect(records.map((r) => r.text)).toEqual(['宁波'])
    expect(warnings).toEqual([
      { file: 'in.jsonl', line: 1, reason: 'answer is "reject", so the example is not imported' },
      { file: 'in.jsonl', line: 3, reason: 'answer is "ignore", so the example is not imported' },
    ])
  })

  it.each([
    [{ start: 3, end: 9, token_start: 2, token_end: 8, label: 'metric' }, 'spans[0] starts at 3, but its token_start 2 starts at 2'],
    [{ start: 3, end: 9, token_start: 3, token_end: 9, label: 'metric' }, 'spans[0] ends at 9, but its token_end 9 (inclusive) ends at 10'],
    [{ start: 3, end: 9, token_start: 3, token_end: 12, label: 'metric' }, 'spans[0] has token_end 12, but the line has 10 tokens'],
    [{ start: 3, end: 11, label: 'metric' }, "spans[0] has start 3 and end 11, but offsets must satisfy 0 ≤ start < end ≤ 10, the text's length in code points"],
    [{ start: 3, end: 5, text: '收增', label: 'metric' }, 'spans[0] quotes "收增" but the text at 3–5 is "营收"'],
  ])('refuses a span that does not match its tokens or text: %j', (span, reason) => {
    expect(failure('prodigy', lines({ text: TEXT, tokens, spans: [span] }), 1)).toBe(reason)
  })

  it('refuses a token that quotes other text', () => {
    const wrong = tokens.map((t, i) => (i === 9 ? { ...t, text: '😃' } : t))
    expect(failure('prodigy', lines({ text: TEXT, tokens: wrong }), 1)).toBe('tokens[9] quotes "😃" but the text at 9–10 is "😀"')
  })
})

describe('clue', () => {
  it('reads CLUENER lines: ends inclusive, in code points', () => {
    const { records } = parse('clue', fixture('clue.json'))
    expect(records[0].spans.find((s) => s.label === 'metric')).toMatchObject({ start: 8, end: 17, text: '复工率91.9%😀' })
  })

  it('refuses an exclusive end, as other tools write it, showing what the inclusive range holds', () => {
    const content = lines({ text: TEXT, label: { metric: { 营收: [[3, 5]] } } })
    expect(failure('clue', content, 1)).toBe('label.metric["营收"][0] is [3, 5], but the text there (end inclusive) is "营收增"')
  })

  it('refuses UTF-16 offsets after 𠮷', () => {
    expect(failure('clue', lines({ text: TEXT, label: { metric: { 营收: [[4, 5]] } } }), 1)).toBe(
      'label.metric["营收"][0] is [4, 5], but the text there (end inclusive) is "收增"',
    )
  })

  it.each([
    [{ metric: { '😀': [[10, 10]] } }, 'label.metric["😀"][0] is [10, 10], but CLUENER offsets must satisfy 0 ≤ start ≤ end < 10, the text\'s length in code points (the end is inclusive)'],
    [[[0, 1, 'metric']], 'label must be an object, not a list'],
    [{ metric: { 营收: [3, 4] } }, 'label.metric["营收"][0] must be a list, not the number 3'],
  ])('refuses a malformed label %j', (label, reason) => {
    expect(failure('clue', lines({ text: TEXT, label }), 1)).toBe(reason)
  })
})

describe('choosing a format nobody named', () => {
  it.each([
    [{ id: 'a', text: 'x', spans: [] }, 'native'],
    [{ text: 'x', label: [[0, 1, 'a']] }, 'doccano'],
    [{ text: 'x', entities: [] }, 'spacy'],
    [['x', { entities: [] }], 'spacy'],
    [{ text: 'x', tokens: [], spans: [] }, 'prodigy'],
    [{ text: 'x', spans: [{ start: 0, end: 1, label: 'a' }] }, 'prodigy'],
    [{ text: 'x', label: { a: { x: [[0, 0]] } } }, 'clue'],
    [{ text: 'x', label: {} }, 'clue'],
  ])('reads %j as %s JSONL', (value, format) => {
    expect(jsonlFormatOf(value)).toBe(format)
  })

  it('reads a CLUENER file named .json as JSON lines, and a Label Studio list as its tasks', () => {
    expect(spansOf(readJsonFile(fixture('clue.json'), 'train.json', undefined, defaults).records)).toEqual(spansOf(codecs.clue.parse({ name: 'train.json', text: fixture('clue.json') }, defaults).records))
    expect(spansOf(readJsonFile(fixture('labelstudio.json'), 'export.json', undefined, defaults).records)).toEqual(
      spansOf(codecs.labelstudio.parse({ name: 'export.json', text: fixture('labelstudio.json') }, defaults).records),
    )
    expect(parseJsonlAutoResult(fixture('clue.json'), 'train.json', defaults).format).toBe('clue')
  })

  it('pairs .ann with brat, reads .txt as text, and reads tagged tokens by extension or by their tag column', () => {
    expect(formatOfFile('a.ann', '')).toBe('brat')
    expect(formatOfFile('a.txt', '')).toBe('text')
    for (const name of ['a.bio', 'b.BMES', 'c.bioes', 'd.conll']) expect(formatOfFile(name, '中\tO')).toBe('conll')
    // CoNLL-2003 names its files eng.train, eng.testa: their lines end in tags.
    expect(formatOfFile('eng.train', '-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n')).toBe('conll')
    expect(formatOfFile('README', '这是一个说明。\n第二行 O\n第三行\n')).toBe('text')
    // A .txt is text whatever it holds: name its format to read it as tagged tokens.
    expect(formatOfFile('eng.txt', 'EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n')).toBe('text')
  })

  it('reads every JSONL fixture the same whether named or not', () => {
    for (const [format, file] of [['spacy', 'spacy.jsonl'], ['prodigy', 'prodigy.jsonl'], ['clue', 'clue.json']] as const) {
      expect(spansOf(parseJsonlAutoResult(fixture(file), file, defaults).records)).toEqual(spansOf(codecs[format].parse({ name: file, text: fixture(file) }, defaults).records))
    }
  })
})
