import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { getDocumentSummary } from '../../src-main/store/documents'
import { migrations } from '../../src-main/store/migrations'
import { APPLICATION_ID, openProject } from '../../src-main/store/open'
import { tempDir } from './helpers'

/** A project file as Factspan wrote it at schema version 2: one done mark per document, the review mark beside it. */
function versionTwoProject(): string {
  const file = path.join(tempDir(), 'v2.factspan')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  for (const m of migrations.filter((m) => m.version <= 2)) m.up(db)
  db.pragma('user_version = 2')
  db.pragma(`application_id = ${APPLICATION_ID}`)
  db.prepare("INSERT INTO labels (name, color, position) VALUES ('date', '#d946ef', 0)").run()
  const doc = db.prepare('INSERT INTO documents (id, title, text, text_sha256, length, position, done_at, reviewed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  // Lengths in code points: 𠮷 is one.
  doc.run('tagged', '𠮷', '𠮷2月', 'h1', 3, 0, '2026-11-02T10:00:00.000Z', null, 'then')
  doc.run('empty', '空', '无', 'h2', 1, 1, '2026-11-03T09:00:00.000Z', null, 'then')
  doc.run('open', '开', '2月😀', 'h3', 3, 2, null, null, 'then')
  doc.run('reviewed', '审', '3月', 'h4', 2, 3, '2026-11-01T08:00:00.000Z', '2026-11-04T08:00:00.000Z', 'then')
  const span = db.prepare("INSERT INTO spans (document_id, start, \"end\", label, quote, annotator, created_at) VALUES (?, ?, ?, 'date', ?, ?, 'then')")
  span.run('tagged', 1, 3, '2月', 'alice')
  span.run('tagged', 1, 3, '2月', 'bob')
  span.run('tagged', 1, 3, '2月', 'gold')
  span.run('open', 0, 2, '2月', 'alice')
  span.run('reviewed', 0, 2, '3月', 'gold')
  db.close()
  return file
}

describe('migration 0003-layer-status', () => {
  it("carries each done mark over to the layers the document has, and a spanless done document to every annotator", () => {
    const db = openProject(versionTwoProject())
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3)
    const rows = db.prepare('SELECT document_id, annotator, status, done_at FROM layer_status ORDER BY document_id, annotator').raw().all()
    // By hand: "tagged" has alice's and bob's layers (gold keeps review); "empty" has none, so both annotators of the
    // project get it; "open" was not done; "reviewed" has only a gold layer, which has no status row.
    expect(rows).toEqual([
      ['empty', 'alice', 'done', '2026-11-03T09:00:00.000Z'],
      ['empty', 'bob', 'done', '2026-11-03T09:00:00.000Z'],
      ['tagged', 'alice', 'done', '2026-11-02T10:00:00.000Z'],
      ['tagged', 'bob', 'done', '2026-11-02T10:00:00.000Z'],
    ])
    expect(db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all()).not.toContain('done_at')
    expect(getDocumentSummary(db, 'tagged', 'alice')).toMatchObject({ status: 'done', layerStatus: 'done', finishedBy: ['alice', 'bob'] })
    expect(getDocumentSummary(db, 'open', 'alice')).toMatchObject({ status: 'in_progress', finishedBy: [] })
    expect(getDocumentSummary(db, 'open', 'bob')).toMatchObject({ status: 'new' })
    // Reviewed stays the document's, from the gold layer's review.
    expect(getDocumentSummary(db, 'reviewed', 'alice')).toMatchObject({ status: 'reviewed', layerStatus: 'new' })
    expect(db.prepare('SELECT count(*) FROM spans').pluck().get()).toBe(5)
    db.close()
  })

  it('refuses a status other than new, in progress or done, and a done without its time', () => {
    const db = openProject(versionTwoProject())
    const insert = db.prepare("INSERT INTO layer_status (document_id, annotator, status, done_at, changed_at) VALUES ('open', 'carol', ?, ?, 'now')")
    expect(() => insert.run('reviewed', null)).toThrow(/CHECK/)
    expect(() => insert.run('done', null)).toThrow(/CHECK/)
    expect(() => insert.run('new', 'now')).toThrow(/CHECK/)
    db.close()
  })
})
