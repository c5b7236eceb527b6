import type { ReadableDB, WritableDB } from './db'
import type { Document, DocumentStatus, DocumentSummary } from '../shared/model'
import { documentStatusSql, exportStatusFilterSql, layerStatusSql } from './layerStatus'

export interface NewDocument {
  id: string
  title: string
  text: string
  textSha256: string
  length: number
  meta: Record<string, unknown>
}

// Status is derived in layerStatus.ts, as the annotator @annotator sees it.
const SUMMARY_COLUMNS = `
  d.id, d.title, d.length,
  (SELECT count(*) FROM spans s WHERE s.document_id = d.id) AS spanCount,
  ${documentStatusSql('d', '@annotator')} AS status,
  ${layerStatusSql('d', '@annotator')} AS layerStatus,
  (SELECT json_group_array(annotator) FROM (SELECT annotator FROM layer_status WHERE document_id = d.id AND status = 'done' ORDER BY annotator)) AS finishedBy`

type SummaryRow = Omit<DocumentSummary, 'finishedBy'> & { finishedBy: string }
const summaryOf = ({ finishedBy, ...row }: SummaryRow): DocumentSummary => ({ ...row, finishedBy: JSON.parse(finishedBy) as string[] })

/** The documents as `annotator` sees them, their status being their own layer's. */
export function listDocuments(db: ReadableDB, annotator: string, filter: { status?: DocumentStatus; query?: string } = {}): DocumentSummary[] {
  const rows = db
    .prepare(
      `SELECT * FROM (SELECT ${SUMMARY_COLUMNS}, d.position FROM documents d
         WHERE (@query IS NULL OR instr(lower(d.title), lower(@query)) > 0))
       WHERE (@status IS NULL OR status = @status)
       ORDER BY position`,
    )
    .all({ annotator, query: filter.query?.trim() || null, status: filter.status ?? null }) as Array<SummaryRow & { position?: number }>
  return rows.map(({ position: _position, ...summary }) => summaryOf(summary))
}

export function getDocumentSummary(db: ReadableDB, id: string, annotator: string): DocumentSummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = @id`).get({ id, annotator }) as SummaryRow | undefined
  return row && summaryOf(row)
}

export function documentExists(db: ReadableDB, id: string): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck().get(id) !== undefined
}

/** A document's text, for the offsets of spans. */
export function getDocumentText(db: ReadableDB, id: string): string | undefined {
  return db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string | undefined
}

export function getDocument(db: ReadableDB, id: string, annotator: string): Document | undefined {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, d.text, d.text_sha256 AS textSha256, d.meta FROM documents d WHERE d.id = @id`)
    .get({ id, annotator }) as (SummaryRow & { text: string; textSha256: string; meta: string }) | undefined
  return row && { ...summaryOf(row), text: row.text, textSha256: row.textSha256, meta: JSON.parse(row.meta) as Record<string, unknown> }
}

/** Every document in project order, text included; for exports. */
export function insertDocument(db: WritableDB, doc: NewDocument, now: string): void {
  db.prepare(
    `INSERT INTO documents (id, title, text, text_sha256, length, meta, position, created_at)
     VALUES (@id, @title, @text, @textSha256, @length, @meta, (SELECT coalesce(max(position), -1) + 1 FROM documents), @now)`,
  ).run({ ...doc, meta: JSON.stringify(doc.meta), now })
}

/** Lookups by id and by text hash, prepared once for the many documents of a merge. */
export function documentFinder(db: ReadableDB): { hashOf(id: string): string | undefined; idWithHash(sha: string): string | undefined } {
  const byId = db.prepare('SELECT text_sha256 FROM documents WHERE id = ?').pluck()
  const bySha = db.prepare('SELECT id FROM documents WHERE text_sha256 = ? ORDER BY position LIMIT 1').pluck()
  return {
    hashOf: (id) => byId.get(id) as string | undefined,
    idWithHash: (sha) => bySha.get(sha) as string | undefined,
  }
}

/** The document after `id` in project order whose layer of `annotator` is not done yet, wrapping around; null when all are done. */
export function nextOpenDocument(db: ReadableDB, id: string, annotator: string): string | null {
  const position = db.prepare('SELECT position FROM documents WHERE id = ?').pluck().get(id) as number | undefined
  if (position === undefined) return null
  const next = db
    .prepare(
      `SELECT d.id FROM documents d WHERE ${layerStatusSql('d', '@annotator')} <> 'done' AND d.id <> @id
       ORDER BY d.position <= @position, d.position LIMIT 1`,
    )
    .pluck()
    .get({ id, position, annotator }) as string | undefined
  return next ?? null
}

export function setDocumentReviewed(db: WritableDB, id: string, reviewedAt: string | null): boolean {
  return db.prepare('UPDATE documents SET reviewed_at = ? WHERE id = ?').run(reviewedAt, id).changes > 0
}

/** The document after `id` in project order (from the first when absent) not reviewed yet, wrapping around; null when all are. */
export function nextUnreviewedDocument(db: ReadableDB, id?: string): string | null {
  const position = id === undefined ? -1 : (db.prepare('SELECT position FROM documents WHERE id = ?').pluck().get(id) as number | undefined)
  if (position === undefined) return null
  const next = db
    .prepare(
      `SELECT id FROM documents WHERE reviewed_at IS NULL AND id IS NOT @id
       ORDER BY position <= @position, position LIMIT 1`,
    )
    .pluck()
    .get({ id: id ?? null, position }) as string | undefined
  return next ?? null
}

export function countReviewedDocuments(db: ReadableDB): number {
  return db.prepare('SELECT count(*) FROM documents WHERE reviewed_at IS NOT NULL').pluck().get() as number
}

export function countDocuments(db: ReadableDB): number {
  return db.prepare('SELECT count(*) FROM documents').pluck().get() as number
}

/**
 * The ids of the documents whose exported layer (an annotator's, gold, or every layer when null) has one of these
 * statuses (every document when absent), in project order.
 */
export function iterateDocumentIds(db: ReadableDB, statuses: readonly DocumentStatus[] | undefined, layer: string | null): IterableIterator<string> {
  return db
    .prepare(`SELECT d.id FROM documents d WHERE ${exportStatusFilterSql('d', layer)} ORDER BY d.position`)
    .pluck()
    .iterate({ statuses: statuses ? JSON.stringify(statuses) : null, ...(layer !== null && { layer }) }) as IterableIterator<string>
}

/** Every document as iterateDocumentIds chooses them, in project order, text included; for exports. */
export function iterateDocumentsWithStatus(db: ReadableDB, statuses: readonly DocumentStatus[] | undefined, layer: string | null): IterableIterator<ExportedDocument> {
  const rows = db
    .prepare(`SELECT d.id, d.title, d.text, d.meta FROM documents d WHERE ${exportStatusFilterSql('d', layer)} ORDER BY d.position`)
    .iterate({ statuses: statuses ? JSON.stringify(statuses) : null, ...(layer !== null && { layer }) }) as IterableIterator<ExportedDocument & { meta: string }>
  return (function* () {
    for (const row of rows) yield { ...row, meta: JSON.parse(row.meta) as Record<string, unknown> }
  })()
}

export interface ExportedDocument {
  id: string
  title: string
  text: string
  meta: Record<string, unknown>
}

/** The documents' done marks of a project before version 3, where a document had one, as [id, done at]. */
export function listDoneMarks(db: ReadableDB): Array<[id: string, doneAt: string]> {
  return db.prepare('SELECT id, done_at FROM documents WHERE done_at IS NOT NULL').raw().all() as Array<[string, string]>
}

/** A document as stored, with the hash of its text and its meta as JSON, for checking a file before trusting it. */
export interface StoredDocument {
  id: string
  title: string
  text: string
  sha: string
  meta: string
}

/** Every document as stored, in the project's order, read one at a time. */
export function iterateStoredDocuments(db: ReadableDB): IterableIterator<StoredDocument> {
  return db.prepare('SELECT id, title, text, text_sha256 AS sha, meta FROM documents ORDER BY position').iterate() as IterableIterator<StoredDocument>
}

/** Reads documents by id, prepared once for the many documents of a split export. */
export function documentReader(db: ReadableDB): (id: string) => ExportedDocument | undefined {
  const statement = db.prepare('SELECT id, title, text, meta FROM documents WHERE id = ?')
  return (id) => {
    const row = statement.get(id) as (ExportedDocument & { meta: string }) | undefined
    return row && { ...row, meta: JSON.parse(row.meta) as Record<string, unknown> }
  }
}

/**
 * Inserts documents at the end of the project with one prepared statement: for imports of many documents. Create it
 * inside the caller's transaction, which it must not outlive: it counts positions on from the last one it saw.
 */
export function documentWriter(db: WritableDB): (doc: NewDocument, now: string) => void {
  const statement = db.prepare('INSERT INTO documents (id, title, text, text_sha256, length, meta, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  let position = db.prepare('SELECT coalesce(max(position), -1) + 1 FROM documents').pluck().get() as number
  return (doc, now) => {
    statement.run(doc.id, doc.title, doc.text, doc.textSha256, doc.length, JSON.stringify(doc.meta), position++, now)
  }
}

/** A document's stored meta as an object; anything else (a damaged or foreign file) reads as none. */
export function parseStoredMeta(meta: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(meta)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
