import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { DEFAULT_RELATION_TYPES, type Relation, type Span } from '../../src-main/shared/model'
import { suggestRelations } from '../../src-main/shared/suggest/relations'
import { newProject, utf8 } from './helpers'

// By hand, in code points: 杭州高新區(濱江) 0–9 (濱江 6–8) · 企業復工率91.9% 9–19 · ， 19 · 截至2月25日 20–27 · 。 27 ·
// 😀 28 · 上海市 29–32 · 新增12家企業 32–39 · ！ 39. Two sentences: 0–28 and 28–40.
const TEXT = '杭州高新區(濱江)企業復工率91.9%，截至2月25日。😀上海市新增12家企業！'

const span = (id: number, start: number, end: number, label: string, text: string, annotator = 'alice'): Span => ({
  id,
  documentId: 'd',
  start,
  end,
  label,
  text,
  annotator,
  createdAt: '',
})
const SPANS = [
  span(1, 0, 9, 'organization', '杭州高新區(濱江)'),
  span(2, 6, 8, 'organization', '濱江'),
  span(3, 9, 19, 'metric', '企業復工率91.9%'),
  span(4, 20, 27, 'date', '截至2月25日'),
  span(5, 29, 32, 'organization', '上海市'),
  span(6, 32, 39, 'measure', '新增12家企業'),
  // Bob's layer is not alice's: never a candidate for her metric.
  span(7, 0, 9, 'organization', '杭州高新區(濱江)', 'bob'),
]

describe('suggested relations', () => {
  it('links each metric or measure to the nearest organization and date of its sentence', () => {
    expect(suggestRelations(TEXT, SPANS, [], DEFAULT_RELATION_TYPES)).toEqual([
      // 杭州高新區(濱江) ends where the metric starts (gap 0, score 1); 濱江 is one code point further away.
      { from: 3, to: 1, type: 'holder', source: 'relation', score: 1 },
      // The date starts 1 code point after the metric ends: 1 / (1 + 1/10) = 0.909…, rounded to 0.909.
      { from: 3, to: 4, type: 'time', source: 'relation', score: 0.909 },
      // The measure's sentence is the second: 上海市 touches it; it has no date; the first sentence's are not offered.
      { from: 6, to: 5, type: 'holder', source: 'relation', score: 1 },
    ])
  })

  it('offers nothing for a type the head already has', () => {
    const holder: Relation = { id: 1, documentId: 'd', annotator: 'alice', from: 3, to: 2, type: 'holder', createdAt: '' }
    expect(suggestRelations(TEXT, SPANS, [holder], DEFAULT_RELATION_TYPES).map((s) => [s.from, s.type, s.to])).toEqual([
      [3, 'time', 4],
      [6, 'holder', 5],
    ])
  })

  it('is offered by relations.suggest for my layer, and accepting one is relations.add', () => {
    const { service, workspace } = newProject('alice')
    importFiles(workspace.database(), [{ name: 'd.txt', bytes: utf8(TEXT) }], { annotator: 'alice' })
    const org = service['spans.add']({ documentId: 'd', start: 0, end: 9, label: 'organization' })
    const metric = service['spans.add']({ documentId: 'd', start: 9, end: 19, label: 'metric' })
    const date = service['spans.add']({ documentId: 'd', start: 20, end: 27, label: 'date' })
    const suggested = service['relations.suggest']({ documentId: 'd' })
    expect(suggested.map((s) => [s.from, s.type, s.to])).toEqual([
      [metric.id, 'holder', org.id],
      [metric.id, 'time', date.id],
    ])
    service['relations.add']({ from: suggested[0].from, to: suggested[0].to, type: suggested[0].type })
    expect(service['relations.suggest']({ documentId: 'd' }).map((s) => s.type)).toEqual(['time'])
    expect(() => service['relations.suggest']({ documentId: 'nope' })).toThrow('No document "nope"')
  })
})
