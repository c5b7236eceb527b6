import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { getDocumentSummary, setDocumentReviewed } from '../../src-main/store/documents'
import { LATEST_VERSION } from '../../src-main/store/migrations'
import { openProject, openProjectReadOnly } from '../../src-main/store/open'
import { versionOneProject } from './helpers'

describe('migration 0002-review', () => {
  it('upgrades a version 1 file in place: documents gain a review mark, nothing is lost', () => {
    const file = versionOneProject()
    const db = openProject(file)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    const columns = db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all()
    expect(columns).toContain('reviewed_at')
    expect(db.prepare('SELECT quote, annotator FROM spans').get()).toEqual({ quote: '2月', annotator: 'alice' })

    // An old document keeps its status until a reviewer marks it.
    expect(getDocumentSummary(db, 'd', 'alice')?.status).toBe('done')
    setDocumentReviewed(db, 'd', 'now')
    expect(getDocumentSummary(db, 'd', 'alice')?.status).toBe('reviewed')
    db.close()
  })

  it('is not needed to merge from a version 1 file: it is read as it is, read-only', () => {
    const file = versionOneProject()
    const db = openProjectReadOnly(file)
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.prepare('SELECT count(*) FROM spans').pluck().get()).toBe(1)
    db.close()
    const reopened = new Database(file, { readonly: true })
    expect(reopened.pragma('user_version', { simple: true })).toBe(1)
    reopened.close()
  })
})
