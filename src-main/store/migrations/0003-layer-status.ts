import type { Database } from 'better-sqlite3'

// Status moves from the document to each annotator's layer of it: "done" is one annotator's word about their own work.
// A row is written when someone sets a status; without one a layer is in progress once it has a span, new before
// (layerStatus.ts). Today's done mark goes to every layer the document has, and a done document without spans to
// every annotator of the project, who saw nothing to tag (a project without a single span has no layer to carry it
// to). The gold layer keeps documents.reviewed_at.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE layer_status (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      annotator TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done')),
      done_at TEXT,
      changed_at TEXT NOT NULL,
      PRIMARY KEY (document_id, annotator),
      CHECK ((status = 'done') = (done_at IS NOT NULL))
    ) STRICT;
    CREATE INDEX layer_status_by_annotator ON layer_status(annotator, status);

    INSERT INTO layer_status (document_id, annotator, status, done_at, changed_at)
      SELECT DISTINCT d.id, s.annotator, 'done', d.done_at, d.done_at
      FROM documents d JOIN spans s ON s.document_id = d.id
      WHERE d.done_at IS NOT NULL AND s.annotator <> 'gold';

    INSERT INTO layer_status (document_id, annotator, status, done_at, changed_at)
      SELECT d.id, a.annotator, 'done', d.done_at, d.done_at
      FROM documents d, (SELECT DISTINCT annotator FROM spans WHERE annotator <> 'gold') a
      WHERE d.done_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.document_id = d.id);

    ALTER TABLE documents DROP COLUMN done_at;
  `)
}
