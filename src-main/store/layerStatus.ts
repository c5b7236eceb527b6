import type { ReadableDB, WritableDB } from './db'
import { GOLD_LAYER, type LayerStatus } from '../shared/model'

// The one place status is derived. A layer's stored status wins; without one it is in progress once it has a span,
// new before. `d` is the documents row's alias and `who` an SQL expression naming the annotator.
export function layerStatusSql(d: string, who: string): string {
  return `coalesce((SELECT ls.status FROM layer_status ls WHERE ls.document_id = ${d}.id AND ls.annotator = ${who}),
    CASE WHEN EXISTS (SELECT 1 FROM spans s WHERE s.document_id = ${d}.id AND s.annotator = ${who}) THEN 'in_progress' ELSE 'new' END)`
}

/** A document as one annotator sees it in the library: reviewed once a reviewer says so, else their layer's status. */
export function documentStatusSql(d: string, who: string): string {
  return `CASE WHEN ${d}.reviewed_at IS NOT NULL THEN 'reviewed' ELSE ${layerStatusSql(d, who)} END`
}

/** Every annotator's layers together: new while none has begun, done once every layer begun is done. */
function allLayersStatusSql(d: string): string {
  const begun = `SELECT annotator FROM spans WHERE document_id = ${d}.id AND annotator <> '${GOLD_LAYER}'
    UNION SELECT annotator FROM layer_status WHERE document_id = ${d}.id AND status <> 'new'`
  return `CASE WHEN NOT EXISTS (${begun}) THEN 'new'
    WHEN NOT EXISTS (SELECT 1 FROM (${begun}) a WHERE ${layerStatusSql(d, 'a.annotator')} <> 'done') THEN 'done'
    ELSE 'in_progress' END`
}

/** How many documents have each status for the project as a whole: reviewed, else every layer together. */
export function countDocumentsByStatus(db: ReadableDB): Array<[status: string, count: number]> {
  return db
    .prepare(`SELECT CASE WHEN d.reviewed_at IS NOT NULL THEN 'reviewed' ELSE ${allLayersStatusSql('d')} END AS status, count(*) FROM documents d GROUP BY status`)
    .raw()
    .all() as Array<[string, number]>
}

/**
 * An export's status filter on `d`, for the layer it exports (null: every layer), over the JSON array @statuses
 * (NULL: every document). 'reviewed' is the gold layer's, and so the document's, whichever layer is exported.
 */
export function exportStatusFilterSql(d: string, layer: string | null): string {
  const status = layer === null ? allLayersStatusSql(d) : layerStatusSql(d, '@layer')
  return `(@statuses IS NULL OR ${status} IN (SELECT value FROM json_each(@statuses))
    OR (${d}.reviewed_at IS NOT NULL AND 'reviewed' IN (SELECT value FROM json_each(@statuses))))`
}

/** Sets one annotator's status of some documents; returns the ids that are not in the project. */
export function setLayerStatus(db: WritableDB, ids: readonly string[], annotator: string, status: LayerStatus, now: string): string[] {
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck()
  const write = db.prepare(
    `INSERT INTO layer_status (document_id, annotator, status, done_at, changed_at) VALUES (@id, @annotator, @status, @doneAt, @now)
     ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, changed_at = excluded.changed_at,
       done_at = CASE WHEN excluded.status = 'done' THEN coalesce(layer_status.done_at, excluded.done_at) ELSE NULL END`,
  )
  const missing: string[] = []
  for (const id of ids) {
    if (!exists.get(id)) missing.push(id)
    else write.run({ id, annotator, status, doneAt: status === 'done' ? now : null, now })
  }
  return missing
}

/** Forgets one annotator's stored status of a document, so it is derived again from their spans. */
export function clearLayerStatus(db: WritableDB, id: string, annotator: string): void {
  db.prepare('DELETE FROM layer_status WHERE document_id = ? AND annotator = ?').run(id, annotator)
}

/** A stored status as a merge copies it: document id, annotator, status, done_at, changed_at. */
export type LayerStatusRow = [documentId: string, annotator: string, status: LayerStatus, doneAt: string | null, changedAt: string]

/** Every stored status of a project at version 3 or later, by document; older files derive it (see merge.ts). */
export function storedStatusesByDocument(db: ReadableDB): Map<string, LayerStatusRow[]> {
  const byDocument = new Map<string, LayerStatusRow[]>()
  const rows = db.prepare('SELECT document_id, annotator, status, done_at, changed_at FROM layer_status ORDER BY document_id, annotator').raw()
  for (const row of rows.iterate() as IterableIterator<LayerStatusRow>) {
    let list = byDocument.get(row[0])
    if (!list) byDocument.set(row[0], (list = []))
    list.push(row)
  }
  return byDocument
}

/**
 * Copies a status into a document of this project, inside the caller's transaction. The later change wins, so merging
 * a file again, or an older copy of it, leaves what is here.
 */
export function statusCopier(db: WritableDB): (documentId: string, row: LayerStatusRow) => boolean {
  const statement = db.prepare(
    `INSERT INTO layer_status (document_id, annotator, status, done_at, changed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, done_at = excluded.done_at, changed_at = excluded.changed_at
       WHERE excluded.changed_at > layer_status.changed_at`,
  )
  return (documentId, [, annotator, status, doneAt, changedAt]) => statement.run(documentId, annotator, status, doneAt, changedAt).changes > 0
}

/** One row per document in project order: each annotator's status of it (gold left out) and whether it is reviewed. */
export interface StatusRow {
  documentId: string
  title: string
  reviewed: boolean
  statuses: Record<string, LayerStatus>
}

/** The annotators who have a layer: spans, or a stored status; the gold layer left out. */
export function layerAnnotators(db: ReadableDB): string[] {
  return db
    .prepare(`SELECT annotator FROM spans WHERE annotator <> '${GOLD_LAYER}' UNION SELECT annotator FROM layer_status ORDER BY annotator`)
    .pluck()
    .all() as string[]
}

/** Each document's status for each of these annotators. */
export function statusTable(db: ReadableDB, annotators: readonly string[]): StatusRow[] {
  const documents = db.prepare('SELECT d.id, d.title, d.reviewed_at IS NOT NULL AS reviewed FROM documents d ORDER BY d.position').all() as Array<{ id: string; title: string; reviewed: number }>
  const statusOf = db.prepare(`SELECT ${layerStatusSql('d', '@annotator')} FROM documents d WHERE d.id = @id`).pluck()
  return documents.map((doc) => ({
    documentId: doc.id,
    title: doc.title,
    reviewed: doc.reviewed === 1,
    statuses: Object.fromEntries(annotators.map((annotator) => [annotator, statusOf.get({ id: doc.id, annotator }) as LayerStatus])),
  }))
}

/** When each layer was finished, for "finished over time": annotator and done_at of every done layer, oldest first. */
export function finishedLayers(db: ReadableDB): Array<{ annotator: string; documentId: string; doneAt: string }> {
  return db
    .prepare("SELECT annotator, document_id AS documentId, done_at AS doneAt FROM layer_status WHERE status = 'done' ORDER BY done_at, annotator")
    .all() as Array<{ annotator: string; documentId: string; doneAt: string }>
}

/** How many documents each annotator has marked done. */
export function countFinishedLayers(db: ReadableDB): Map<string, number> {
  const rows = db.prepare("SELECT annotator, count(*) FROM layer_status WHERE status = 'done' GROUP BY annotator").raw().all() as Array<[string, number]>
  return new Map(rows)
}
