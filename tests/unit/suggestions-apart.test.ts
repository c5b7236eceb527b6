import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { exportedText, newProject, utf8 } from './helpers'

// 𠮷0 野1 家2 2 3 月4 2 5 5 6 日7 复8 工9 率10 9 11 1 12 . 13 9 14 % 15 😀16
const TEXT = '𠮷野家2月25日复工率91.9%😀'
// Alice tagged the date; a model run elsewhere predicted the figure and the date. Bob tagged the date too.
const LINES = [
  { id: 'a', text: TEXT, spans: [{ start: 3, end: 8, label: 'date', annotator: 'alice' }, { start: 3, end: 8, label: 'date', annotator: 'bob' }], suggestions: [{ start: 11, end: 16, label: 'metric', score: 0.8 }, { start: 3, end: 8, label: 'date', score: 0.6, source: 'crf' }] },
  { id: 'b', text: `${TEXT}。`, suggestions: [{ start: 11, end: 16, label: 'metric' }] },
]

function project() {
  const created = newProject('alice')
  const report = importFiles(created.workspace.database(), [{ name: 'p.jsonl', bytes: utf8(LINES.map((l) => JSON.stringify(l)).join('\n')) }], { annotator: 'alice' })
  expect(report.imported[0]).toMatchObject({ documents: 2, spans: 2, suggestions: 3 })
  return created
}

describe('suggestions are kept apart from spans', () => {
  it('appear in no export unless asked for with --layer suggestions, where they are spans with their quotes', async () => {
    const { service } = project()
    const everyLayer = await exportedText(service, { format: 'native', layer: 'all' })
    expect(everyLayer.split('\n').filter(Boolean).map((line) => JSON.parse(line).spans.length)).toEqual([2, 0])
    expect(everyLayer).not.toContain('"metric"')
    const suggestions = (await exportedText(service, { format: 'native', layer: 'suggestions' })).split('\n').filter(Boolean).map((line) => JSON.parse(line))
    expect(suggestions.map((r) => r.spans.map((s: { start: number; end: number; label: string; text: string }) => [s.start, s.end, s.label, s.text]))).toEqual([
      [
        [3, 8, 'date', '2月25日'],
        [11, 16, 'metric', '91.9%'],
      ],
      [[11, 16, 'metric', '91.9%']],
    ])
    expect(service['export.preview']({ format: 'native', layer: 'suggestions' }).total).toMatchObject({ spans: 3, labels: { date: 1, metric: 2 } })
  })

  it('count in no agreement, no gold layer and no status', async () => {
    const { service } = project()
    const agreement = service['review.agreement']({ allDocuments: true })
    expect(agreement.annotators).toEqual(['alice', 'bob'])
    expect(agreement.spans).toEqual({ alice: { metric: 0, measure: 0, organization: 0, date: 1 }, bob: { metric: 0, measure: 0, organization: 0, date: 1 } })
    expect(service['review.layers']({}).gold).toMatchObject({ spans: 0 })
    // b has suggestions only: still new.
    expect(service['documents.list']({}).map((d) => [d.id, d.status, d.spanCount])).toEqual([
      ['a', 'in_progress', 2],
      ['b', 'new', 0],
    ])
  })

  it('the imported ones are offered with their source and score, and an accepted one becomes a span in my layer only', async () => {
    const { service } = project()
    const open = await service['suggestions.list']({ documentId: 'b', sources: ['imported'] })
    expect(open.map(({ start, end, label, source, score, text }) => ({ start, end, label, source, score, text }))).toEqual([{ start: 11, end: 16, label: 'metric', source: 'imported', score: 1, text: '91.9%' }])
    // In a: the date is alice's span already, so only the figure is open.
    const inA = await service['suggestions.list']({ documentId: 'a', sources: ['imported', 'crf'] })
    expect(inA.map(({ start, end, label, source, score }) => ({ start, end, label, source, score }))).toEqual([{ start: 11, end: 16, label: 'metric', source: 'imported', score: 0.8 }])
    service['suggestions.accept']({ documentId: 'b', items: [{ start: 11, end: 16, label: 'metric', source: 'imported' }] })
    expect(service['spans.list']({ documentId: 'b' }).map((s) => [s.start, s.end, s.label, s.annotator])).toEqual([[11, 16, 'metric', 'alice']])
    expect(service['review.agreement']({ allDocuments: true }).spans.alice.metric).toBe(1)
  })
})
