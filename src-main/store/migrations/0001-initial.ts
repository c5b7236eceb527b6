import type { Database } from 'better-sqlite3'

// Labels are referenced by name so a rename cascades to every span; documents carry the hash of their text
// so merges match by content and drift is detected.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE project_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE labels (
      name TEXT PRIMARY KEY,
      color TEXT NOT NULL,
      hotkey TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      text_sha256 TEXT NOT NULL,
      length INTEGER NOT NULL,
      meta TEXT NOT NULL DEFAULT '{}',
      position INTEGER NOT NULL,
      done_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_by_position ON documents(position);
    CREATE INDEX documents_by_sha ON documents(text_sha256);

    CREATE TABLE spans (
      id INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      start INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
      quote TEXT NOT NULL,
      annotator TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK (start >= 0 AND "end" > start)
    ) STRICT;
    CREATE UNIQUE INDEX spans_unique ON spans(document_id, annotator, start, "end", label);
    CREATE INDEX spans_by_document ON spans(document_id, start, "end");
  `)
}
