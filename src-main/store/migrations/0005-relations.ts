import type { Database } from 'better-sqlite3'
import { DEFAULT_RELATION_TYPES } from '../../shared/model'

// Relations link two spans of one layer; deleting a span deletes its relations through the foreign keys, and a type
// is referenced by name so a rename carries to every relation, as labels do for spans. Allowed labels are JSON lists.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE relation_types (
      name TEXT PRIMARY KEY,
      color TEXT NOT NULL,
      hotkey TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      from_labels TEXT NOT NULL DEFAULT '[]',
      to_labels TEXT NOT NULL DEFAULT '[]',
      position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE relations (
      id INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      annotator TEXT NOT NULL,
      from_span INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
      to_span INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
      type TEXT NOT NULL REFERENCES relation_types(name) ON UPDATE CASCADE,
      created_at TEXT NOT NULL,
      CHECK (from_span <> to_span)
    ) STRICT;
    CREATE UNIQUE INDEX relations_unique ON relations(from_span, to_span, type);
    CREATE INDEX relations_by_to ON relations(to_span);
    CREATE INDEX relations_by_document ON relations(document_id, annotator);
  `)
  const insert = db.prepare(
    'INSERT INTO relation_types (name, color, hotkey, description, from_labels, to_labels, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  DEFAULT_RELATION_TYPES.forEach((t, position) =>
    insert.run(t.name, t.color, t.hotkey, t.description, JSON.stringify(t.fromLabels), JSON.stringify(t.toLabels), position),
  )
}
