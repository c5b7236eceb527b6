import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

// By hand: 𠮷 0 · 野家 1–3 · 2月25日 3–8 · 复工率91.9% 8–16 · 😀 16 · ， 17 · 杭州高新区(滨江) 18–27.
const TEXT = '𠮷野家2月25日复工率91.9%😀，杭州高新区(滨江)'

function projectWithSpans() {
  const project = newProject('alice')
  importFiles(project.workspace.database(), [{ name: 'doc.txt', bytes: utf8(TEXT) }], { annotator: 'alice' })
  const { service } = project
  const date = service['spans.add']({ documentId: 'doc', start: 3, end: 8, label: 'date' })
  const metric = service['spans.add']({ documentId: 'doc', start: 8, end: 17, label: 'metric' })
  const org = service['spans.add']({ documentId: 'doc', start: 18, end: 27, label: 'organization' })
  return { ...project, date, metric, org }
}

describe('relations', () => {
  it('links a metric to its organization and date, in the spans\' layer, and lists them', () => {
    const { service, metric, org, date } = projectWithSpans()
    const holder = service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    expect(holder).toMatchObject({ documentId: 'doc', annotator: 'alice', from: metric.id, to: org.id, type: 'holder' })
    const time = service['relations.add']({ from: metric.id, to: date.id, type: 'time' })
    // Linking again returns the relation made before.
    expect(service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })).toEqual(holder)
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([holder, time])
    expect(service['relations.list']({ documentId: 'doc', annotator: 'bob' })).toEqual([])
  })

  it('refuses a link its type does not allow, to itself, or across layers, saying why', () => {
    const { service, workspace, metric, org, date } = projectWithSpans()
    expect(() => service['relations.add']({ from: org.id, to: metric.id, type: 'holder' })).toThrow(
      'A "holder" relation starts at metric or measure, not at “杭州高新区(滨江)” (organization).',
    )
    expect(() => service['relations.add']({ from: metric.id, to: date.id, type: 'holder' })).toThrow('ends at organization, not at “2月25日” (date)')
    expect(() => service['relations.add']({ from: metric.id, to: metric.id, type: 'time' })).toThrow('two different spans')
    expect(() => service['relations.add']({ from: metric.id, to: 999, type: 'time' })).toThrow('No span 999')
    expect(() => service['relations.add']({ from: metric.id, to: date.id, type: 'when' })).toThrow('No relation type "when"')
    workspace.settings.setAnnotator('bob')
    const bobs = service['spans.add']({ documentId: 'doc', start: 3, end: 8, label: 'date' })
    expect(() => service['relations.add']({ from: metric.id, to: bobs.id, type: 'time' })).toThrow("in alice's layer and span")
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([])
  })

  it('removes a relation and puts it back with its id', () => {
    const { service, metric, org } = projectWithSpans()
    const holder = service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    expect(service['relations.remove']({ id: holder.id })).toEqual(holder)
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([])
    expect(service['relations.restoreMany']({ relations: [holder] })).toEqual([holder])
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([holder])
    expect(() => service['relations.restoreMany']({ relations: [holder] })).toThrow('exists already')
  })

  it('retypes a relation within what the new type allows', () => {
    const { service, metric, org } = projectWithSpans()
    const holder = service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    expect(() => service['relations.retype']({ id: holder.id, type: 'time' })).toThrow('ends at date')
    service['relationTypes.add']({ name: 'located_in', toLabels: ['organization'] })
    expect(service['relations.retype']({ id: holder.id, type: 'located_in' })).toMatchObject({ id: holder.id, type: 'located_in' })
  })
})

describe('relation types', () => {
  it('starts with holder, time and result_of, each with a hotkey', () => {
    const { service } = newProject()
    expect(service['relationTypes.list']({}).map((t) => [t.name, t.hotkey, t.fromLabels, t.toLabels])).toEqual([
      ['holder', '1', ['metric', 'measure'], ['organization']],
      ['time', '2', ['metric', 'measure'], ['date']],
      ['result_of', '3', ['metric'], ['measure']],
    ])
  })

  it('adds a type with the next free hotkey and refuses a taken name or hotkey', () => {
    const { service } = newProject()
    const types = service['relationTypes.add']({ name: 'source' })
    expect(types[3]).toMatchObject({ name: 'source', hotkey: '4', fromLabels: [], toLabels: [] })
    expect(() => service['relationTypes.add']({ name: 'source' })).toThrow('exists already')
    expect(() => service['relationTypes.add']({ name: 'other', hotkey: '1' })).toThrow('already the hotkey of "holder"')
  })

  it('carries a rename to every relation of the type', () => {
    const { service, metric, org } = projectWithSpans()
    service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    const holder = service['relationTypes.list']({})[0]
    service['relationTypes.update']({ name: 'holder', type: { ...holder, name: 'owner' } })
    expect(service['relations.list']({ documentId: 'doc' }).map((r) => r.type)).toEqual(['owner'])
    expect(service['relationTypes.list']({}).map((t) => t.name)).toEqual(['owner', 'time', 'result_of'])
  })

  it('removes a type with its relations, and undo puts both back at their place', () => {
    const { service, metric, org, date } = projectWithSpans()
    const holder = service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    const time = service['relations.add']({ from: metric.id, to: date.id, type: 'time' })
    const removal = service['relationTypes.remove']({ name: 'holder' })
    expect(removal).toMatchObject({ position: 0, relations: [holder] })
    expect(removal.types.map((t) => t.name)).toEqual(['time', 'result_of'])
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([time])
    const types = service['relationTypes.restore']({ type: removal.type, position: removal.position, relations: removal.relations })
    expect(types.map((t) => t.name)).toEqual(['holder', 'time', 'result_of'])
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([holder, time])
  })
})

describe('relations and span edits', () => {
  it('deleting a span deletes its relations; undo puts the span back, then its relations', () => {
    const { service, metric, org, date } = projectWithSpans()
    const holder = service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    const time = service['relations.add']({ from: metric.id, to: date.id, type: 'time' })
    service['spans.remove']({ id: org.id })
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([time])
    service['spans.restore']({ span: org })
    service['relations.restoreMany']({ relations: [holder] })
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([holder, time])
    service['spans.removeMany']({ ids: [metric.id] })
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([])
  })

  it('review.layers counts relations per layer', () => {
    const { service, metric, org } = projectWithSpans()
    service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    expect(service['review.layers']({}).annotators).toEqual([{ name: 'alice', spans: 3, documents: 1, finished: 0, relations: 1 }])
  })
})
