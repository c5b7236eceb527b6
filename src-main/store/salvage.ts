// Reading what is left of a damaged project, one row at a time. The rows are found through the table and through
// every index that holds their rowids (an index page may survive where a table page did not), then each is read on
// its own; a row SQLite cannot read, or whose text no longer matches its hash or quote, is skipped and counted.
import Database from 'better-sqlite3'
import type { NativeRecord, NativeRelation, NativeSpan } from '../shared/formats/native'
import { sha256Hex } from '../shared/hash'
import { OffsetMap } from '../shared/offsets'
import type { ReadableDB } from './db'
import { parseStoredMeta } from './documents'

export interface SalvageCounts {
  documents: number
  spans: number
  /** Rows found but not readable whole, or whose text or quote no longer checks out. */
  skippedDocuments: number
  skippedSpans: number
}

interface DocumentRow {
  id: string
  title: string
  text: string
  sha: string
  meta: string
  position: number
}

interface SpanRow {
  start: number
  end: number
  label: string
  quote: string
  annotator: string
}

/** Opens a damaged project read-only as it is, without the checks openProjectReadOnly makes (it would refuse it). */
export function openDamagedProject(path: string, nativeBinding?: string): ReadableDB {
  return new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
}

/** Every document that can still be read whole, with the spans of it that can, in project order. */
export function* salvageRecords(db: ReadableDB, counts: SalvageCounts): Generator<NativeRecord> {
  const documentRows = rowids(db, ['SELECT rowid FROM documents', 'SELECT rowid FROM documents INDEXED BY documents_by_position', 'SELECT rowid FROM documents INDEXED BY documents_by_sha'])
  const spansByDocument = spanRowids(db)
  const relationsByDocument = relationRows(db)
  const readDocument = db.prepare('SELECT id, title, text, text_sha256 AS sha, meta, position FROM documents WHERE rowid = ?')
  const readSpan = db.prepare('SELECT start, "end", label, quote, annotator FROM spans WHERE id = ?')
  const documents: DocumentRow[] = []
  for (const rowid of documentRows) {
    const row = readRow<DocumentRow>(readDocument, rowid)
    if (row && typeof row.text === 'string' && sha256Hex(row.text) === row.sha) documents.push(row)
    else counts.skippedDocuments++
  }
  documents.sort((a, b) => a.position - b.position)
  for (const document of documents) {
    const map = new OffsetMap(document.text)
    const spans: NativeSpan[] = []
    const indexOf = new Map<number, number>()
    for (const id of spansByDocument.get(document.id) ?? []) {
      const span = readRow<SpanRow>(readSpan, id)
      const whole = span && span.start >= 0 && span.start < span.end && span.end <= map.codePointLength && map.slice(span.start, span.end) === span.quote
      if (!whole) {
        counts.skippedSpans++
        continue
      }
      indexOf.set(id, spans.length)
      spans.push({ start: span.start, end: span.end, label: span.label, text: span.quote, annotator: span.annotator })
    }
    // A relation comes along when both its spans could be read.
    const relations: NativeRelation[] = []
    for (const [from, to, type] of relationsByDocument.get(document.id) ?? []) {
      const [f, t] = [indexOf.get(from), indexOf.get(to)]
      if (f !== undefined && t !== undefined && typeof type === 'string') relations.push({ from: f, to: t, type })
    }
    counts.documents++
    counts.spans += spans.length
    const record = { id: document.id, title: document.title, text: document.text, meta: parseStoredMeta(document.meta), spans }
    yield relations.length > 0 ? { ...record, relations } : record
  }
}

/** The rowids each query reaches before it fails, together. */
function rowids(db: ReadableDB, queries: string[]): Set<number> {
  const found = new Set<number>()
  for (const sql of queries) {
    try {
      for (const rowid of db.prepare(sql).pluck().iterate() as Iterable<number>) found.add(rowid)
    } catch {
      // Damaged from here on; the next query may reach what this one could not.
    }
  }
  return found
}

/** The spans' rowids by document id, from the table and both indexes; a span's document id is read from each. */
function spanRowids(db: ReadableDB): Map<string, Set<number>> {
  const byDocument = new Map<string, Set<number>>()
  for (const sql of ['SELECT id, document_id FROM spans', 'SELECT id, document_id FROM spans INDEXED BY spans_by_document', 'SELECT id, document_id FROM spans INDEXED BY spans_unique']) {
    try {
      for (const [id, documentId] of db.prepare(sql).raw().iterate() as Iterable<[number, string]>) {
        let ids = byDocument.get(documentId)
        if (!ids) byDocument.set(documentId, (ids = new Set()))
        ids.add(id)
      }
    } catch {
      // As above.
    }
  }
  return byDocument
}

/** The relations that can be read, as [from span id, to span id, type] by document id; none before relations existed. */
function relationRows(db: ReadableDB): Map<string, Array<[number, number, unknown]>> {
  const byDocument = new Map<string, Array<[number, number, unknown]>>()
  try {
    for (const [documentId, from, to, type] of db.prepare('SELECT document_id, from_span, to_span, type FROM relations').raw().iterate() as Iterable<[string, number, number, unknown]>) {
      let list = byDocument.get(documentId)
      if (!list) byDocument.set(documentId, (list = []))
      list.push([from, to, type])
    }
  } catch {
    // No relations table (an older file), or damaged from here on: what was read stays.
  }
  return byDocument
}

function readRow<T>(statement: ReturnType<ReadableDB['prepare']>, rowid: number): T | undefined {
  try {
    return statement.get(rowid) as T | undefined
  } catch {
    return undefined
  }
}
