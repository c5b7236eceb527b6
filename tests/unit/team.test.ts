import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { mergeFiles } from '../../src-main/service/merge'
import { migrations } from '../../src-main/store/migrations'
import { APPLICATION_ID } from '../../src-main/store/open'
import { exportedText, newProject, ROOT, tempDir, utf8 } from './helpers'

// 𠮷 is one code point and two UTF-16 units: every offset after it differs between the two.
const TEXTS = { d1: '𠮷野家2月', d2: '复工率91.9%', d3: '截至2月25日😀' } as const
type Spec = [start: number, end: number, label: string, annotator: string]

function jsonl(docs: Partial<Record<keyof typeof TEXTS, Spec[]>>): Uint8Array {
  const lines = Object.entries(docs).map(([id, spans]) =>
    JSON.stringify({ id, text: TEXTS[id as keyof typeof TEXTS], spans: spans!.map(([start, end, label, annotator]) => ({ start, end, label, annotator })) }),
  )
  return utf8(lines.join('\n') + '\n')
}

/** alice and bob tag the same three documents; bob has one span more in d3. */
function teamProject(me = 'alice') {
  const project = newProject(me)
  const report = importFiles(
    project.workspace.database(),
    [
      {
        name: 'team.jsonl',
        bytes: jsonl({
          d1: [[3, 5, 'date', 'alice'], [3, 5, 'date', 'bob']],
          d2: [[0, 3, 'metric', 'alice'], [0, 3, 'metric', 'bob']],
          d3: [[2, 7, 'date', 'alice'], [2, 7, 'date', 'bob'], [0, 2, 'metric', 'bob']],
        }),
      },
    ],
    { annotator: me },
  )
  expect(report.errors).toEqual([])
  return project
}

const ids = (text: string) => text.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)

describe("each annotator's own status", () => {
  it('marks my layer done, not the document: the library shows mine and who finished', () => {
    const { service } = teamProject('alice')
    expect(service['documents.setDone']({ id: 'd1', done: true })).toMatchObject({ status: 'done', layerStatus: 'done', finishedBy: ['alice'] })
    service['project.setAnnotator']({ name: 'bob' })
    expect(service['documents.get']({ id: 'd1' })).toMatchObject({ status: 'in_progress', layerStatus: 'in_progress', finishedBy: ['alice'] })
    expect(service['documents.list']({ status: 'done' })).toEqual([])
    service['documents.setDone']({ id: 'd1', done: true })
    expect(service['documents.get']({ id: 'd1' }).finishedBy).toEqual(['alice', 'bob'])
    // The review view's layers say how many each finished.
    expect(service['review.layers']({}).annotators.map((l) => [l.name, l.finished])).toEqual([
      ['alice', 1],
      ['bob', 1],
    ])
    // Undone, bob's layer is in progress again, as its spans say.
    expect(service['documents.setDone']({ id: 'd1', done: false })).toMatchObject({ status: 'in_progress', finishedBy: ['alice'] })
    // Reviewed stays the document's, whoever looks.
    service['review.setReviewed']({ id: 'd1', reviewed: true })
    expect(service['documents.get']({ id: 'd1' })).toMatchObject({ status: 'reviewed', layerStatus: 'in_progress' })
  })

  it('sets statuses for a script, refusing the gold layer and unknown documents without changing anything', () => {
    const { service } = teamProject()
    expect(service['documents.setStatus']({ ids: ['d2', 'd3'], annotator: 'carol', status: 'done' })).toEqual({ changed: 2 })
    expect(() => service['documents.setStatus']({ ids: ['d1'], annotator: 'Gold', status: 'done' })).toThrow(/gold layer has no status of its own/)
    expect(() => service['documents.setStatus']({ ids: ['d1', 'nope'], annotator: 'bob', status: 'done' })).toThrow(/No document "nope" in this project: no status was changed/)
    const table = service['documents.statuses']({})
    expect(table.annotators).toEqual(['alice', 'bob', 'carol'])
    expect(table.documents.map((d) => [d.documentId, d.statuses.alice, d.statuses.bob, d.statuses.carol])).toEqual([
      ['d1', 'in_progress', 'in_progress', 'new'],
      ['d2', 'in_progress', 'in_progress', 'done'],
      ['d3', 'in_progress', 'in_progress', 'done'],
    ])
    // "new" set by hand wins over spans: the annotator starts the document over.
    service['documents.setStatus']({ ids: ['d1'], annotator: 'alice', status: 'new' })
    expect(service['documents.statuses']({ annotator: 'alice' }).documents[0].statuses).toEqual({ alice: 'new' })
  })

  it('filters an export by the status of the layer it exports', async () => {
    const { service } = teamProject()
    service['documents.setStatus']({ ids: ['d1'], annotator: 'alice', status: 'done' })
    service['documents.setStatus']({ ids: ['d1', 'd2'], annotator: 'bob', status: 'done' })
    expect(ids(await exportedText(service, { format: 'native', layer: 'alice', status: ['done'] }))).toEqual(['d1'])
    expect(ids(await exportedText(service, { format: 'native', layer: 'bob', status: ['done'] }))).toEqual(['d1', 'd2'])
    expect(ids(await exportedText(service, { format: 'native', layer: 'bob', status: ['in_progress'] }))).toEqual(['d3'])
    // Every layer: done where every annotator who began it is done.
    expect(ids(await exportedText(service, { format: 'native', layer: 'all', status: ['done'] }))).toEqual(['d1'])
  })
})

describe('the gold layer is the reviewer’s alone', () => {
  it('refuses an import as gold, whatever the case, and changes nothing', () => {
    const { workspace } = newProject('alice')
    for (const annotator of ['gold', ' GOLD ']) {
      expect(() => importFiles(workspace.database(), [{ name: 'g.jsonl', bytes: jsonl({ d1: [] }) }], { annotator })).toThrow(
        /the gold layer is the reviewer's alone and is never imported/,
      )
    }
    expect(workspace.database().prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0)
  })

  it('refuses a file whose spans are in the gold layer, naming the line', () => {
    const { workspace } = newProject('alice')
    const report = importFiles(workspace.database(), [{ name: 'export.jsonl', bytes: jsonl({ d1: [[3, 5, 'date', 'alice']], d2: [[0, 3, 'metric', 'gold']] }) }], { annotator: 'alice' })
    expect(report.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^export\.jsonl:2: spans\[0\] is in the gold layer: the gold layer is the reviewer's alone/)])
    expect(workspace.database().prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0)
  })

  it('refuses span edits of gold spans outside review', () => {
    const { service } = teamProject()
    const [gold] = service['review.editGold']({ documentId: 'd1', add: [{ start: 3, end: 5, label: 'date' }], remove: [] }).added
    expect(() => service['spans.remove']({ id: gold.id })).toThrow(/gold layer is the reviewer's alone: change it in the review view/)
    expect(() => service['spans.relabel']({ id: gold.id, label: 'metric' })).toThrow(/reviewer's alone/)
    expect(() => service['spans.resize']({ id: gold.id, start: 0, end: 5 })).toThrow(/reviewer's alone/)
    expect(() => service['spans.removeMany']({ ids: [gold.id] })).toThrow(/reviewer's alone/)
    expect(() => service['spans.restore']({ span: { ...gold, id: 999 } })).toThrow(/reviewer's alone/)
    expect(service['spans.list']({ documentId: 'd1', annotator: 'gold' })).toEqual([gold])
  })
})

describe('agreement over finished work', () => {
  it('counts only documents every compared annotator finished, and says which were left out and why', () => {
    const { service } = teamProject()
    service['documents.setStatus']({ ids: ['d1', 'd2'], annotator: 'alice', status: 'done' })
    service['documents.setStatus']({ ids: ['d1', 'd2', 'd3'], annotator: 'bob', status: 'done' })
    const report = service['review.agreement']({})
    expect(report).toMatchObject({ documents: 2, allDocuments: false, leftOut: [{ documentId: 'd3', title: expect.any(String), reasons: ['alice has not finished'] }] })
    // d1 and d2 only: 𠮷野家2月 is 5 code points, 复工率91.9% 8; the two agree on both spans.
    expect(report.characters).toBe(13)
    expect(report.pairs[0].overall.exactF1).toEqual({ precision: 1, recall: 1, f1: 1 })

    // Every document: bob's extra metric in d3 is not alice's, so precision 3/4, recall 3/3, F1 2·¾·1/(¾+1) = 6/7.
    const all = service['review.agreement']({ allDocuments: true })
    expect(all).toMatchObject({ documents: 3, allDocuments: true, leftOut: [] })
    expect(all.pairs[0].overall.exactF1.precision).toBeCloseTo(0.75, 12)
    expect(all.pairs[0].overall.exactF1.f1).toBeCloseTo(6 / 7, 12)
  })

  it('counts gold only where a reviewer reviewed the document', () => {
    const { service } = teamProject()
    service['documents.setStatus']({ ids: ['d1', 'd2', 'd3'], annotator: 'alice', status: 'done' })
    service['review.editGold']({ documentId: 'd1', add: [{ start: 3, end: 5, label: 'date' }], remove: [] })
    service['review.setReviewed']({ id: 'd1', reviewed: true })
    const report = service['review.agreement']({ annotators: ['alice', 'gold'] })
    expect(report.documents).toBe(1)
    expect(report.leftOut.map((d) => [d.documentId, d.reasons])).toEqual([
      ['d2', ['the gold layer is not reviewed']],
      ['d3', ['the gold layer is not reviewed']],
    ])
  })
})

/** An annotator's project file as they send it, after `work` on it. */
function sentProject(annotator: string, docs: Partial<Record<keyof typeof TEXTS, Spec[]>>, work: (p: ReturnType<typeof newProject>) => void = () => {}): string {
  const project = newProject(annotator)
  importFiles(project.workspace.database(), [{ name: `${annotator}.jsonl`, bytes: jsonl(docs) }], { annotator })
  work(project)
  project.workspace.close()
  const file = path.join(tempDir(), `${annotator}.factspan`)
  fs.copyFileSync(project.file, file)
  return file
}

describe('merge brings status', () => {
  it("brings each annotator's status with their spans; merging again changes nothing", () => {
    const alice = sentProject('alice', { d1: [[3, 5, 'date', 'alice']], d2: [] }, (p) => p.service['documents.setDone']({ id: 'd1', done: true }))
    const bob = sentProject('bob', { d1: [[3, 5, 'date', 'bob']], d2: [[0, 3, 'metric', 'bob']] }, (p) =>
      p.service['documents.setStatus']({ ids: ['d1', 'd2'], annotator: 'bob', status: 'done' }),
    )
    const reviewer = newProject('reviewer')
    const report = mergeFiles(reviewer.workspace.database(), [
      { name: 'alice.factspan', path: alice },
      { name: 'bob.factspan', path: bob },
    ])
    expect(report.problems).toEqual([])
    expect(report.merged.map((f) => [f.file, f.statuses, f.guidelines])).toEqual([
      ['alice.factspan', 1, 'same'],
      ['bob.factspan', 2, 'same'],
    ])
    const table = reviewer.service['documents.statuses']({})
    expect(table.documents.map((d) => [d.documentId, d.statuses.alice, d.statuses.bob])).toEqual([
      ['d1', 'done', 'done'],
      ['d2', 'new', 'done'],
    ])
    const again = mergeFiles(reviewer.workspace.database(), [{ name: 'bob.factspan', path: bob }])
    expect(again.merged[0].statuses).toBe(0)
  })

  it('reads the done marks of a version 2 file as its layers’ status, as migration 0003 would', () => {
    const file = path.join(tempDir(), 'old.factspan')
    const db = new Database(file)
    for (const m of migrations.filter((m) => m.version <= 2)) m.up(db)
    db.pragma('user_version = 2')
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.prepare("INSERT INTO labels (name, color, position) VALUES ('date', '#d946ef', 0)").run()
    const sha = createHash('sha256').update(TEXTS.d1).digest('hex')
    db.prepare("INSERT INTO documents (id, title, text, text_sha256, length, position, done_at, created_at) VALUES ('d1', 't', ?, ?, 5, 0, '2026-11-02T10:00:00.000Z', 'then')").run(TEXTS.d1, sha)
    db.prepare("INSERT INTO spans (document_id, start, \"end\", label, quote, annotator, created_at) VALUES ('d1', 3, 5, 'date', '2月', 'dora', 'then')").run()
    db.close()
    const reviewer = newProject('reviewer')
    const report = mergeFiles(reviewer.workspace.database(), [{ name: 'old.factspan', path: file }])
    expect(report.merged[0]).toMatchObject({ annotators: ['dora'], statuses: 1, guidelines: 'none' })
    expect(reviewer.service['documents.statuses']({ annotator: 'dora' }).documents[0].statuses).toEqual({ dora: 'done' })
  })
})

describe("the project's guidelines", () => {
  const DEFAULT = fs.readFileSync(path.join(ROOT, 'resources', 'guidelines.md'), 'utf8')

  it('start from resources/guidelines.md, are the project’s own once edited, and keep after reopening', () => {
    const { service, workspace, file } = newProject()
    expect(service['guidelines.get']({})).toMatchObject({ markdown: DEFAULT, sha256: createHash('sha256').update(DEFAULT).digest('hex') })
    const edited = '# 标注规范 𠮷\n\n- 日期含年份\n'
    const saved = service['guidelines.set']({ markdown: edited })
    expect(saved.sha256).toBe(createHash('sha256').update(edited).digest('hex'))
    // The service renders the Markdown; the renderer only sanitizes it.
    expect(saved.html).toBe('<h1>标注规范 𠮷</h1>\n<ul>\n<li>日期含年份</li>\n</ul>\n')
    workspace.open(file, false)
    expect(service['guidelines.get']({}).markdown).toBe(edited)
  })

  it('travel with a merge: the receiving project keeps its own, and a different version is reported', () => {
    const alice = sentProject('alice', { d1: [[3, 5, 'date', 'alice']] }, (p) => p.service['guidelines.set']({ markdown: '# alice 的版本\n' }))
    const reviewer = newProject('reviewer')
    const report = mergeFiles(reviewer.workspace.database(), [{ name: 'alice.factspan', path: alice }])
    expect(report.merged[0].guidelines).toBe('different')
    expect(reviewer.service['guidelines.get']({}).markdown).toBe(DEFAULT)
  })
})
