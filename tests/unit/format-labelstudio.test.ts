import { describe, expect, it } from 'vitest'
import { codecs } from '../../src-main/shared/formats'
import { parseJsonWithLines } from '../../src-main/shared/formats/jsonWithLines'
import { inputError } from './helpers'
import { defaults, fixture, record, write } from './format-helpers'

// 𠮷 takes UTF-16 units 0–1, 野 2, 家 3, 营 4, 收 5, 😀 6–7.
const TEXT = '𠮷野家营收😀'

const region = (value: object, extra: object = {}) => ({ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value, ...extra })
const task = (annotations: object[], extra: object = {}) => ({ id: 1, data: { text: TEXT }, annotations, ...extra })

/** Tasks pretty-printed as Label Studio exports them, so each region sits on its own lines. */
const file = (tasks: unknown) => JSON.stringify(tasks, null, 2)

function parse(content: string) {
  return codecs.labelstudio.parse({ name: 'tasks.json', text: content }, defaults)
}

function failure(content: string): { line?: number; reason: string } {
  const error = inputError(() => parse(content))
  expect(error.file).toBe('tasks.json')
  return { line: error.line, reason: error.reason }
}

describe('labelstudio import', () => {
  it('reads the fixture: one annotation per annotator, named by the email of completed_by', () => {
    const { records } = parse(fixture('labelstudio.json'))
    expect(records.map((r) => r.id)).toEqual(['100', '101'])
    expect(records[0].spans.map((s) => `${s.annotator} ${s.start}–${s.end}`)).toEqual([
      'alice@example.com 0–3',
      'alice@example.com 3–8',
      'alice@example.com 8–17',
      'alice@example.com 18–27',
      'bob@example.com 18–23',
    ])
  })

  it('turns UTF-16 offsets into code points: 😀 at units 6–8 is code point 5–6', () => {
    const { records } = parse(file([task([{ result: [region({ start: 6, end: 8, text: '😀', labels: ['measure'] })] }])]))
    expect(records[0].spans).toEqual([{ start: 5, end: 6, label: 'measure', text: '😀', annotator: 'zed' }])
  })

  it('names annotators from created_username ("name, id") or a numeric completed_by, and reads legacy completions', () => {
    const annotations = [
      { created_username: ' carol@example.com, 3', completed_by: 3, result: [region({ start: 0, end: 2, labels: ['a'] })] },
      { completed_by: 4, result: [region({ start: 0, end: 2, labels: ['a'] })] },
    ]
    expect(parse(file([task(annotations)])).records[0].spans.map((s) => s.annotator)).toEqual(['carol@example.com', 'label-studio-user-4'])
    const legacy = { data: { text: TEXT }, completions: [{ result: [region({ start: 2, end: 4, labels: ['b'] })] }] }
    expect(parse(file([legacy])).records[0].spans[0]).toMatchObject({ start: 1, end: 3, text: '野家' })
  })

  it('reads a task without `data` as the data itself, as Label Studio does', () => {
    const { records } = parse(file([{ text: TEXT, source: 'web', annotations: [] }]))
    expect(records[0]).toMatchObject({ id: 'tasks-1', text: TEXT, meta: { source: 'web' } })
  })

  it('reports what it leaves out: cancelled annotations, other result types (predictions are suggestions now)', () => {
    const content = file([
      task(
        [
          { was_cancelled: true, result: [region({ start: 0, end: 2, labels: ['a'] })] },
          { result: [{ type: 'choices', value: { choices: ['x'] } }, region({ start: 0, end: 2, labels: ['a'] })] },
        ],
        { predictions: [{ result: [] }] },
      ),
    ])
    const { records, warnings } = parse(content)
    expect(records[0].spans).toHaveLength(1)
    expect(warnings).toEqual([
      { file: 'tasks.json', line: 8, reason: 'task 1, annotation 1 was cancelled (skipped), so it is not imported' },
      { file: 'tasks.json', line: 28, reason: 'skipped 1 result(s) of type "choices" (only "labels" regions are spans), line 28' },
    ])
    expect(records[0].suggestions).toBeUndefined()
  })

  it('refuses code-point offsets where UTF-16 units belong: the quoted text does not match', () => {
    const content = file([task([{ result: [region({ start: 3, end: 5, text: '营收', labels: ['metric'] })] }])])
    expect(failure(content)).toEqual({ line: 10, reason: 'task 1, annotation 1, result 1: value.text is "营收" but the text at 3–5 (UTF-16) is "家营"' })
  })

  it.each([
    [{ start: 1, end: 4, labels: ['x'] }, 'task 1, annotation 1, result 1: offset 1 falls inside "𠮷", which takes two UTF-16 units'],
    [{ start: 6, end: 9, labels: ['x'] }, "task 1, annotation 1, result 1: value.start 6 and value.end 9 must satisfy 0 ≤ start < end ≤ 8, the text's length in UTF-16 units"],
    [{ start: 0, end: 2 }, 'task 1, annotation 1, result 1: value.labels is missing'],
    [{ start: '0', end: 2, labels: ['x'] }, 'task 1, annotation 1, result 1: value.start must be a number, not the string "0"'],
  ])('refuses the region %j on its line', (value, reason) => {
    expect(failure(file([task([{ result: [region(value)] }])]))).toEqual({ line: 10, reason })
  })

  it('refuses a task without data.text, and a file that is neither a list of tasks nor one task', () => {
    expect(failure(file([task([]), { data: { body: 'x' } }]))).toEqual({ line: 9, reason: 'task 2 data: no "text" field: it has the key "body"; if another field holds the text, name it with --text-field' })
    expect(failure(file(42))).toEqual({ line: 1, reason: 'a Label Studio export is a JSON list of tasks, [ {"data": {"text": …}, "annotations": […]}, … ], or one such task' })
    expect(failure(file([]))).toEqual({ line: 1, reason: 'holds no tasks: the list is empty' })
  })

  it('refuses malformed JSON with its line and column', () => {
    expect(failure('[\n  {"data": {"text": "x"}},\n  }\n]')).toEqual({ line: 3, reason: 'malformed JSON: unexpected "}" at column 3' })
    expect(failure('[{"data": {"text": "x\n"}}]')).toEqual({ line: 1, reason: 'malformed JSON: line break inside a string at column 22' })
  })
})

describe('labelstudio export', () => {
  it("writes a JSON list, one task a line, each annotator's spans as one annotation with UTF-16 offsets", () => {
    const doc = record(TEXT, [[5, 6, 'measure', 'bob'], [0, 3, 'organization', 'alice'], [3, 5, 'metric', 'bob']])
    const text = write('labelstudio', [doc, record('杭州', [], 'd2')]).text
    expect(text.split('\n')).toEqual(['[', expect.stringMatching(/^\{.*\},$/), expect.stringMatching(/^\{.*\}$/), ']', ''])
    const tasks = JSON.parse(text)
    expect(tasks[1]).toEqual({ data: { text: '杭州', id: 'd2' }, annotations: [] })
    expect(tasks[0].annotations.map((a: { created_username: string; result: Array<{ value: object }> }) => [a.created_username, a.result.map((r) => r.value)])).toEqual([
      ['alice', [{ start: 0, end: 4, text: '𠮷野家', labels: ['organization'] }]],
      [
        'bob',
        [
          { start: 4, end: 6, text: '营收', labels: ['metric'] },
          { start: 6, end: 8, text: '😀', labels: ['measure'] },
        ],
      ],
    ])
    expect(tasks[0].annotations[0].result[0]).toMatchObject({ from_name: 'label', to_name: 'text', type: 'labels' })
  })

  it('writes an empty list for no documents', () => {
    expect(write('labelstudio', []).text).toBe('[]\n')
  })
})

describe('JSON with lines', () => {
  it('knows the line each object and list starts on, and keeps "__proto__" as a plain key', () => {
    const { value, lineOf } = parseJsonWithLines('\uFEFF[\n  {"a": [1, -2.5e3, true, null, "\\u00e9\\n"]},\n\n  {"__proto__": {"x": 1}}\n]', 'f.json')
    const [first, second] = value as [{ a: unknown[] }, Record<string, unknown>]
    expect(first.a).toEqual([1, -2500, true, null, 'é\n'])
    expect([lineOf(value as object), lineOf(first), lineOf(first.a), lineOf(second)]).toEqual([1, 2, 2, 4])
    expect(Object.keys(second)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(second)).toBe(Object.prototype)
  })

  it.each([
    ['{"a": 1', 'f.json:1: malformed JSON: unexpected end of file at column 8'],
    ['[1, 2] x', 'f.json:1: malformed JSON: unexpected "x" at column 8'],
    ['["a\\x"]', 'f.json:1: malformed JSON: bad string'],
    ['{"a" 1}', 'f.json:1: malformed JSON: unexpected "1" at column 6'],
    ['[01]', 'f.json:1: malformed JSON: unexpected "1" at column 3'],
  ])('refuses %j', (content, message) => {
    expect(() => parseJsonWithLines(content, 'f.json')).toThrow(message)
  })
})
