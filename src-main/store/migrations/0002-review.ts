import type { Database } from 'better-sqlite3'

// A reviewer marks a document reviewed once its gold layer is settled.
export function up(db: Database): void {
  db.exec('ALTER TABLE documents ADD COLUMN reviewed_at TEXT')
}
