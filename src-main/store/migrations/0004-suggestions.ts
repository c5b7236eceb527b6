import type { Database } from 'better-sqlite3'

// Suggestions are not spans: proposed spans with their source and score live in their own table, so no export,
// agreement, gold layer or status ever reads them. Each annotator's decisions (accepted, rejected) are kept per
// (document, annotator, start, end, label), so a rejected suggestion stays rejected after a restart. The project's
// suggestion settings (sources on or off, rules off, its own patterns, the external recommender) are JSON values by
// key, and the trained model is one blob with its info. Labels are referenced by name, so a rename follows and a
// deleted label takes its suggestions and decisions with it.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE suggestions (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      start INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE,
      source TEXT NOT NULL,
      score REAL NOT NULL,
      rule_id TEXT,
      created_at TEXT NOT NULL,
      CHECK (start >= 0 AND "end" > start AND score >= 0 AND score <= 1),
      PRIMARY KEY (document_id, start, "end", label, source)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE suggestion_decisions (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      annotator TEXT NOT NULL,
      start INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE ON DELETE CASCADE,
      decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
      source TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      PRIMARY KEY (document_id, annotator, start, "end", label)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX suggestion_decisions_by_source ON suggestion_decisions(source, decision);

    CREATE TABLE suggestion_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE suggestion_model (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      model BLOB NOT NULL,
      info TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `)
}
