import { describe, expect, it } from 'vitest'
import { dispatcher } from '../../src-main/bridge/dispatch'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { HOTKEY_ORDER } from '../../src-main/shared/hotkeys'
import { newProject, utf8 } from './helpers'

const TEXT = '𠮷野家截至2月25日復工率91.9%😀'

function projectWithDocuments() {
  const project = newProject('alice')
  importFiles(
    project.workspace.database(),
    [
      { name: 'one.txt', bytes: utf8(TEXT) },
      { name: 'two.txt', bytes: utf8(`杭州${TEXT}`) },
    ],
    { annotator: 'alice' },
  )
  return project
}

const names = (labels: Array<{ name: string }>) => labels.map((l) => l.name)

describe('the label set', () => {
  it('starts with the four default labels and their hotkeys', async () => {
    const { service } = newProject()
    expect((await service['labels.list']({})).map((l) => [l.name, l.hotkey])).toEqual([
      ['metric', '1'],
      ['measure', '2'],
      ['organization', '3'],
      ['date', '4'],
    ])
  })

  it('adds a label at the end with the first free hotkey, a colour and a description', async () => {
    const { service } = newProject()
    const labels = await service['labels.add']({ name: ' person ', description: '人名' })
    expect(labels.at(-1)).toEqual({ name: 'person', color: expect.stringMatching(/^#[0-9a-f]{6}$/), hotkey: '5', description: '人名' })
  })

  it('gives 20 labels working hotkeys: 1–9, 0, then letters the editor does not use', async () => {
    const { service } = newProject()
    for (let i = 5; i <= 20; i++) await service['labels.add']({ name: `label${i}` })
    const labels = await service['labels.list']({})
    expect(labels).toHaveLength(20)
    expect(labels.map((l) => l.hotkey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'])
    expect(new Set(labels.map((l) => l.hotkey)).size).toBe(20)
    expect(HOTKEY_ORDER).not.toContain('a')
    expect(HOTKEY_ORDER).not.toContain('l')
  })

  it('keeps hotkeys unique and refuses editor keys and anything but one digit or letter', async () => {
    const { service } = newProject()
    expect(() => service['labels.add']({ name: 'person', hotkey: '1' })).toThrow(/"1" is already the hotkey of "metric"/)
    expect(() => service['labels.add']({ name: 'person', hotkey: 'a' })).toThrow(/"a" is an editor shortcut/)
    expect(() => service['labels.add']({ name: 'person', hotkey: '[' })).toThrow(/use one digit or one letter/)
    const metric = (await service['labels.list']({}))[0]
    expect(() => service['labels.update']({ name: 'metric', label: { ...metric, hotkey: '2' } })).toThrow(/already the hotkey of "measure"/)
    // Upper case is the same key.
    const labels = await service['labels.update']({ name: 'metric', label: { ...metric, hotkey: 'M' } })
    expect(labels[0].hotkey).toBe('m')
    expect((await service['labels.update']({ name: 'metric', label: { ...labels[0], hotkey: '' } }))[0].hotkey).toBe('')
  })

  it('refuses a name that exists already and a colour that is not one', async () => {
    const { service } = newProject()
    expect(() => service['labels.add']({ name: 'date' })).toThrow(/A label "date" exists already/)
    const metric = (await service['labels.list']({}))[0]
    expect(() => service['labels.update']({ name: 'metric', label: { ...metric, name: 'date' } })).toThrow(/exists already/)
    expect(() => service['labels.update']({ name: 'person', label: metric })).toThrow(/No label "person"/)
    const refused = await dispatcher(service)('labels.add', { name: 'person', color: 'red' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringMatching(/hex colour such as #f59e0b.*at color/s) } })
  })

  it('recolours, describes and reorders', async () => {
    const { service } = newProject()
    const date = (await service['labels.list']({}))[3]
    const labels = await service['labels.update']({ name: 'date', label: { ...date, color: '#123456', description: '日期' } })
    expect(labels[3]).toMatchObject({ name: 'date', color: '#123456', description: '日期' })
    const reordered = await service['labels.reorder']({ names: ['date', 'metric', 'measure', 'organization'] })
    expect(names(reordered)).toEqual(['date', 'metric', 'measure', 'organization'])
    expect(() => service['labels.reorder']({ names: ['date', 'metric'] })).toThrow(/must name every label once/)
    expect(() => service['labels.reorder']({ names: ['date', 'date', 'metric', 'measure'] })).toThrow(/must name every label once/)
  })
})

describe('renaming a label', () => {
  it('relabels every span that has it, in every document and layer', async () => {
    const { service, workspace } = projectWithDocuments()
    await service['spans.add']({ documentId: 'one', start: 0, end: 3, label: 'organization' })
    await service['spans.add']({ documentId: 'two', start: 0, end: 2, label: 'organization' })
    workspace.settings.setAnnotator('bob')
    await service['spans.add']({ documentId: 'one', start: 5, end: 10, label: 'date' })
    await service['spans.add']({ documentId: 'one', start: 0, end: 3, label: 'organization' })
    const organization = (await service['labels.list']({}))[2]
    const labels = await service['labels.update']({ name: 'organization', label: { ...organization, name: '機構' } })
    expect(names(labels)).toEqual(['metric', 'measure', '機構', 'date'])
    const spans = [...(await service['spans.list']({ documentId: 'one' })), ...(await service['spans.list']({ documentId: 'two' }))]
    expect(spans.map((s) => [s.documentId, s.annotator, s.text, s.label])).toEqual([
      ['one', 'alice', '𠮷野家', '機構'],
      ['one', 'bob', '𠮷野家', '機構'],
      ['one', 'bob', '2月25日', 'date'],
      ['two', 'alice', '杭州', '機構'],
    ])
    expect((await service['project.stats']({})).byLabel).toEqual({ 機構: 3, date: 1 })
  })
})

describe('deleting a label', () => {
  it('puts the gold layer\'s spans of it back too when the deletion is undone', async () => {
    const { service, workspace } = projectWithDocuments()
    const mine = await service['spans.add']({ documentId: 'one', start: 0, end: 3, label: 'organization' })
    const [gold] = service['review.editGold']({ documentId: 'one', add: [{ start: 0, end: 3, label: 'organization' }], remove: [] }).added
    expect(gold.annotator).toBe('gold')
    const removal = await service['labels.remove']({ name: 'organization' })
    expect(removal.spans.map((s) => s.annotator).sort()).toEqual(['alice', 'gold'])
    await service['labels.restore']({ label: removal.label, position: removal.position, spans: removal.spans })
    expect(await service['spans.list']({ documentId: 'one', annotator: 'gold' })).toEqual([gold])
    expect(await service['spans.list']({ documentId: 'one', annotator: 'alice' })).toEqual([mine])
    // Putting gold spans back stays the undo of a label's removal: as an annotator's own edit it is refused.
    await service['spans.remove']({ id: mine.id })
    expect(() => service['spans.restoreMany']({ spans: [{ ...gold, id: gold.id + 100, start: 3, end: 5, text: '' }] })).toThrow(/gold layer/)
    workspace.close()
  })

  it('reports how many spans it would remove, removes them with it, and restores both', async () => {
    const { service, workspace, file, dir } = projectWithDocuments()
    const a = await service['spans.add']({ documentId: 'one', start: 0, end: 3, label: 'organization' })
    const b = await service['spans.add']({ documentId: 'two', start: 0, end: 2, label: 'organization' })
    const kept = await service['spans.add']({ documentId: 'one', start: 5, end: 10, label: 'date' })
    expect(await service['labels.usage']({ name: 'organization' })).toEqual({ spans: 2, documents: 2 })
    expect(await service['labels.usage']({ name: 'metric' })).toEqual({ spans: 0, documents: 0 })

    const removal = await service['labels.remove']({ name: 'organization' })
    expect(removal.position).toBe(2)
    expect(removal.spans.map((s) => s.id).sort()).toEqual([a.id, b.id].sort())
    expect(names(removal.labels)).toEqual(['metric', 'measure', 'date'])
    expect(await service['spans.list']({ documentId: 'one' })).toEqual([kept])
    expect(() => service['spans.add']({ documentId: 'one', start: 0, end: 3, label: 'organization' })).toThrow(/No label "organization"/)

    const restored = await service['labels.restore']({ label: removal.label, position: removal.position, spans: removal.spans })
    expect(names(restored)).toEqual(['metric', 'measure', 'organization', 'date'])
    expect(restored[2]).toEqual(removal.label)
    workspace.close()
    const reopened = createService({ settingsFile: `${dir}/settings.json`, projectPath: file })
    expect(await reopened.service['spans.list']({ documentId: 'one' })).toEqual([a, kept])
    expect(await reopened.service['spans.list']({ documentId: 'two' })).toEqual([b])
    reopened.workspace.close()
  })

  it('restores nothing when the label is back already', async () => {
    const { service } = projectWithDocuments()
    await service['spans.add']({ documentId: 'one', start: 0, end: 3, label: 'organization' })
    const removal = await service['labels.remove']({ name: 'organization' })
    await service['labels.add']({ name: 'organization', hotkey: '3' })
    expect(() => service['labels.restore']({ label: removal.label, position: removal.position, spans: removal.spans })).toThrow(/exists already/)
    expect(await service['spans.list']({ documentId: 'one' })).toEqual([])
  })
})
