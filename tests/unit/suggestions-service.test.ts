import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

// 𠮷 and 😀 are outside the BMP: one code point each, two UTF-16 units each. Offsets counted by hand:
// 𠮷0 野1 家2 2 3 月4 2 5 5 6 日7 复8 工9 率10 9 11 1 12 . 13 9 14 % 15 😀16 ，17 杭18 州19 高20 新21 区22 (23 滨24 江25 )26
const TEXT = '𠮷野家2月25日复工率91.9%😀，杭州高新区(滨江)'
const DATE = { start: 3, end: 8, label: 'date' } // 2月25日
const PERCENT = { start: 11, end: 16, label: 'metric' } // 91.9%

function project(annotator = 'alice') {
  const created = newProject(annotator)
  importFiles(created.workspace.database(), [{ name: 'doc.txt', bytes: utf8(TEXT) }], { annotator })
  return created
}

const keys = (list: Array<{ start: number; end: number; label: string; source: string; text: string }>) => list.map(({ start, end, label, source, text }) => ({ start, end, label, source, text }))

describe('suggestions service', () => {
  it('lists the rules’ suggestions of a document after a character outside the BMP, with their text', async () => {
    const { service } = project()
    expect(keys(await service['suggestions.list']({ documentId: 'doc' }))).toEqual([
      { ...DATE, source: 'rule', text: '2月25日' },
      { ...PERCENT, source: 'rule', text: '91.9%' },
    ])
  })

  it('accepting makes a span in my layer and the suggestion goes; rejecting is remembered after a restart', async () => {
    const { service, workspace, file, dir } = project()
    const spans = service['suggestions.accept']({ documentId: 'doc', items: [{ ...DATE }] })
    expect(spans.map(({ start, end, label, text, annotator }) => ({ start, end, label, text, annotator }))).toEqual([{ ...DATE, text: '2月25日', annotator: 'alice' }])
    expect(service['suggestions.reject']({ documentId: 'doc', items: [{ ...PERCENT }] })).toEqual({ rejected: 1 })
    expect(await service['suggestions.list']({ documentId: 'doc' })).toEqual([])
    workspace.close()

    const reopened = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: file })
    expect(await reopened.service['suggestions.list']({ documentId: 'doc' })).toEqual([])
    expect(reopened.service['suggestions.quality']({})).toEqual([{ source: 'rule', accepted: 1, rejected: 1 }])
    // Another annotator of the same file still sees both: decisions are per layer.
    reopened.workspace.settings.setAnnotator('bob')
    expect((await reopened.service['suggestions.list']({ documentId: 'doc' })).length).toBe(2)
    reopened.workspace.close()
  })

  it('accepts with another label, and forgetting the decision brings the suggestion back', async () => {
    const { service } = project()
    const [span] = service['suggestions.accept']({ documentId: 'doc', items: [{ ...PERCENT, as: 'measure' }] })
    expect(span.label).toBe('measure')
    expect(keys(await service['suggestions.list']({ documentId: 'doc' }))).toEqual([{ ...DATE, source: 'rule', text: '2月25日' }])
    service['spans.removeMany']({ ids: [span.id] })
    expect(service['suggestions.forget']({ documentId: 'doc', items: [{ ...PERCENT }] })).toEqual({ forgotten: 1 })
    expect((await service['suggestions.list']({ documentId: 'doc' })).length).toBe(2)
  })

  it('suggests the project’s dictionary: a text tagged once is offered wherever else it occurs, across scripts', async () => {
    const { service, workspace } = project()
    importFiles(workspace.database(), [{ name: 'two.txt', bytes: utf8('😀杭州高新區(濱江)') }], { annotator: 'alice' })
    service['spans.add']({ documentId: 'doc', start: 18, end: 23, label: 'organization' }) // 杭州高新区
    // 😀0 杭1 州2 高3 新4 區5: the traditional spelling at 1–6.
    const list = await service['suggestions.list']({ documentId: 'two', sources: ['dictionary'] })
    expect(keys(list)).toEqual([{ start: 1, end: 6, label: 'organization', source: 'dictionary', text: '杭州高新區' }])
  })

  it('switches a source off per project', async () => {
    const { service } = project()
    const settings = service['suggestions.configure']({ sources: { rule: false } })
    expect(settings.sources.rule).toBe(false)
    expect(await service['suggestions.list']({ documentId: 'doc' })).toEqual([])
  })
})
