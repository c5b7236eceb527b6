import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

// 𠮷 and 😀 are outside the BMP: one code point each, two UTF-16 units each.
const TEXT = '𠮷野家復工率91.9%，😀𠮷野家復工，𠮷野家'

function projectWithDocument(annotator = 'alice') {
  const project = newProject(annotator)
  importFiles(project.workspace.database(), [{ name: 'doc.txt', bytes: utf8(TEXT) }], { annotator })
  return project
}

/** Where each occurrence of a phrase starts, in code points. */
function occurrences(phrase: string): Array<{ start: number; end: number }> {
  const points = [...TEXT]
  const length = [...phrase].length
  const found: Array<{ start: number; end: number }> = []
  for (let i = 0; i + length <= points.length; i++) {
    if (points.slice(i, i + length).join('') === phrase) found.push({ start: i, end: i + length })
  }
  return found
}

describe('resizing a span', () => {
  it('moves its start and end in code points, quoting the new text across characters outside the BMP', async () => {
    const { service } = projectWithDocument()
    const span = await service['spans.add']({ documentId: 'doc', start: 1, end: 3, label: 'organization' })
    expect(span.text).toBe('野家')
    const wider = await service['spans.resize']({ id: span.id, start: 0, end: 3 })
    expect(wider).toMatchObject({ id: span.id, start: 0, end: 3, text: '𠮷野家', label: 'organization' })
    const emoji = await service['spans.add']({ documentId: 'doc', start: 12, end: 13, label: 'metric' })
    expect(emoji.text).toBe('😀')
    expect((await service['spans.resize']({ id: emoji.id, start: 12, end: 14 })).text).toBe('😀𠮷')
    expect((await service['spans.list']({ documentId: 'doc' })).map((s) => s.text)).toEqual(['𠮷野家', '😀𠮷'])
  })

  it('refuses an empty span, one past the text and one that would equal another span', async () => {
    const { service } = projectWithDocument()
    const a = await service['spans.add']({ documentId: 'doc', start: 0, end: 3, label: 'organization' })
    const b = await service['spans.add']({ documentId: 'doc', start: 0, end: 2, label: 'organization' })
    expect(() => service['spans.resize']({ id: a.id, start: 2, end: 2 })).toThrow(/outside document "doc"/)
    expect(() => service['spans.resize']({ id: a.id, start: 0, end: 99 })).toThrow(/outside document "doc" \(length 22\)/)
    expect(() => service['spans.resize']({ id: b.id, start: 0, end: 3 })).toThrow(/already tagged "organization"/)
    expect(() => service['spans.resize']({ id: 999, start: 0, end: 3 })).toThrow(/No span 999/)
    expect((await service['spans.list']({ documentId: 'doc' })).map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [0, 3],
    ])
  })
})

describe('tagging many occurrences at once', () => {
  it('adds every occurrence in one call, in text order, with the annotator', async () => {
    const { service } = projectWithDocument()
    const ranges = occurrences('𠮷野家')
    expect(ranges).toEqual([
      { start: 0, end: 3 },
      { start: 13, end: 16 },
      { start: 19, end: 22 },
    ])
    const added = await service['spans.addMany']({ documentId: 'doc', label: 'organization', ranges: [...ranges].reverse() })
    expect(added.map((s) => [s.start, s.end, s.text, s.annotator])).toEqual([
      [0, 3, '𠮷野家', 'alice'],
      [13, 16, '𠮷野家', 'alice'],
      [19, 22, '𠮷野家', 'alice'],
    ])
  })

  it('skips occurrences this annotator already tagged the same, but not those of another label or annotator', async () => {
    const { service, workspace } = projectWithDocument()
    await service['spans.add']({ documentId: 'doc', start: 13, end: 16, label: 'organization' })
    await service['spans.add']({ documentId: 'doc', start: 19, end: 22, label: 'metric' })
    workspace.settings.setAnnotator('bob')
    await service['spans.add']({ documentId: 'doc', start: 0, end: 3, label: 'organization' })
    workspace.settings.setAnnotator('alice')
    const added = await service['spans.addMany']({ documentId: 'doc', label: 'organization', ranges: occurrences('𠮷野家') })
    expect(added.map((s) => s.start)).toEqual([0, 19])
    expect(await service['spans.list']({ documentId: 'doc', annotator: 'alice' })).toHaveLength(4)
  })

  it('adds nothing when one range is bad, and names it', async () => {
    const { service } = projectWithDocument()
    expect(() =>
      service['spans.addMany']({ documentId: 'doc', label: 'metric', ranges: [{ start: 0, end: 3 }, { start: 20, end: 30 }] }),
    ).toThrow(/Span 20–30 is outside document "doc"/)
    expect(() => service['spans.addMany']({ documentId: 'doc', label: 'person', ranges: [{ start: 0, end: 3 }] })).toThrow(/No label "person"/)
    expect(await service['spans.list']({ documentId: 'doc' })).toEqual([])
  })
})

describe('removing and restoring many spans', () => {
  it('removes them in one call and restores them with the same ids', async () => {
    const { service } = projectWithDocument()
    const added = await service['spans.addMany']({ documentId: 'doc', label: 'organization', ranges: occurrences('𠮷野家') })
    const kept = await service['spans.add']({ documentId: 'doc', start: 3, end: 6, label: 'metric' })
    const removed = await service['spans.removeMany']({ ids: added.map((s) => s.id) })
    expect(removed).toEqual(added)
    expect(await service['spans.list']({ documentId: 'doc' })).toEqual([kept])
    const restored = await service['spans.restoreMany']({ spans: removed })
    expect(restored).toEqual(added)
    expect((await service['spans.list']({ documentId: 'doc' })).map((s) => s.id).sort()).toEqual([...added.map((s) => s.id), kept.id].sort())
  })

  it('removes nothing when one id is unknown, and restores nothing when one span is back already', async () => {
    const { service } = projectWithDocument()
    const added = await service['spans.addMany']({ documentId: 'doc', label: 'organization', ranges: occurrences('𠮷野家') })
    expect(() => service['spans.removeMany']({ ids: [added[0].id, 999] })).toThrow(/No span 999/)
    expect(await service['spans.list']({ documentId: 'doc' })).toHaveLength(3)
    await service['spans.removeMany']({ ids: added.map((s) => s.id) })
    await service['spans.restore']({ span: added[2] })
    expect(() => service['spans.restoreMany']({ spans: added })).toThrow(/exists already/)
    expect((await service['spans.list']({ documentId: 'doc' })).map((s) => s.id)).toEqual([added[2].id])
  })

  it('survives a reopen of the project file', async () => {
    const { service, workspace, file, dir } = projectWithDocument()
    const added = await service['spans.addMany']({ documentId: 'doc', label: 'organization', ranges: occurrences('𠮷野家') })
    await service['spans.resize']({ id: added[0].id, start: 1, end: 3 })
    workspace.close()
    const reopened = createService({ settingsFile: `${dir}/settings.json`, projectPath: file })
    expect((await reopened.service['spans.list']({ documentId: 'doc' })).map((s) => s.text)).toEqual(['野家', '𠮷野家', '𠮷野家'])
    reopened.workspace.close()
  })
})
