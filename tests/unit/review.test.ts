import { describe, expect, it } from 'vitest'
import type { Service } from '../../src-main/service'
import type { ArgsOf } from '../../src-main/shared/api'
import { dispatcher } from '../../src-main/bridge/dispatch'
import { importFiles } from '../../src-main/service/import'
import { exportedText, newProject, utf8 } from './helpers'

// 𠮷 is outside the BMP, so every offset after it differs between code points and UTF-16.
const TEXT = '𠮷野家2月25日复工率91.9%'

/** A reviewer's project where alice and bob have tagged the same text. */
function reviewedProject() {
  const project = newProject('reviewer')
  const line = JSON.stringify({
    id: 'report',
    text: TEXT,
    spans: [
      { start: 3, end: 8, label: 'date', annotator: 'alice' },
      { start: 3, end: 8, label: 'date', annotator: 'bob' },
      { start: 8, end: 16, label: 'metric', annotator: 'alice' },
      { start: 8, end: 11, label: 'metric', annotator: 'bob' },
    ],
  })
  const other = JSON.stringify({ id: 'other', text: '另一篇' })
  importFiles(project.workspace.database(), [{ name: 'in.jsonl', bytes: utf8(`${line}\n${other}\n`) }], { annotator: 'reviewer' })
  return project
}

const brief = (spans: Array<{ start: number; end: number; label: string; text: string; annotator: string }>) =>
  spans.map((s) => [s.start, s.end, s.label, s.text, s.annotator])

describe('the gold layer', () => {
  it('takes accepted spans with their quotes, skips the ones it has, and lists the layers', async () => {
    const { service } = reviewedProject()
    const first = await service['review.editGold']({ documentId: 'report', add: [{ start: 3, end: 8, label: 'date' }], remove: [] })
    expect(brief(first.added)).toEqual([[3, 8, 'date', '2月25日', 'gold']])
    const again = await service['review.editGold']({ documentId: 'report', add: [{ start: 3, end: 8, label: 'date' }], remove: [] })
    expect(again).toEqual({ added: [], removed: [], addedRelations: [], removedRelations: [] })
    expect(await service['review.layers']({})).toEqual({
      annotators: [
        { name: 'alice', spans: 2, documents: 1, finished: 0, relations: 0 },
        { name: 'bob', spans: 2, documents: 1, finished: 0, relations: 0 },
      ],
      gold: { name: 'gold', spans: 1, documents: 1, finished: 0, relations: 0 },
      documents: 2,
      reviewed: 0,
    })
  })

  it('replaces a gold span by another version in one step, and undoes it exactly with the ids it had', async () => {
    const { service } = reviewedProject()
    const bobs = (await service['review.editGold']({ documentId: 'report', add: [{ start: 8, end: 11, label: 'metric' }], remove: [] })).added
    const replaced = await service['review.editGold']({ documentId: 'report', add: [{ start: 8, end: 16, label: 'metric' }], remove: bobs.map((s) => s.id) })
    expect(brief(replaced.removed)).toEqual([[8, 11, 'metric', '复工率', 'gold']])
    expect(brief(replaced.added)).toEqual([[8, 16, 'metric', '复工率91.9%', 'gold']])

    // Undo: the inverse edit puts back what was removed, with its id, and removes what was added.
    const undone = await service['review.editGold']({ documentId: 'report', add: replaced.removed, remove: replaced.added.map((s) => s.id) })
    expect(undone.added).toEqual(replaced.removed)
    expect(brief(await service['spans.list']({ documentId: 'report', annotator: 'gold' }))).toEqual([[8, 11, 'metric', '复工率', 'gold']])
  })

  it('never touches an annotator’s layer, and a refused edit changes nothing at all', async () => {
    const { service } = reviewedProject()
    const alices = await service['spans.list']({ documentId: 'report', annotator: 'alice' })
    expect(() =>
      service['review.editGold']({ documentId: 'report', add: [{ start: 0, end: 3, label: 'organization' }], remove: [alices[0].id] }),
    ).toThrow(/in alice's layer: review changes only the gold layer/)
    expect(await service['spans.list']({ documentId: 'report', annotator: 'gold' })).toEqual([])
    expect(await service['spans.list']({ documentId: 'report', annotator: 'alice' })).toEqual(alices)
    expect(() => service['review.editGold']({ documentId: 'report', add: [{ start: 10, end: 17, label: 'metric' }], remove: [] })).toThrow(
      /outside document "report" \(length 16\)/,
    )
    expect(() => service['review.editGold']({ documentId: 'report', add: [{ start: 0, end: 3, label: 'person' }], remove: [] })).toThrow(/No label "person"/)
  })

  it('is a name no annotator may take', async () => {
    const { service } = reviewedProject()
    for (const name of ['gold', ' Gold ', 'GOLD']) {
      const answer = await dispatcher(service)('project.setAnnotator', { name })
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringMatching(/kept for the reviewer's gold layer/) } })
    }
    expect(await dispatcher(service)('project.setAnnotator', { name: 'goldie' })).toMatchObject({ ok: true, value: { annotator: 'goldie' } })
  })

  it('has a sibling no annotator may take either: "suggestions", which `--layer suggestions` exports', async () => {
    const { service } = reviewedProject()
    for (const name of ['suggestions', 'Suggestions ']) {
      const answer = await dispatcher(service)('project.setAnnotator', { name })
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringMatching(/names the stored suggestions/) } })
    }
    expect(await dispatcher(service)('project.setAnnotator', { name: 'suggester' })).toMatchObject({ ok: true, value: { annotator: 'suggester' } })
  })
})

describe('review status', () => {
  it('goes from annotated to reviewed and back, ahead of done, and filters the library', async () => {
    const { service } = reviewedProject()
    // Status is the user's own layer's: the reviewer has none here, alice has tagged the report.
    expect((await service['documents.get']({ id: 'report' })).status).toBe('new')
    service['project.setAnnotator']({ name: 'alice' })
    expect((await service['documents.get']({ id: 'report' })).status).toBe('in_progress')
    await service['documents.setDone']({ id: 'report', done: true })
    expect((await service['review.setReviewed']({ id: 'report', reviewed: true })).status).toBe('reviewed')
    expect((await service['documents.list']({ status: 'reviewed' })).map((d) => d.id)).toEqual(['report'])
    expect(await service['documents.list']({ status: 'done' })).toEqual([])
    expect((await service['review.layers']({})).reviewed).toBe(1)
    expect((await service['review.setReviewed']({ id: 'report', reviewed: false })).status).toBe('done')
  })

  it('leads to the next document not reviewed, wrapping around, and to none when all are', async () => {
    const { service } = reviewedProject()
    expect(await service['review.next']({})).toBe('report')
    expect(await service['review.next']({ after: 'report' })).toBe('other')
    await service['review.setReviewed']({ id: 'other', reviewed: true })
    expect(await service['review.next']({ after: 'report' })).toBeNull()
    expect(await service['review.next']({ after: 'other' })).toBe('report')
    expect(() => service['review.next']({ after: 'nope' })).toThrow(/No document "nope"/)
  })
})

describe('export and the gold layer', () => {
  const exported = async (service: Service, options: ArgsOf<'export.dataset'>) => {
    const lines = (await exportedText(service, options)).trim().split('\n')
    return lines.map((l) => JSON.parse(l)).find((d) => d.id === 'report').spans.map((s: { annotator: string; text: string }) => [s.annotator, s.text])
  }

  it('takes every layer while there is no gold layer, then gold by default, and a named layer when asked', async () => {
    const { service } = reviewedProject()
    expect(await exported(service, { format: 'native' })).toHaveLength(4)
    expect(await service['export.dataset']({ format: 'native' })).toMatchObject({ layer: 'all', layerByDefault: true, files: [{ fileName: 'test-native.jsonl' }] })

    await service['review.editGold']({ documentId: 'report', add: [{ start: 3, end: 8, label: 'date' }], remove: [] })
    expect(await exported(service, { format: 'native' })).toEqual([['gold', '2月25日']])
    const built = await service['export.dataset']({ format: 'native' })
    expect(built).toMatchObject({ layer: 'gold', layerByDefault: true, total: { spans: 1 }, files: [{ fileName: 'test-native-gold.jsonl' }] })

    expect(await exported(service, { format: 'native', annotator: 'bob' })).toEqual([
      ['bob', '2月25日'],
      ['bob', '复工率'],
    ])
    expect(await exported(service, { format: 'native', layer: 'alice' })).toEqual([
      ['alice', '2月25日'],
      ['alice', '复工率91.9%'],
    ])
    expect(await exported(service, { format: 'native', layer: 'all' })).toHaveLength(5)
    expect(await service['export.dataset']({ format: 'doccano', layer: 'bob' })).toMatchObject({ layer: 'bob', layerByDefault: false, files: [{ fileName: 'test-doccano-bob.jsonl' }] })
  })

  it('counts a document marked reviewed as a gold layer, even with no gold spans in it', async () => {
    const { service } = reviewedProject()
    await service['review.setReviewed']({ id: 'other', reviewed: true })
    expect(await service['export.dataset']({ format: 'native' })).toMatchObject({ layer: 'gold', layerByDefault: true, total: { spans: 0 } })
  })
})
