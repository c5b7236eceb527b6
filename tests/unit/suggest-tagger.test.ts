import { describe, expect, it } from 'vitest'
import { InputError } from '../../src-main/shared/errors'
import { spansOf, tagsOf } from '../../src-main/shared/suggest/tagger/bio'
import { CharacterTagger, learningCurve, modelSource, scoreSpans, splitDocuments, type TrainingDocument } from '../../src-main/shared/suggest/tagger'

// Dates of one shape in sentences of report words: enough for the tagger to learn the shape, not the examples.
const DATES: TrainingDocument[] = [
  { text: '2月3日全区企业开工。', spans: [{ start: 0, end: 4, label: 'date' }] },
  { text: '截至3月15日，复工率达到九成。', spans: [{ start: 2, end: 7, label: 'date' }] },
  { text: '区发改局1月23日发布通知。', spans: [{ start: 4, end: 9, label: 'date' }] },
  { text: '4月8日召开新闻发布会。', spans: [{ start: 0, end: 4, label: 'date' }] },
  { text: '自12月1日起实施新政策。', spans: [{ start: 1, end: 6, label: 'date' }] },
  { text: '园区于6月30日全面复产。', spans: [{ start: 3, end: 8, label: 'date' }] },
  { text: '企业在7月2日收到补贴资金。', spans: [{ start: 3, end: 7, label: 'date' }] },
  { text: '11月11日前完成审批。', spans: [{ start: 0, end: 6, label: 'date' }] },
]

const train = (seed = 1) => CharacterTagger.train(DATES, { seed, epochs: 8, bits: 16 })

describe('the character tagger', () => {
  it('learns a toy label from a few documents and finds it in a new sentence, past 𠮷', () => {
    const tagger = train()
    // 𠮷=0 据=1 悉=2 5=3 月=4 2=5 0=6 日=7 开=8 放=9
    expect(tagger.tag('𠮷据悉5月20日开放。').map(({ start, end, label }) => ({ start, end, label }))).toEqual([{ start: 3, end: 8, label: 'date' }])
  })

  it('trains the same model, byte for byte, from the same seed, and another from another seed', () => {
    const bytes = train(7).save()
    expect(Buffer.from(train(7).save()).equals(Buffer.from(bytes))).toBe(true)
    expect(Buffer.from(train(8).save()).equals(Buffer.from(bytes))).toBe(false)
  })

  it('tags the same after saving and loading, and saves the same bytes again', () => {
    const tagger = train()
    const loaded = CharacterTagger.load(tagger.save(), 'dates.model')
    const texts = ['𠮷据悉5月20日开放。', '😀企业9月9日复工，10月1日放假。', '没有日期的句子。']
    expect(texts.map((t) => loaded.tag(t))).toEqual(texts.map((t) => tagger.tag(t)))
    expect(Buffer.from(loaded.save()).equals(Buffer.from(tagger.save()))).toBe(true)
    expect(loaded.labels).toEqual(['date'])
    expect(loaded.training).toMatchObject({ documents: 8, spans: 8, droppedSpans: 0, epochs: 8, seed: 1 })
  })

  it('is a suggestion source named model, with scores between 0 and 1', () => {
    const [suggestion, ...rest] = modelSource(train()).suggest('据悉5月20日开放。', 'doc-9')
    expect(rest).toEqual([])
    expect(suggestion).toMatchObject({ documentId: 'doc-9', start: 2, end: 7, label: 'date', source: 'model' })
    expect(suggestion.score).toBeGreaterThan(0)
    expect(suggestion.score).toBeLessThanOrEqual(1)
  })

  it('refuses a file that is not a model, a cut one and one from a newer Factspan, naming the file', () => {
    const bytes = train().save()
    expect(() => CharacterTagger.load(new TextEncoder().encode('{"label": "date"}'), 'patterns.jsonl')).toThrow(
      new InputError('patterns.jsonl', undefined, 'not a Factspan tagger model (it does not start with FSTG)'),
    )
    expect(() => CharacterTagger.load(bytes.subarray(0, bytes.length - 3), 'cut.model')).toThrow('cut.model: the model file is cut short inside its weights')
    const length = new DataView(bytes.buffer).getUint32(4, true)
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)))
    const newer = new TextEncoder().encode(JSON.stringify({ ...header, version: 99 }))
    const future = new Uint8Array(8 + newer.length + bytes.length - 8 - length)
    future.set(bytes.subarray(0, 4))
    new DataView(future.buffer).setUint32(4, newer.length, true)
    future.set(newer, 8)
    future.set(bytes.subarray(8 + length), 8 + newer.length)
    expect(() => CharacterTagger.load(future, 'future.model')).toThrow('future.model: the model is version 99, made by a newer Factspan; this one reads version 1')
  })

  it('refuses documents without spans', () => {
    expect(() => CharacterTagger.train([{ text: '没有标注。', spans: [] }])).toThrow('there is nothing to learn: the documents have no spans')
  })
})

describe('BIO tags', () => {
  it('keeps the longest of overlapping spans and says how many it dropped', () => {
    const labels = new Map([
      ['organization', 0],
      ['metric', 1],
    ])
    const { tags, dropped } = tagsOf(
      [
        { start: 0, end: 5, label: 'organization' },
        { start: 0, end: 8, label: 'metric' },
        { start: 9, end: 11, label: 'organization' },
        { start: 9, end: 10, label: 'unknown' },
      ],
      12,
      labels,
    )
    expect([...tags]).toEqual([3, 4, 4, 4, 4, 4, 4, 4, 0, 1, 2, 0])
    expect(dropped).toBe(2)
    expect(spansOf(tags, ['organization', 'metric'])).toEqual([
      { start: 0, end: 8, label: 'metric' },
      { start: 9, end: 11, label: 'organization' },
    ])
  })

  it('reads an I without its B as the start of a span, as conlleval does', () => {
    expect(spansOf([0, 2, 2, 4, 0], ['a', 'b'])).toEqual([
      { start: 1, end: 3, label: 'a' },
      { start: 3, end: 4, label: 'b' },
    ])
  })
})

describe('evaluation', () => {
  it('scores exact spans per label and overall', () => {
    const evaluation = scoreSpans(
      [
        {
          gold: [
            { start: 0, end: 4, label: 'date' },
            { start: 5, end: 9, label: 'metric' },
          ],
          predicted: [
            { start: 0, end: 4, label: 'date' },
            { start: 5, end: 8, label: 'metric' },
            { start: 10, end: 12, label: 'date' },
          ],
        },
        { gold: [{ start: 1, end: 3, label: 'date' }], predicted: [{ start: 1, end: 3, label: 'date' }] },
      ],
      ['date', 'metric'],
    )
    // date: 2 right of 3 found, of 2 gold; metric: 0 right of 1 found, of 1 gold; all: 2 of 4 found, of 3 gold.
    expect(evaluation.labels).toEqual([
      { label: 'date', precision: 2 / 3, recall: 1, f1: expect.closeTo(0.8, 12), gold: 2, predicted: 3, correct: 2 },
      { label: 'metric', precision: 0, recall: 0, f1: 0, gold: 1, predicted: 1, correct: 0 },
    ])
    expect(evaluation.micro).toEqual({ label: 'all', precision: 0.5, recall: 2 / 3, f1: expect.closeTo(4 / 7, 12), gold: 3, predicted: 4, correct: 2 })
    expect(evaluation.documents).toBe(2)
  })

  it('splits documents the same way for a seed, holding out the share asked for', () => {
    const documents = Array.from({ length: 20 }, (_, i) => i)
    const first = splitDocuments(documents, 0.1, 3)
    expect(first.heldOut).toHaveLength(2)
    expect(first.training).toHaveLength(18)
    expect(splitDocuments(documents, 0.1, 3)).toEqual(first)
    expect([...first.training, ...first.heldOut].sort((a, b) => a - b)).toEqual(documents)
    expect(() => splitDocuments(documents, 1, 3)).toThrow('the held-out share must be at least 0 and below 1, not 1')
  })

  it('draws a learning curve over growing shares of the training part', () => {
    const curve = learningCurve(DATES.slice(0, 6), DATES.slice(6), [0.5, 1], { epochs: 4, bits: 16 })
    expect(curve.map((p) => [p.share, p.documents, p.evaluation.documents])).toEqual([
      [0.5, 3, 2],
      [1, 6, 2],
    ])
  })
})
