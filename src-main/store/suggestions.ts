// The suggestion tables (migration 0004): stored suggestions (imported, or written by `factspan suggest`), each
// annotator's decisions on suggestions, the project's suggestion settings and its trained model.
import type { ReadableDB, WritableDB } from './db'
import { exportStatusFilterSql } from './layerStatus'
import { cached } from './statements'

export interface StoredSuggestion {
  documentId: string
  start: number
  end: number
  label: string
  source: string
  score: number
  ruleId?: string
}

export type Decision = 'accepted' | 'rejected'

export interface DecisionRow {
  documentId: string
  annotator: string
  start: number
  end: number
  label: string
  decision: Decision
  source: string
  decidedAt: string
}

const SUGGESTION_COLUMNS = 'document_id AS documentId, start, "end", label, source, score, rule_id AS ruleId'

/** The stored suggestions of a document (of some sources, or all), in text order. */
export function listStoredSuggestions(db: ReadableDB, documentId: string, sources?: readonly string[]): StoredSuggestion[] {
  const rows = cached(
    db,
    `SELECT ${SUGGESTION_COLUMNS} FROM suggestions WHERE document_id = @documentId
       AND (@sources IS NULL OR source IN (SELECT value FROM json_each(@sources)))
     ORDER BY start, "end" DESC, label, source`,
  ).all({ documentId, sources: sources ? JSON.stringify(sources) : null }) as Array<StoredSuggestion & { ruleId: string | null }>
  return rows.map(withoutNullRule)
}

/** Every stored suggestion of a document, reading one document at a time; prepared once for many documents. */
export function storedSuggestionReader(db: ReadableDB, sources?: readonly string[]): (documentId: string) => StoredSuggestion[] {
  return (documentId) => listStoredSuggestions(db, documentId, sources)
}

/** Writes suggestions inside the caller's transaction; the same (document, start, end, label, source) is replaced. */
export function suggestionWriter(db: WritableDB, createdAt: string): (suggestion: StoredSuggestion) => void {
  const statement = cached(
    db,
    `INSERT OR REPLACE INTO suggestions (document_id, start, "end", label, source, score, rule_id, created_at)
     VALUES (@documentId, @start, @end, @label, @source, @score, @ruleId, @createdAt)`,
  )
  return (s) => {
    statement.run({ documentId: s.documentId, start: s.start, end: s.end, label: s.label, source: s.source, score: s.score, ruleId: s.ruleId ?? null, createdAt })
  }
}

/** Removes a document's stored suggestions of one source (before writing that source's new ones). */
export function deleteStoredSuggestions(db: WritableDB, documentId: string, source: string): number {
  return cached(db, 'DELETE FROM suggestions WHERE document_id = ? AND source = ?').run(documentId, source).changes
}

export function countStoredSuggestions(db: ReadableDB): number {
  return (cached(db, 'SELECT count(*) AS n FROM suggestions').get() as { n: number }).n
}

/** Documents with stored suggestions, in project order. */
export function documentsWithSuggestions(db: ReadableDB): string[] {
  return db
    .prepare('SELECT s.document_id FROM suggestions s JOIN documents d ON d.id = s.document_id GROUP BY s.document_id ORDER BY min(d.position)')
    .pluck()
    .all() as string[]
}

/** One annotator's decisions on a document's suggestions. */
export function listDecisions(db: ReadableDB, documentId: string, annotator: string): DecisionRow[] {
  return cached(
    db,
    `SELECT document_id AS documentId, annotator, start, "end", label, decision, source, decided_at AS decidedAt
     FROM suggestion_decisions WHERE document_id = ? AND annotator = ? ORDER BY start, "end", label`,
  ).all(documentId, annotator) as DecisionRow[]
}

/** Records a decision (replacing an earlier one on the same suggestion), inside the caller's transaction. */
export function recordDecision(db: WritableDB, row: DecisionRow): void {
  cached(
    db,
    `INSERT OR REPLACE INTO suggestion_decisions (document_id, annotator, start, "end", label, decision, source, decided_at)
     VALUES (@documentId, @annotator, @start, @end, @label, @decision, @source, @decidedAt)`,
  ).run(row)
}

/** Forgets a decision; true when there was one. */
export function deleteDecision(db: WritableDB, key: { documentId: string; annotator: string; start: number; end: number; label: string }): boolean {
  return (
    cached(db, 'DELETE FROM suggestion_decisions WHERE document_id = @documentId AND annotator = @annotator AND start = @start AND "end" = @end AND label = @label').run(key)
      .changes > 0
  )
}

/** Accepted and rejected decisions per source, every annotator's, by source name. */
export function decisionCounts(db: ReadableDB): Array<{ source: string; accepted: number; rejected: number }> {
  return db
    .prepare(
      `SELECT source, sum(decision = 'accepted') AS accepted, sum(decision = 'rejected') AS rejected
       FROM suggestion_decisions GROUP BY source ORDER BY source`,
    )
    .all() as Array<{ source: string; accepted: number; rejected: number }>
}

/** A setting's JSON value, or undefined when the project has none. */
export function readSuggestionSetting(db: ReadableDB, key: string): unknown {
  const row = cached(db, 'SELECT value FROM suggestion_settings WHERE key = ?').get(key) as { value: string } | undefined
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown)
}

export function writeSuggestionSetting(db: WritableDB, key: string, value: unknown): void {
  cached(db, 'INSERT OR REPLACE INTO suggestion_settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(value))
}

export interface StoredModel {
  model: Uint8Array
  /** The model's info as JSON. */
  info: string
  createdAt: string
}

export function readModel(db: ReadableDB): StoredModel | undefined {
  const row = cached(db, 'SELECT model, info, created_at AS createdAt FROM suggestion_model WHERE id = 1').get() as
    | { model: Buffer; info: string; createdAt: string }
    | undefined
  return row && { model: new Uint8Array(row.model.buffer, row.model.byteOffset, row.model.byteLength), info: row.info, createdAt: row.createdAt }
}

/** The model's info alone, without reading its blob. */
export function readModelInfo(db: ReadableDB): string | undefined {
  const row = cached(db, 'SELECT info FROM suggestion_model WHERE id = 1').get() as { info: string } | undefined
  return row?.info
}

export function writeModel(db: WritableDB, model: Uint8Array, info: string, createdAt: string): void {
  cached(db, 'INSERT OR REPLACE INTO suggestion_model (id, model, info, created_at) VALUES (1, ?, ?, ?)').run(Buffer.from(model.buffer, model.byteOffset, model.byteLength), info, createdAt)
}

function withoutNullRule(row: StoredSuggestion & { ruleId: string | null }): StoredSuggestion {
  if (row.ruleId !== null) return row
  const { ruleId, ...rest } = row
  void ruleId
  return rest
}

/** Stored suggestions per label, each (document, start, end, label) once whatever its sources: what `export --layer suggestions` counts. */
export function countSuggestionsByLabel(db: ReadableDB): Array<[label: string, count: number]> {
  return db
    .prepare('SELECT label, count(*) FROM (SELECT DISTINCT document_id, start, "end", label FROM suggestions) GROUP BY label')
    .raw()
    .all() as Array<[string, number]>
}

/** Stored suggestions per document and label as [document id, label, count] rows, each span once: what a split of `--layer suggestions` is planned on. */
export function* iterateSuggestionCountsByDocument(db: ReadableDB): Generator<[documentId: string, label: string, count: number]> {
  yield* db
    .prepare('SELECT document_id, label, count(*) FROM (SELECT DISTINCT document_id, start, "end", label FROM suggestions) GROUP BY document_id, label')
    .raw()
    .iterate() as IterableIterator<[string, string, number]>
}

/** A document's stored suggestions as spans, each (start, end, label) once with its best score, in text order. */
export function suggestionSpanReader(db: ReadableDB): (documentId: string) => Array<[start: number, end: number, label: string, score: number]> {
  const statement = db
    .prepare('SELECT start, "end", label, max(score) FROM suggestions WHERE document_id = ? GROUP BY start, "end", label ORDER BY start, "end", label')
    .raw()
  return (documentId) => statement.all(documentId) as Array<[number, number, string, number]>
}

/** Finished documents with spans in a layer (done in that layer, or reviewed): what the model of that layer learns from. */
export function countFinishedDocumentsInLayer(db: ReadableDB, layer: string): number {
  return (
    cached(
      db,
      `SELECT count(*) AS n FROM documents d WHERE ${exportStatusFilterSql('d', '@layer')}
         AND EXISTS (SELECT 1 FROM spans s WHERE s.document_id = d.id AND s.annotator = @layer)`,
    ).get({ layer, statuses: JSON.stringify(['done', 'reviewed']) }) as { n: number }
  ).n
}
