import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { mergeFiles } from '../../src-main/service/merge'
import type { Relation, Span } from '../../src-main/shared/model'
import { exportedText, newProject, tempDir, utf8 } from './helpers'

// By hand: 𠮷 0 · 野家 1–3 · 2月25日 3–8 · 复工率91.9% 8–16 · 😀 16 · ， 17 · 杭州高新区(滨江) 18–27.
const TEXT = '𠮷野家2月25日复工率91.9%😀，杭州高新区(滨江)'

function annotated(annotator = 'alice', id = 'doc') {
  const project = newProject(annotator)
  importFiles(project.workspace.database(), [{ name: `${id}.txt`, bytes: utf8(TEXT) }], { annotator })
  const { service } = project
  const date = service['spans.add']({ documentId: id, start: 3, end: 8, label: 'date' })
  const metric = service['spans.add']({ documentId: id, start: 8, end: 17, label: 'metric' })
  const org = service['spans.add']({ documentId: id, start: 18, end: 27, label: 'organization' })
  const holder = service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
  const time = service['relations.add']({ from: metric.id, to: date.id, type: 'time' })
  return { ...project, date, metric, org, holder, time }
}

/** A relation as text: which spans it links, by their quotes, and how. */
function linked(spans: Span[], relations: Relation[]): string[] {
  const quote = (id: number) => spans.find((s) => s.id === id)?.text
  return relations.map((r) => `${quote(r.from)} -${r.type}-> ${quote(r.to)}`)
}

describe('relations follow label edits', () => {
  it('deleting a label deletes the relations of its spans; undo puts spans and relations back', () => {
    const { service, holder, time } = annotated()
    const removal = service['labels.remove']({ name: 'organization' })
    expect(removal.relations).toEqual([holder])
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([time])
    service['labels.restore']({ label: removal.label, position: removal.position, spans: removal.spans, relations: removal.relations })
    expect(service['relations.list']({ documentId: 'doc' })).toEqual([holder, time])
  })

  it('renaming a label renames it in the relation types that allow it', () => {
    const { service } = annotated()
    service['labels.update']({ name: 'organization', label: { name: 'org', color: '#3b82f6', hotkey: '3', description: '' } })
    expect(service['relationTypes.list']({}).find((t) => t.name === 'holder')?.toLabels).toEqual(['org'])
    // The existing relation still fits, so it can be retyped back and forth.
    const [holder] = service['relations.list']({ documentId: 'doc' })
    expect(service['relations.retype']({ id: holder.id, type: 'holder' }).type).toBe('holder')
  })
})

describe('merge carries relations with their spans', () => {
  it('brings an annotator’s relations onto the matching document, mapped to the spans there, once', () => {
    const alice = annotated('alice', 'report-a')
    alice.workspace.close()
    const file = path.join(tempDir(), 'alice.factspan')
    fs.copyFileSync(alice.file, file)

    // The reviewer's document has the same text under another id: matched by its hash.
    const reviewer = newProject('reviewer')
    importFiles(reviewer.workspace.database(), [{ name: 'report.txt', bytes: utf8(TEXT) }], { annotator: 'reviewer' })
    reviewer.service['relationTypes.add']({ name: 'source' })
    const report = mergeFiles(reviewer.workspace.database(), [{ name: 'alice.factspan', path: file }])
    expect(report.problems).toEqual([])
    expect(report.merged[0]).toMatchObject({ spans: { added: 3, skipped: 0 }, relations: { added: 2, skipped: 0 } })
    const spans = reviewer.service['spans.list']({ documentId: 'report' })
    const relations = reviewer.service['relations.list']({ documentId: 'report' })
    expect(linked(spans, relations)).toEqual(['复工率91.9%😀 -holder-> 杭州高新区(滨江)', '复工率91.9%😀 -time-> 2月25日'])
    expect(relations.every((r) => r.annotator === 'alice' && r.documentId === 'report')).toBe(true)

    const again = mergeFiles(reviewer.workspace.database(), [{ name: 'alice.factspan', path: file }])
    expect(again.merged[0]).toMatchObject({ relations: { added: 0, skipped: 2 } })
    expect(reviewer.service['relations.list']({ documentId: 'report' })).toHaveLength(2)
    expect(reviewer.service['relationTypes.list']({}).map((t) => t.name)).toEqual(['holder', 'time', 'result_of', 'source'])
  })
})

describe('merge of a native export carries its relations', () => {
  it('maps each relation of a JSONL line to the spans merged from it', async () => {
    const alice = annotated('alice', 'report')
    const exported = path.join(tempDir(), 'alice.jsonl')
    fs.writeFileSync(exported, await exportedText(alice.service, { format: 'native' }))
    const reviewer = newProject('reviewer')
    const report = mergeFiles(reviewer.workspace.database(), [{ name: 'alice.jsonl', path: exported }])
    expect(report.problems).toEqual([])
    expect(report.merged[0]).toMatchObject({ source: 'jsonl', spans: { added: 3, skipped: 0 }, relations: { added: 2, skipped: 0 } })
    const spans = reviewer.service['spans.list']({ documentId: 'report' })
    // Sorted here: the project lists them in the order they were made, which is the export's (by their ends).
    expect(linked(spans, reviewer.service['relations.list']({ documentId: 'report' })).sort()).toEqual(['复工率91.9%😀 -holder-> 杭州高新区(滨江)', '复工率91.9%😀 -time-> 2月25日'])
  })
})

describe('the gold layer takes relations with a version', () => {
  it('takes alice’s spans and relations by where they are, and undo takes both back exactly', () => {
    const { service } = annotated('alice', 'doc')
    const alices = service['spans.list']({ documentId: 'doc', annotator: 'alice' })
    const where = (id: number) => {
      const s = alices.find((x) => x.id === id)!
      return { start: s.start, end: s.end, label: s.label }
    }
    const relations = service['relations.list']({ documentId: 'doc', annotator: 'alice' })
    const taken = service['review.editGold']({
      documentId: 'doc',
      add: alices.map(({ start, end, label }) => ({ start, end, label })),
      remove: [],
      addRelations: relations.map((r) => ({ from: where(r.from), to: where(r.to), type: r.type })),
    })
    expect(taken.added).toHaveLength(3)
    const gold = () => service['relations.list']({ documentId: 'doc', annotator: 'gold' })
    expect(linked(taken.added, gold())).toEqual(['复工率91.9%😀 -holder-> 杭州高新区(滨江)', '复工率91.9%😀 -time-> 2月25日'])
    expect(taken.addedRelations).toEqual(gold())

    // Removing the gold organization removes its relation, listed for undo.
    const org = taken.added.find((s) => s.label === 'organization')!
    const removed = service['review.editGold']({ documentId: 'doc', add: [], remove: [org.id] })
    expect(removed.removedRelations.map((r) => r.type)).toEqual(['holder'])
    expect(gold().map((r) => r.type)).toEqual(['time'])
    const undone = service['review.editGold']({
      documentId: 'doc',
      add: removed.removed,
      remove: [],
      addRelations: removed.removedRelations.map(({ id, from, to, type, createdAt }) => ({ id, from, to, type, createdAt })),
    })
    expect(undone.addedRelations).toEqual(removed.removedRelations)
    expect(gold()).toEqual(taken.addedRelations)
  })

  it('refuses a gold relation to a span not in gold, changing nothing', () => {
    const { service, metric } = annotated('alice', 'doc')
    expect(() =>
      service['review.editGold']({ documentId: 'doc', add: [{ start: 3, end: 8, label: 'date' }], remove: [], addRelations: [{ from: metric.id, to: { start: 3, end: 8, label: 'date' }, type: 'time' }] }),
    ).toThrow("in alice's layer: review changes only the gold layer")
    expect(service['spans.list']({ documentId: 'doc', annotator: 'gold' })).toEqual([])
  })
})

describe('salvage keeps relations', () => {
  it('writes the relations whose spans it could read, as indices into the salvaged spans', () => {
    const project = annotated('alice', 'doc')
    project.workspace.close()
    const { service } = newProject('reviewer')
    const salvage = service['project.salvage']({ path: project.file })
    const [line] = salvage.content.trim().split('\n').map((l) => JSON.parse(l) as { spans: Array<{ text: string }>; relations: Array<{ from: number; to: number; type: string }> })
    const links = line.relations.map((r) => `${line.spans[r.from].text} -${r.type}-> ${line.spans[r.to].text}`)
    expect(links.sort()).toEqual(['复工率91.9%😀 -holder-> 杭州高新区(滨江)', '复工率91.9%😀 -time-> 2月25日'])
  })
})

describe('the gold layer’s relations are the reviewer’s', () => {
  it('refuses relation edits of gold outside review, yet a type’s removal and its undo carry gold relations', () => {
    const { service } = annotated('alice', 'doc')
    const { added } = service['review.editGold']({
      documentId: 'doc',
      add: [
        { start: 8, end: 17, label: 'metric' },
        { start: 18, end: 27, label: 'organization' },
      ],
      remove: [],
      addRelations: [{ from: { start: 8, end: 17, label: 'metric' }, to: { start: 18, end: 27, label: 'organization' }, type: 'holder' }],
    })
    const [metric, org] = added
    expect(() => service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })).toThrow("The gold layer is the reviewer's alone")
    const [gold] = service['relations.list']({ documentId: 'doc', annotator: 'gold' })
    expect(() => service['relations.remove']({ id: gold.id })).toThrow("The gold layer is the reviewer's alone")
    service['relationTypes.add']({ name: 'owner', toLabels: ['organization'] })
    expect(() => service['relations.retype']({ id: gold.id, type: 'owner' })).toThrow("The gold layer is the reviewer's alone")
    const removal = service['relationTypes.remove']({ name: 'holder' })
    expect(removal.relations.map((r) => r.annotator).sort()).toEqual(['alice', 'gold'])
    service['relationTypes.restore']({ type: removal.type, position: removal.position, relations: removal.relations })
    expect(service['relations.list']({ documentId: 'doc', annotator: 'gold' })).toEqual([gold])
  })
})
