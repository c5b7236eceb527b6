import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { mergeFiles } from '../../src-main/service/merge'
import { listLabels } from '../../src-main/store/labels'
import { listSpans } from '../../src-main/store/spans'
import { newProject, tempDir, utf8 } from './helpers'

// 𠮷 is outside the BMP: one code point, two UTF-16 units, so offsets after it differ between the two.
const REPORT = '𠮷野家2月25日复工率91.9%'
const NOTICE = '杭州高新区(滨江)发布惠企28条'

type SpanSpec = [start: number, end: number, label: string, annotator?: string]

function line(id: string, text: string, spans: SpanSpec[] = []): string {
  const codePoints = [...text]
  return JSON.stringify({
    id,
    text,
    spans: spans.map(([start, end, label, annotator]) => ({ start, end, label, text: codePoints.slice(start, end).join(''), ...(annotator ? { annotator } : {}) })),
  })
}

/** An annotator's own project file, closed as they would send it. */
function annotatorProject(annotator: string, lines: string[]): string {
  const project = newProject(annotator)
  const report = importFiles(project.workspace.database(), [{ name: `${annotator}.jsonl`, bytes: utf8(lines.join('\n') + '\n') }], { annotator })
  expect(report.errors).toEqual([])
  project.workspace.close()
  const file = path.join(tempDir(), `${annotator}.factspan`)
  fs.copyFileSync(project.file, file)
  return file
}

/** The reviewer's project, holding the report (no spans yet). */
function reviewerProject() {
  const project = newProject('reviewer')
  importFiles(project.workspace.database(), [{ name: 'texts.jsonl', bytes: utf8(line('report', REPORT) + '\n') }], { annotator: 'reviewer' })
  return project
}

function spansOf(db: Database.Database, documentId: string) {
  return listSpans(db, documentId).map((s) => [s.start, s.end, s.label, s.text, s.annotator])
}

function documentIds(db: Database.Database): string[] {
  return db.prepare('SELECT id FROM documents ORDER BY position').pluck().all() as string[]
}

describe('merging an annotator’s project file', () => {
  it('brings their spans as their layer on the documents with the same text, and adds documents the project lacks', () => {
    const alice = annotatorProject('alice', [line('report', REPORT, [[3, 8, 'date'], [8, 16, 'metric']]), line('notice', NOTICE, [[0, 9, 'organization']])])
    const { workspace } = reviewerProject()
    const db = workspace.database()

    const report = mergeFiles(db, [{ name: 'alice.factspan', path: alice }])

    expect(report.problems).toEqual([])
    expect(report.merged).toEqual([
      { file: 'alice.factspan', source: 'project', annotators: ['alice'], documents: { matched: 1, added: 1 }, spans: { added: 3, skipped: 0 }, relations: { added: 0, skipped: 0 }, statuses: 0, guidelines: 'same' },
    ])
    expect(documentIds(db)).toEqual(['report', 'notice'])
    // Code points survive the trip: 2月25日 starts after 𠮷野家, at 3, not at UTF-16's 4.
    expect(spansOf(db, 'report')).toEqual([
      [3, 8, 'date', '2月25日', 'alice'],
      [8, 16, 'metric', '复工率91.9%', 'alice'],
    ])
    expect(spansOf(db, 'notice')).toEqual([[0, 9, 'organization', '杭州高新区(滨江)', 'alice']])
  })

  it('matches a document by its text when the other project gave it another id', () => {
    const bob = annotatorProject('bob', [line('bobs-copy', REPORT, [[0, 3, 'organization']])])
    const { workspace } = reviewerProject()
    const report = mergeFiles(workspace.database(), [{ name: 'bob.factspan', path: bob }])
    expect(report.merged[0].documents).toEqual({ matched: 1, added: 0 })
    expect(documentIds(workspace.database())).toEqual(['report'])
    expect(spansOf(workspace.database(), 'report')).toEqual([[0, 3, 'organization', '𠮷野家', 'bob']])
  })

  it('keeps several annotators apart, even on the same span', () => {
    const alice = annotatorProject('alice', [line('report', REPORT, [[3, 8, 'date']])])
    const bob = annotatorProject('bob', [line('report', REPORT, [[3, 8, 'date'], [0, 3, 'organization']])])
    const { workspace } = reviewerProject()
    const report = mergeFiles(workspace.database(), [
      { name: 'alice.factspan', path: alice },
      { name: 'bob.factspan', path: bob },
    ])
    expect(report.merged.map((f) => [f.annotators, f.spans.added])).toEqual([
      [['alice'], 1],
      [['bob'], 2],
    ])
    expect(spansOf(workspace.database(), 'report')).toEqual([
      [0, 3, 'organization', '𠮷野家', 'bob'],
      [3, 8, 'date', '2月25日', 'alice'],
      [3, 8, 'date', '2月25日', 'bob'],
    ])
  })

  it('changes nothing when the same file is merged again', () => {
    const alice = annotatorProject('alice', [line('report', REPORT, [[3, 8, 'date']]), line('notice', NOTICE, [[0, 9, 'organization']])])
    const { workspace } = reviewerProject()
    const db = workspace.database()
    mergeFiles(db, [{ name: 'alice.factspan', path: alice }])
    const before = { documents: documentIds(db), spans: [...spansOf(db, 'report'), ...spansOf(db, 'notice')] }

    const again = mergeFiles(db, [{ name: 'alice.factspan', path: alice }])

    expect(again.merged[0]).toMatchObject({ documents: { matched: 2, added: 0 }, spans: { added: 0, skipped: 2 } })
    expect(again.problems).toEqual([])
    expect({ documents: documentIds(db), spans: [...spansOf(db, 'report'), ...spansOf(db, 'notice')] }).toEqual(before)
  })

  it('reports a document whose text differs under the same id, never merges its spans, and merges the rest', () => {
    const changed = REPORT.replace('91.9%', '92.0%')
    const alice = annotatorProject('alice', [line('report', changed, [[3, 8, 'date']]), line('notice', NOTICE, [[0, 9, 'organization']])])
    const { workspace } = reviewerProject()
    const db = workspace.database()

    const report = mergeFiles(db, [{ name: 'alice.factspan', path: alice }])

    expect(report.problems).toEqual([
      {
        file: 'alice.factspan',
        documentId: 'report',
        reason: 'the project has a different text under this id; its spans were not merged',
        message: 'alice.factspan: document "report": the project has a different text under this id; its spans were not merged',
        line: undefined,
      },
    ])
    expect(report.merged[0]).toMatchObject({ documents: { matched: 0, added: 1 }, spans: { added: 1, skipped: 0 } })
    expect(spansOf(db, 'report')).toEqual([])
    expect(db.prepare("SELECT text FROM documents WHERE id = 'report'").pluck().get()).toBe(REPORT)
  })

  it('adds the labels the project lacks, with their colour and a hotkey no other label has', () => {
    const project = newProject('carol')
    const db = project.workspace.database()
    importFiles(db, [{ name: 'c.jsonl', bytes: utf8(line('report', REPORT, [[0, 3, 'brand']]) + '\n') }], { annotator: 'carol' })
    db.prepare("UPDATE labels SET color = '#123456', hotkey = '1' WHERE name = 'brand'").run()
    project.workspace.close()

    const { workspace } = reviewerProject()
    const report = mergeFiles(workspace.database(), [{ name: 'carol.factspan', path: project.file }])

    expect(report.newLabels).toEqual(['brand'])
    const brand = listLabels(workspace.database()).find((l) => l.name === 'brand')!
    expect(brand.color).toBe('#123456')
    // Key 1 belongs to "metric" here.
    expect(brand.hotkey).not.toBe('1')
    expect(listLabels(workspace.database()).filter((l) => l.hotkey === brand.hotkey)).toHaveLength(1)
  })

  it('leaves the other project’s gold layer out and says how many spans that was', () => {
    // Dora reviewed her own copy: her project has a gold layer too.
    const dora = newProject('dora')
    importFiles(dora.workspace.database(), [{ name: 'dora.jsonl', bytes: utf8(line('report', REPORT, [[3, 8, 'date']]) + '\n') }], { annotator: 'dora' })
    dora.service['review.editGold']({ documentId: 'report', add: [{ start: 3, end: 8, label: 'date' }], remove: [] })
    dora.workspace.close()
    const reviewed = path.join(tempDir(), 'dora.factspan')
    fs.copyFileSync(dora.file, reviewed)
    const { workspace } = reviewerProject()
    const report = mergeFiles(workspace.database(), [{ name: 'dora.factspan', path: reviewed }])
    expect(report.merged[0].annotators).toEqual(['dora'])
    expect(report.problems.map((p) => p.reason)).toEqual(["1 span of the gold layer were left out: this project's gold layer is settled here"])
    expect(spansOf(workspace.database(), 'report').map((s) => s[4])).toEqual(['dora'])
  })

  it('reports a damaged document of a project file (a span that does not quote its text) and merges the others', () => {
    const alice = annotatorProject('alice', [line('report', REPORT, [[3, 8, 'date']]), line('notice', NOTICE, [[0, 9, 'organization']])])
    const tamper = new Database(alice)
    tamper.prepare("UPDATE spans SET quote = '2月26日' WHERE label = 'date'").run()
    tamper.close()
    const { workspace } = reviewerProject()

    const report = mergeFiles(workspace.database(), [{ name: 'alice.factspan', path: alice }])

    expect(report.problems.map((p) => p.message)).toEqual(['alice.factspan: document "report": its span 3–8 does not quote the text there (the file is damaged)'])
    expect(spansOf(workspace.database(), 'report')).toEqual([])
    expect(spansOf(workspace.database(), 'notice')).toHaveLength(1)
  })

  it('refuses files that are not Factspan projects of a known version, and leaves the project as it was', () => {
    const dir = tempDir()
    const foreign = path.join(dir, 'foreign.factspan')
    const other = new Database(foreign)
    other.exec('CREATE TABLE notes (body TEXT)')
    other.close()
    const blank = path.join(dir, 'blank.factspan')
    new Database(blank).close()
    const newer = annotatorProject('eve', [line('report', REPORT, [[3, 8, 'date']])])
    const newerDb = new Database(newer)
    newerDb.pragma('user_version = 99')
    newerDb.close()
    const garbage = path.join(dir, 'garbage.factspan')
    fs.writeFileSync(garbage, 'SQLite format 3\u0000 but not really a database, just text that starts like one')

    const { workspace } = reviewerProject()
    const db = workspace.database()
    const report = mergeFiles(db, [foreign, blank, newer, garbage].map((file) => ({ name: path.basename(file), path: file })))

    expect(report.merged).toEqual([])
    expect(report.problems.map((p) => p.message)).toEqual([
      'foreign.factspan: not a Factspan project (an SQLite database of another application)',
      expect.stringMatching(/^blank\.factspan: not a Factspan project/),
      expect.stringMatching(/^eve\.factspan: made by a newer Factspan \(schema version 99/),
      expect.stringMatching(/^garbage\.factspan: /),
    ])
    expect(documentIds(db)).toEqual(['report'])
    expect(spansOf(db, 'report')).toEqual([])
  })
})

describe('merging a native JSONL export', () => {
  it('brings each span as the layer of the annotator it names', () => {
    const file = path.join(tempDir(), 'export.jsonl')
    fs.writeFileSync(file, [line('report', REPORT, [[3, 8, 'date', 'alice'], [0, 3, 'organization', 'bob']]), line('notice', NOTICE)].join('\n') + '\n')
    const { workspace } = reviewerProject()
    const report = mergeFiles(workspace.database(), [{ name: 'export.jsonl', path: file }])
    expect(report.merged).toEqual([
      { file: 'export.jsonl', source: 'jsonl', annotators: ['alice', 'bob'], documents: { matched: 1, added: 1 }, spans: { added: 2, skipped: 0 }, relations: { added: 0, skipped: 0 }, statuses: 0, guidelines: 'none' },
    ])
    expect(spansOf(workspace.database(), 'report')).toEqual([
      [0, 3, 'organization', '𠮷野家', 'bob'],
      [3, 8, 'date', '2月25日', 'alice'],
    ])
    expect(mergeFiles(workspace.database(), [{ name: 'export.jsonl', path: file }]).merged[0].spans).toEqual({ added: 0, skipped: 2 })
  })

  it('refuses spans without an annotator, naming the line, unless the layer is given', () => {
    const file = path.join(tempDir(), 'nameless.jsonl')
    fs.writeFileSync(file, [line('notice', NOTICE, [[0, 9, 'organization', 'alice']]), line('report', REPORT, [[3, 8, 'date']])].join('\n') + '\n')
    const { workspace } = reviewerProject()
    const db = workspace.database()

    const refused = mergeFiles(db, [{ name: 'nameless.jsonl', path: file }])
    expect(refused.merged).toEqual([])
    expect(refused.problems).toEqual([
      expect.objectContaining({ file: 'nameless.jsonl', line: 2, message: expect.stringMatching(/^nameless\.jsonl:2: spans\[0\] has no annotator/) }),
    ])
    expect(documentIds(db)).toEqual(['report'])

    const named = mergeFiles(db, [{ name: 'nameless.jsonl', path: file }], { annotator: 'frank' })
    expect(named.problems).toEqual([])
    expect(spansOf(db, 'report')).toEqual([[3, 8, 'date', '2月25日', 'frank']])
    expect(spansOf(db, 'notice')).toEqual([[0, 9, 'organization', '杭州高新区(滨江)', 'alice']])
  })

  it('refuses a line whose quote does not match its text, with file, line and reason, and merges nothing of the file', () => {
    const file = path.join(tempDir(), 'drifted.jsonl')
    const drifted = JSON.stringify({ id: 'report', text: REPORT, spans: [{ start: 4, end: 9, label: 'date', text: '2月25日', annotator: 'alice' }] })
    fs.writeFileSync(file, line('notice', NOTICE, [[0, 9, 'organization', 'alice']]) + '\n' + drifted + '\n')
    const { workspace } = reviewerProject()
    const report = mergeFiles(workspace.database(), [{ name: 'drifted.jsonl', path: file }])
    expect(report.problems.map((p) => [p.file, p.line])).toEqual([['drifted.jsonl', 2]])
    expect(report.problems[0].reason).toMatch(/quotes "2月25日" but the text at 4–9 is "月25日复"/)
    expect(documentIds(workspace.database())).toEqual(['report'])
  })
})

describe('merging through the app (files as bytes)', () => {
  it('writes a project file to a temporary file, merges it read-only and removes it', async () => {
    const alice = annotatorProject('alice', [line('report', REPORT, [[3, 8, 'date']])])
    const aliceBytes = fs.readFileSync(alice)
    const { service, workspace } = reviewerProject()
    const before = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('factspan-merge-'))

    const report = await service['merge.files']({ files: [{ name: 'alice.factspan', base64: aliceBytes.toString('base64') }] })

    expect(report.problems).toEqual([])
    expect(report.merged[0]).toMatchObject({ file: 'alice.factspan', source: 'project', spans: { added: 1, skipped: 0 } })
    expect(spansOf(workspace.database(), 'report')).toEqual([[3, 8, 'date', '2月25日', 'alice']])
    expect(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('factspan-merge-'))).toEqual(before)
    // The annotator's file itself is never written to.
    expect(fs.readFileSync(alice).equals(aliceBytes)).toBe(true)
  })

  it('names the picked file, not the temporary one, when it is refused', async () => {
    const { service } = reviewerProject()
    const fake = Buffer.from('SQLite format 3\u0000' + 'x'.repeat(200))
    const report = await service['merge.files']({
      files: [
        { name: 'broken.factspan', base64: fake.toString('base64') },
        { name: 'notes.factspan', base64: Buffer.from('plain text').toString('base64') },
        { name: 'lines.jsonl', base64: Buffer.from(line('report', REPORT, [[3, 8, 'date', 'gina']]) + '\n').toString('base64') },
      ],
    })
    expect(report.problems.map((p) => p.file)).toEqual(['broken.factspan', 'notes.factspan'])
    for (const problem of report.problems) expect(problem.message).not.toMatch(/factspan-merge-|incoming/)
    expect(report.problems[1].message).toBe('notes.factspan: not a Factspan project (not an SQLite database)')
    expect(report.merged.map((f) => f.file)).toEqual(['lines.jsonl'])
  })
})
