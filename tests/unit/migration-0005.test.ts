import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../src-main/store/migrations'
import { APPLICATION_ID, openProject } from '../../src-main/store/open'
import { tempDir } from './helpers'

/** A project file at the version before 0005, written with that schema's raw SQL: two spans in one document. */
function versionBeforeRelations(): { file: string; version: number } {
  const file = path.join(tempDir(), 'before-relations.factspan')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  const before = migrations.filter((m) => m.version < 5)
  for (const migration of before) migration.up(db)
  const version = before[before.length - 1].version
  db.pragma(`user_version = ${version}`)
  db.pragma(`application_id = ${APPLICATION_ID}`)
  db.prepare("INSERT INTO labels (name, color, position) VALUES ('metric', '#f59e0b', 0), ('organization', '#3b82f6', 1)").run()
  db.prepare(
    "INSERT INTO documents (id, title, text, text_sha256, length, position, created_at) VALUES ('d', '𠮷', '𠮷區復工率91.9%', 'h', 10, 0, 'then')",
  ).run()
  db.prepare(
    `INSERT INTO spans (id, document_id, start, "end", label, quote, annotator, created_at) VALUES
       (1, 'd', 0, 2, 'organization', '𠮷區', 'alice', 'then'), (2, 'd', 2, 10, 'metric', '復工率91.9%', 'alice', 'then')`,
  ).run()
  db.close()
  return { file, version }
}

describe('migration 0005-relations', () => {
  it('upgrades the previous version in place: spans kept, relation types seeded, relations cascade with spans', () => {
    const { file, version } = versionBeforeRelations()
    expect(version).toBeLessThan(5)
    const db = openProject(file)
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5)
    expect(db.prepare('SELECT id, quote FROM spans ORDER BY id').all()).toEqual([
      { id: 1, quote: '𠮷區' },
      { id: 2, quote: '復工率91.9%' },
    ])
    expect(db.prepare('SELECT name, hotkey, from_labels, to_labels FROM relation_types ORDER BY position').all()).toEqual([
      { name: 'holder', hotkey: '1', from_labels: '["metric","measure"]', to_labels: '["organization"]' },
      { name: 'time', hotkey: '2', from_labels: '["metric","measure"]', to_labels: '["date"]' },
      { name: 'result_of', hotkey: '3', from_labels: '["metric"]', to_labels: '["measure"]' },
    ])

    db.prepare("INSERT INTO relations (document_id, annotator, from_span, to_span, type, created_at) VALUES ('d', 'alice', 2, 1, 'holder', 'now')").run()
    // A type's rename reaches its relations; a relation to a span that does not exist, or to itself, is refused.
    db.prepare("UPDATE relation_types SET name = 'owner' WHERE name = 'holder'").run()
    expect(db.prepare('SELECT type FROM relations').pluck().all()).toEqual(['owner'])
    expect(() => db.prepare("INSERT INTO relations (document_id, annotator, from_span, to_span, type, created_at) VALUES ('d', 'alice', 2, 9, 'time', 'now')").run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("INSERT INTO relations (document_id, annotator, from_span, to_span, type, created_at) VALUES ('d', 'alice', 2, 2, 'time', 'now')").run()).toThrow(/CHECK/)
    db.prepare('DELETE FROM spans WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(0)
    db.close()
  })
})
