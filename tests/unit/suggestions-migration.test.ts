import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { LATEST_VERSION, migrations } from '../../src-main/store/migrations'
import { APPLICATION_ID, openProject } from '../../src-main/store/open'
import { tempDir } from './helpers'

/** A project file of the schema before suggestions (every migration below 4), with a document, a label and a span in it, written with that schema's SQL. */
function projectBeforeSuggestions(): string {
  const file = path.join(tempDir(), 'before.factspan')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  const before = migrations.filter((m) => m.version < 4)
  for (const migration of before) migration.up(db)
  db.pragma(`user_version = ${before[before.length - 1].version}`)
  db.pragma(`application_id = ${APPLICATION_ID}`)
  db.prepare("INSERT INTO labels (name, color, position) VALUES ('date', '#d946ef', 0)").run()
  db.prepare("INSERT INTO labels (name, color, position) VALUES ('metric', '#f59e0b', 1)").run()
  // 𠮷0 2 1 月2 2 3 5 4 日5 😀6 9 7 1 8 . 9 9 10 % 11
  db.prepare(
    "INSERT INTO documents (id, title, text, text_sha256, length, position, created_at) VALUES ('d', 'd', '𠮷2月25日😀91.9%', 'h', 12, 0, 'then')",
  ).run()
  db.prepare("INSERT INTO spans (document_id, start, \"end\", label, quote, annotator, created_at) VALUES ('d', 1, 6, 'date', '2月25日', 'alice', 'then')").run()
  db.close()
  return file
}

describe('migration 0004-suggestions', () => {
  it('adds the suggestion tables to a file of the previous version and keeps what it had', () => {
    const file = projectBeforeSuggestions()
    const db = openProject(file)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'suggestion%' ORDER BY name").pluck().all()
    expect(tables).toEqual(['suggestion_decisions', 'suggestion_model', 'suggestion_settings', 'suggestions'])
    expect(db.prepare('SELECT quote, annotator FROM spans').get()).toEqual({ quote: '2月25日', annotator: 'alice' })
    // A suggestion must lie inside its bounds and name a label; a rename follows it, a deleted label takes it along.
    db.prepare("INSERT INTO suggestions VALUES ('d', 7, 12, 'metric', 'imported', 0.5, NULL, 'now')").run()
    expect(() => db.prepare("INSERT INTO suggestions VALUES ('d', 3, 3, 'metric', 'imported', 0.5, NULL, 'now')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO suggestions VALUES ('d', 1, 3, 'person', 'imported', 0.5, NULL, 'now')").run()).toThrow(/FOREIGN KEY/)
    db.prepare("UPDATE labels SET name = 'figure' WHERE name = 'metric'").run()
    expect(db.prepare('SELECT label FROM suggestions').pluck().all()).toEqual(['figure'])
    db.prepare("DELETE FROM labels WHERE name = 'figure'").run()
    expect(db.prepare('SELECT count(*) FROM suggestions').pluck().get()).toBe(0)
    db.close()
  })

  it('an upgraded file suggests at once, and its old span is not suggested again', async () => {
    const file = projectBeforeSuggestions()
    const { service, workspace } = createService({ settingsFile: path.join(path.dirname(file), 'settings.json'), projectPath: file })
    workspace.settings.setAnnotator('alice')
    const list = await service['suggestions.list']({ documentId: 'd' })
    expect(list.map(({ start, end, label, text }) => ({ start, end, label, text }))).toEqual([{ start: 7, end: 12, label: 'metric', text: '91.9%' }])
    workspace.close()
  })
})
