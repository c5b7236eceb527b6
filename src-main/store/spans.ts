import type { ReadableDB, WritableDB } from './db'
import type { Span } from '../shared/model'
import { cached } from './statements'

const COLUMNS = 'id, document_id AS documentId, start, "end", label, quote AS text, annotator, created_at AS createdAt'
const ORDER = 'ORDER BY start, "end", label, annotator, id'
const INSERT = `INSERT OR IGNORE INTO spans (id, document_id, start, "end", label, quote, annotator, created_at)
  VALUES (@id, @documentId, @start, @end, @label, @text, @annotator, @createdAt)`

export type NewSpan = Omit<Span, 'id'> & { id?: number }

export function listSpans(db: ReadableDB, documentId: string, annotator?: string): Span[] {
  return spanReader(db, annotator)(documentId)
}

export function getSpan(db: ReadableDB, id: number): Span | undefined {
  return cached(db, `SELECT ${COLUMNS} FROM spans WHERE id = ?`).get(id) as Span | undefined
}

export function findSameSpan(db: ReadableDB, span: Omit<NewSpan, 'text' | 'createdAt' | 'id'>): Span | undefined {
  return cached(
    db,
    `SELECT ${COLUMNS} FROM spans WHERE document_id = @documentId AND annotator = @annotator
       AND start = @start AND "end" = @end AND label = @label`,
  ).get(span) as Span | undefined
}

/** Inserts a span (with its id when one is given, for undo); returns the id. Duplicates are ignored: returns null. */
export function insertSpan(db: WritableDB, span: NewSpan): number | null {
  const result = cached(db, INSERT).run({ ...span, id: span.id ?? null })
  return result.changes > 0 ? Number(result.lastInsertRowid) : null
}

export function deleteSpan(db: WritableDB, id: number): boolean {
  return cached(db, 'DELETE FROM spans WHERE id = ?').run(id).changes > 0
}

export function setSpanLabel(db: WritableDB, id: number, label: string): void {
  cached(db, 'UPDATE spans SET label = ? WHERE id = ?').run(label, id)
}

/** Reads a document's spans, optionally one annotator's layer, in text order; prepared once for many documents. */
export function spanReader(db: ReadableDB, annotator?: string): (documentId: string) => Span[] {
  const statement = db.prepare(
    `SELECT ${COLUMNS} FROM spans WHERE document_id = @documentId AND (@annotator IS NULL OR annotator = @annotator) ${ORDER}`,
  )
  return (documentId) => statement.all({ documentId, annotator: annotator ?? null }) as Span[]
}

export function listAnnotators(db: ReadableDB): string[] {
  return db.prepare('SELECT DISTINCT annotator FROM spans ORDER BY annotator').pluck().all() as string[]
}

export function countSpansByLabel(db: ReadableDB): Array<{ label: string; count: number }> {
  return db.prepare('SELECT label, count(*) AS count FROM spans GROUP BY label ORDER BY label').all() as Array<{ label: string; count: number }>
}

/** Inserts many spans with one prepared statement, inside the caller's transaction; returns the ids, null for duplicates. */
export function spanWriter(db: WritableDB): (span: NewSpan) => number | null {
  const statement = cached(db, INSERT)
  return (span) => {
    const result = statement.run({ ...span, id: span.id ?? null })
    return result.changes > 0 ? Number(result.lastInsertRowid) : null
  }
}

export function setSpanRange(db: WritableDB, id: number, start: number, end: number, text: string): void {
  cached(db, 'UPDATE spans SET start = ?, "end" = ?, quote = ? WHERE id = ?').run(start, end, text, id)
}

/** Every span with a label, of every document and annotator, in text order per document. */
export function listSpansWithLabel(db: ReadableDB, label: string): Span[] {
  return db.prepare(`SELECT ${COLUMNS} FROM spans WHERE label = ? ORDER BY document_id, start, "end", annotator, id`).all(label) as Span[]
}

export function countSpansWithLabel(db: ReadableDB, label: string): { spans: number; documents: number } {
  return db.prepare('SELECT count(*) AS spans, count(DISTINCT document_id) AS documents FROM spans WHERE label = ?').get(label) as {
    spans: number
    documents: number
  }
}

export function deleteSpansWithLabel(db: WritableDB, label: string): number {
  return db.prepare('DELETE FROM spans WHERE label = ?').run(label).changes
}

/** Every layer with its span and document counts, by annotator name; the gold layer is one of them once it exists. */
export function countLayers(db: ReadableDB): Array<{ annotator: string; spans: number; documents: number }> {
  return db
    .prepare('SELECT annotator, count(*) AS spans, count(DISTINCT document_id) AS documents FROM spans GROUP BY annotator ORDER BY annotator')
    .all() as Array<{ annotator: string; spans: number; documents: number }>
}

export function hasLayer(db: ReadableDB, annotator: string): boolean {
  return db.prepare('SELECT 1 FROM spans WHERE annotator = ? LIMIT 1').pluck().get(annotator) !== undefined
}

/** A span as a merge copies it: start, end, label, quote, annotator, created_at. */
export type SpanRow = [start: number, end: number, label: string, quote: string, annotator: string, createdAt: string]

/** Every span of a project grouped by document, as rows rather than objects: a merge reads another project whole. */
export function spansByDocument(db: ReadableDB): Map<string, SpanRow[]> {
  const rows = db.prepare('SELECT document_id, start, "end", label, quote, annotator, created_at FROM spans ORDER BY document_id, start, "end", label, annotator').raw()
  const byDocument = new Map<string, SpanRow[]>()
  for (const [documentId, ...span] of rows.iterate() as IterableIterator<[string, ...SpanRow]>) {
    let spans = byDocument.get(documentId)
    if (!spans) byDocument.set(documentId, (spans = []))
    spans.push(span)
  }
  return byDocument
}

/** Copies spans into a document in bulk, inside the caller's transaction; true when the span was new, false when it was there. */
export function spanCopier(db: WritableDB): (documentId: string, span: SpanRow) => boolean {
  const statement = db.prepare('INSERT OR IGNORE INTO spans (document_id, start, "end", label, quote, annotator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  return (documentId, span) => statement.run(documentId, ...span).changes > 0
}

/**
 * Spans per document and label, of one layer or all, as [document id, label, count] rows: what a dataset split is
 * planned on. Counted while walking the spans_unique index, which keeps each document's spans together: a GROUP BY
 * would sort a million rows first.
 */
export function* iterateSpanCountsByDocument(db: ReadableDB, annotator?: string): Generator<[documentId: string, label: string, count: number]> {
  const rows = db
    .prepare('SELECT document_id, label FROM spans INDEXED BY spans_unique WHERE @annotator IS NULL OR annotator = @annotator ORDER BY document_id')
    .raw()
    .iterate({ annotator: annotator ?? null }) as IterableIterator<[string, string]>
  let current: string | undefined
  const counts = new Map<string, number>()
  for (const [documentId, label] of rows) {
    if (documentId !== current) {
      if (current !== undefined) for (const [l, n] of counts) yield [current, l, n]
      counts.clear()
      current = documentId
    }
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  if (current !== undefined) for (const [l, n] of counts) yield [current, l, n]
}

/** A span as an export writes it: start, end, label, quote, annotator. */
export type ExportedSpanRow = [start: number, end: number, label: string, quote: string, annotator: string, id: number]

/**
 * Reads a document's spans of one layer (or all) in text order as rows, prepared once: an export calls it for every
 * document, and rows with positional parameters take half the time of objects.
 */
export function exportedSpanReader(db: ReadableDB, annotator?: string): (documentId: string) => ExportedSpanRow[] {
  const columns = 'SELECT start, "end", label, quote, annotator, id FROM spans'
  if (annotator === undefined) {
    const statement = db.prepare(`${columns} WHERE document_id = ? ${ORDER}`).raw()
    return (documentId) => statement.all(documentId) as ExportedSpanRow[]
  }
  const statement = db.prepare(`${columns} WHERE document_id = ? AND annotator = ? ${ORDER}`).raw()
  return (documentId) => statement.all(documentId, annotator) as ExportedSpanRow[]
}

/** Spans per label of one layer or all, as [label, count] rows. */
export function countSpansByLabelInLayer(db: ReadableDB, annotator?: string): Array<[label: string, count: number]> {
  return db
    .prepare('SELECT label, count(*) FROM spans WHERE @annotator IS NULL OR annotator = @annotator GROUP BY label')
    .raw()
    .all({ annotator: annotator ?? null }) as Array<[string, number]>
}

/** A document's span ids by layer, offsets and label (keyed as spanKey gives), read in one query; prepared once. */
export function spanIdsOfDocument(db: ReadableDB): (documentId: string) => Map<string, number> {
  const statement = db.prepare('SELECT id, annotator, start, "end", label FROM spans WHERE document_id = ?').raw()
  return (documentId) => {
    const ids = new Map<string, number>()
    for (const [id, annotator, start, end, label] of statement.all(documentId) as Array<[number, string, number, number, string]>) {
      ids.set(spanKey(annotator, start, end, label), id)
    }
    return ids
  }
}

export function spanKey(annotator: string, start: number, end: number, label: string): string {
  return `${start}:${end}:${label}:${annotator}`
}

/** Finds the id of a span already stored, by document, layer, offsets and label; prepared once for many lookups. */
export function spanIdFinder(db: ReadableDB): (documentId: string, annotator: string, start: number, end: number, label: string) => number | undefined {
  const statement = db
    .prepare('SELECT id FROM spans WHERE document_id = ? AND annotator = ? AND start = ? AND "end" = ? AND label = ?')
    .pluck()
  return (documentId, annotator, start, end, label) => statement.get(documentId, annotator, start, end, label) as number | undefined
}

/** Spans per annotator and label, gold included. */
export function countSpansByAnnotatorAndLabel(db: ReadableDB): Array<{ annotator: string; label: string; count: number }> {
  return db.prepare('SELECT annotator, label, count(*) AS count FROM spans GROUP BY annotator, label ORDER BY annotator, label').all() as Array<{
    annotator: string
    label: string
    count: number
  }>
}

/** Each text tagged in these layers with each label, and how many times: what the project's dictionary is made of. */
export function taggedTextCounts(db: ReadableDB, annotators: readonly string[]): Array<{ text: string; label: string; count: number }> {
  return db
    .prepare('SELECT quote AS text, label, count(*) AS count FROM spans WHERE annotator IN (SELECT value FROM json_each(?)) GROUP BY quote, label')
    .all(JSON.stringify(annotators)) as Array<{ text: string; label: string; count: number }>
}
