import type { Database } from 'better-sqlite3'
import type { Span } from '../shared/model'

const COLUMNS = 'id, document_id AS documentId, start, "end", label, quote AS text, annotator, created_at AS createdAt'
const ORDER = 'ORDER BY start, "end", label, annotator, id'

export type NewSpan = Omit<Span, 'id'> & { id?: number }

export function listSpans(db: Database, documentId: string, annotator?: string): Span[] {
  return spanReader(db, annotator)(documentId)
}

export function getSpan(db: Database, id: number): Span | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM spans WHERE id = ?`).get(id) as Span | undefined
}

export function findSameSpan(db: Database, span: Omit<NewSpan, 'text' | 'createdAt' | 'id'>): Span | undefined {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM spans WHERE document_id = @documentId AND annotator = @annotator
       AND start = @start AND "end" = @end AND label = @label`,
    )
    .get(span) as Span | undefined
}

/** Inserts a span (with its id when one is given, for undo); returns the id. Duplicates are ignored: returns null. */
export function insertSpan(db: Database, span: NewSpan): number | null {
  const result = db
    .prepare(
      `INSERT OR IGNORE INTO spans (id, document_id, start, "end", label, quote, annotator, created_at)
       VALUES (@id, @documentId, @start, @end, @label, @text, @annotator, @createdAt)`,
    )
    .run({ ...span, id: span.id ?? null })
  return result.changes > 0 ? Number(result.lastInsertRowid) : null
}

export function deleteSpan(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM spans WHERE id = ?').run(id).changes > 0
}

export function setSpanLabel(db: Database, id: number, label: string): void {
  db.prepare('UPDATE spans SET label = ? WHERE id = ?').run(label, id)
}

/** Reads a document's spans, optionally one annotator's layer, in text order; prepared once for many documents. */
export function spanReader(db: Database, annotator?: string): (documentId: string) => Span[] {
  const statement = db.prepare(
    `SELECT ${COLUMNS} FROM spans WHERE document_id = @documentId AND (@annotator IS NULL OR annotator = @annotator) ${ORDER}`,
  )
  return (documentId) => statement.all({ documentId, annotator: annotator ?? null }) as Span[]
}

export function listAnnotators(db: Database): string[] {
  return db.prepare('SELECT DISTINCT annotator FROM spans ORDER BY annotator').pluck().all() as string[]
}

export function countSpansByLabel(db: Database): Array<{ label: string; count: number }> {
  return db.prepare('SELECT label, count(*) AS count FROM spans GROUP BY label ORDER BY label').all() as Array<{ label: string; count: number }>
}
