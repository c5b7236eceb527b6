import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

// 𠮷 and 😀 are outside the BMP: one code point each, two UTF-16 units each.
const TEXT = '𠮷野家2月25日复工率91.9%😀，杭州高新区(滨江)'

function projectWithDocument() {
  const project = newProject('alice')
  importFiles(project.workspace.database(), [{ name: 'doc.txt', bytes: utf8(TEXT) }], { annotator: 'alice' })
  return project
}

describe('spans', () => {
  it('stores code-point offsets and quotes the text after a character outside the BMP', async () => {
    const { service } = projectWithDocument()
    const span = await service['spans.add']({ documentId: 'doc', start: 3, end: 8, label: 'date' })
    expect(span).toMatchObject({ start: 3, end: 8, text: '2月25日', label: 'date', annotator: 'alice' })
    const emoji = await service['spans.add']({ documentId: 'doc', start: 8, end: 17, label: 'metric' })
    expect(emoji.text).toBe('复工率91.9%😀')
  })

  it('keeps overlapping spans and lists them in text order', async () => {
    const { service } = projectWithDocument()
    await service['spans.add']({ documentId: 'doc', start: 18, end: 27, label: 'organization' })
    await service['spans.add']({ documentId: 'doc', start: 18, end: 23, label: 'organization' })
    await service['spans.add']({ documentId: 'doc', start: 0, end: 1, label: 'measure' })
    const spans = await service['spans.list']({ documentId: 'doc' })
    expect(spans.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 1, '𠮷'],
      [18, 23, '杭州高新区'],
      [18, 27, '杭州高新区(滨江)'],
    ])
  })

  it('refuses spans outside the text, empty spans and unknown labels', async () => {
    const { service } = projectWithDocument()
    expect(() => service['spans.add']({ documentId: 'doc', start: 20, end: 28, label: 'metric' })).toThrow(/outside document "doc" \(length 27\)/)
    expect(() => service['spans.add']({ documentId: 'doc', start: 3, end: 3, label: 'metric' })).toThrow(/outside/)
    expect(() => service['spans.add']({ documentId: 'doc', start: 0, end: 2, label: 'person' })).toThrow(/No label "person"/)
    expect(() => service['spans.add']({ documentId: 'nope', start: 0, end: 2, label: 'metric' })).toThrow(/No document "nope"/)
  })

  it('removes a span and restores it with the same id, for undo', async () => {
    const { service } = projectWithDocument()
    const span = await service['spans.add']({ documentId: 'doc', start: 0, end: 3, label: 'organization' })
    await service['spans.remove']({ id: span.id })
    expect(await service['spans.list']({ documentId: 'doc' })).toEqual([])
    const restored = await service['spans.restore']({ span })
    expect(restored).toEqual(span)
    expect(() => service['spans.restore']({ span })).toThrow(/exists already/)
  })

  it('relabels a span', async () => {
    const { service } = projectWithDocument()
    const span = await service['spans.add']({ documentId: 'doc', start: 3, end: 8, label: 'metric' })
    expect((await service['spans.relabel']({ id: span.id, label: 'date' })).label).toBe('date')
  })

  it('is saved at once: a reopened project has every edit', async () => {
    const { service, workspace, file, dir } = projectWithDocument()
    await service['spans.add']({ documentId: 'doc', start: 3, end: 8, label: 'date' })
    await service['documents.setDone']({ id: 'doc', done: true })
    workspace.close()
    const reopened = createService({ settingsFile: `${dir}/settings.json`, projectPath: file })
    expect((await reopened.service['spans.list']({ documentId: 'doc' })).map((s) => s.text)).toEqual(['2月25日'])
    expect((await reopened.service['documents.list']({}))[0].status).toBe('done')
    reopened.workspace.close()
  })
})

describe('documents', () => {
  it('derive their status: new, in progress once tagged, done when marked', async () => {
    const { service } = projectWithDocument()
    expect((await service['documents.list']({}))[0]).toMatchObject({ status: 'new', spanCount: 0, length: 27 })
    const span = await service['spans.add']({ documentId: 'doc', start: 0, end: 1, label: 'measure' })
    expect((await service['documents.list']({}))[0]).toMatchObject({ status: 'in_progress', spanCount: 1 })
    await service['documents.setDone']({ id: 'doc', done: true })
    expect(await service['documents.list']({ status: 'done' })).toHaveLength(1)
    expect(await service['documents.list']({ status: 'in_progress' })).toHaveLength(0)
    await service['documents.setDone']({ id: 'doc', done: false })
    await service['spans.remove']({ id: span.id })
    expect((await service['documents.list']({}))[0].status).toBe('new')
  })

  it('are searched by title and followed by the next one not done, wrapping around', async () => {
    const { service, workspace } = newProject()
    const files = ['a', 'b', 'c'].map((name) => ({ name: `${name}.txt`, bytes: utf8(`${name.toUpperCase()} 标题\n正文`) }))
    importFiles(workspace.database(), files, { annotator: 'alice' })
    expect((await service['documents.list']({ query: 'b 标' })).map((d) => d.id)).toEqual(['b'])
    await service['documents.setDone']({ id: 'c', done: true })
    expect(await service['documents.next']({ after: 'b' })).toBe('a')
    expect(await service['documents.next']({ after: 'a' })).toBe('b')
    await service['documents.setDone']({ id: 'a', done: true })
    await service['documents.setDone']({ id: 'b', done: true })
    expect(await service['documents.next']({ after: 'a' })).toBeNull()
  })
})

describe('projects', () => {
  it('creates a project with the default labels, refuses to create over an existing file, and opens it instead', () => {
    const { service, file, dir } = newProject()
    const other = `${dir}/second.factspan`
    expect(service['project.create']({ path: other }).labels.map((l) => [l.name, l.hotkey])).toEqual([
      ['metric', '1'],
      ['measure', '2'],
      ['organization', '3'],
      ['date', '4'],
    ])
    expect(() => service['project.create']({ path: file })).toThrow(/exists already: open it instead/)
    expect(service['project.open']({ path: file }).path).toBe(file)
    expect(service['project.info']({}).recentProjects.slice(0, 2)).toEqual([file, other])
  })
})
