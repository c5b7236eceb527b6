import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { getDocumentSummary, setDocumentReviewed } from '../../src-main/store/documents'
import { migrations } from '../../src-main/store/migrations'
import { APPLICATION_ID, openProject, openProjectReadOnly } from '../../src-main/store/open'
import { tempDir } from './helpers'

/** A project file as Factspan 0.1 wrote it: schema version 1, with a document and a span in it. */
function versionOneFile(): string {
  const file = path.join(tempDir(), 'old.factspan')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  migrations.find((m) => m.version === 1)!.up(db)
  db.pragma('user_version = 1')
  db.pragma(`application_id = ${APPLICATION_ID}`)
  db.prepare("INSERT INTO labels (name, color, position) VALUES ('date', '#d946ef', 0)").run()
  db.prepare("INSERT INTO documents (id, title, text, text_sha256, length, position, done_at, created_at) VALUES ('d', '𠮷', '𠮷2月', 'h', 3, 0, 'then', 'then')").run()
  db.prepare("INSERT INTO spans (document_id, start, \"end\", label, quote, annotator, created_at) VALUES ('d', 1, 3, 'date', '2月', 'alice', 'then')").run()
  db.close()
  return file
}

describe('migration 0002-review', () => {
  it('upgrades a version 1 file in place: documents gain a review mark, nothing is lost', () => {
    const file = versionOneFile()
    const db = openProject(file)
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    const columns = db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all()
    expect(columns).toContain('reviewed_at')
    expect(db.prepare('SELECT quote, annotator FROM spans').get()).toEqual({ quote: '2月', annotator: 'alice' })

    // An old document keeps its status until a reviewer marks it.
    expect(getDocumentSummary(db, 'd')?.status).toBe('done')
    setDocumentReviewed(db, 'd', 'now')
    expect(getDocumentSummary(db, 'd')?.status).toBe('reviewed')
    db.close()
  })

  it('is not needed to merge from a version 1 file: it is read as it is, read-only', () => {
    const file = versionOneFile()
    const db = openProjectReadOnly(file)
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.prepare('SELECT count(*) FROM spans').pluck().get()).toBe(1)
    db.close()
    const reopened = new Database(file, { readonly: true })
    expect(reopened.pragma('user_version', { simple: true })).toBe(1)
    reopened.close()
  })
})
