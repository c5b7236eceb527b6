import type { ReadableDB, WritableDB } from './db'
import { nextFreeHotkey } from '../shared/hotkeys'
import { RELATION_TYPE_COLORS, type Relation, type RelationType } from '../shared/model'
import { cached } from './statements'

const COLUMNS = 'id, document_id AS documentId, annotator, from_span AS "from", to_span AS "to", type, created_at AS createdAt'
const INSERT = `INSERT OR IGNORE INTO relations (id, document_id, annotator, from_span, to_span, type, created_at)
  VALUES (@id, @documentId, @annotator, @from, @to, @type, @createdAt)`

export type NewRelation = Omit<Relation, 'id'> & { id?: number }

/** A document's relations, optionally one layer's, in the order they were made. */
export function listRelations(db: ReadableDB, documentId: string, annotator?: string): Relation[] {
  return relationReader(db, annotator)(documentId)
}

/** Reads a document's relations (one layer's, or all); prepared once for many documents. */
export function relationReader(db: ReadableDB, annotator?: string): (documentId: string) => Relation[] {
  const statement = db.prepare(
    `SELECT ${COLUMNS} FROM relations WHERE document_id = @documentId AND (@annotator IS NULL OR annotator = @annotator) ORDER BY id`,
  )
  return (documentId) => statement.all({ documentId, annotator: annotator ?? null }) as Relation[]
}

export function getRelation(db: ReadableDB, id: number): Relation | undefined {
  return cached(db, `SELECT ${COLUMNS} FROM relations WHERE id = ?`).get(id) as Relation | undefined
}

export function findSameRelation(db: ReadableDB, from: number, to: number, type: string): Relation | undefined {
  return cached(db, `SELECT ${COLUMNS} FROM relations WHERE from_span = ? AND to_span = ? AND type = ?`).get(from, to, type) as Relation | undefined
}

/** Inserts a relation (with its id when one is given, for undo); returns the id, or null when the same one exists. */
export function insertRelation(db: WritableDB, relation: NewRelation): number | null {
  const result = cached(db, INSERT).run({ ...relation, id: relation.id ?? null })
  return result.changes > 0 ? Number(result.lastInsertRowid) : null
}

export function deleteRelation(db: WritableDB, id: number): boolean {
  return cached(db, 'DELETE FROM relations WHERE id = ?').run(id).changes > 0
}

export function setRelationType(db: WritableDB, id: number, type: string): void {
  cached(db, 'UPDATE relations SET type = ? WHERE id = ?').run(type, id)
}

/** The relations at either end of some spans: what deleting them deletes (through the foreign keys). */
export function relationsOfSpans(db: ReadableDB, spanIds: readonly number[]): Relation[] {
  const statement = cached(db, `SELECT ${COLUMNS} FROM relations WHERE from_span = ? OR to_span = ?`)
  const found = new Map<number, Relation>()
  for (const id of spanIds) for (const r of statement.all(id, id) as Relation[]) found.set(r.id, r)
  return [...found.values()].sort((a, b) => a.id - b.id)
}

export function listRelationsOfType(db: ReadableDB, type: string): Relation[] {
  return db.prepare(`SELECT ${COLUMNS} FROM relations WHERE type = ? ORDER BY id`).all(type) as Relation[]
}

export function countRelationsByType(db: ReadableDB): Array<{ type: string; count: number }> {
  return db.prepare('SELECT type, count(*) AS count FROM relations GROUP BY type ORDER BY type').all() as Array<{ type: string; count: number }>
}

interface RelationTypeRow {
  name: string
  color: string
  hotkey: string
  description: string
  fromLabels: string
  toLabels: string
}

const TYPE_COLUMNS = 'name, color, hotkey, description, from_labels AS fromLabels, to_labels AS toLabels'

function typeFromRow(row: RelationTypeRow): RelationType {
  return { ...row, fromLabels: JSON.parse(row.fromLabels) as string[], toLabels: JSON.parse(row.toLabels) as string[] }
}

function typeParams(type: RelationType) {
  return { ...type, fromLabels: JSON.stringify(type.fromLabels), toLabels: JSON.stringify(type.toLabels) }
}

export function listRelationTypes(db: ReadableDB): RelationType[] {
  return (cached(db, `SELECT ${TYPE_COLUMNS} FROM relation_types ORDER BY position, name`).all() as RelationTypeRow[]).map(typeFromRow)
}

export function getRelationType(db: ReadableDB, name: string): RelationType | undefined {
  const row = cached(db, `SELECT ${TYPE_COLUMNS} FROM relation_types WHERE name = ?`).get(name) as RelationTypeRow | undefined
  return row && typeFromRow(row)
}

/** Adds one relation type at a place in the order (0 is first); the others move down. */
export function insertRelationType(db: WritableDB, type: RelationType, position: number): void {
  const names = listRelationTypes(db).map((t) => t.name)
  db.prepare(
    `INSERT INTO relation_types (name, color, hotkey, description, from_labels, to_labels, position)
       VALUES (@name, @color, @hotkey, @description, @fromLabels, @toLabels, 0)`,
  ).run(typeParams(type))
  names.splice(Math.min(Math.max(position, 0), names.length), 0, type.name)
  const set = db.prepare('UPDATE relation_types SET position = ? WHERE name = ?')
  names.forEach((name, i) => set.run(i, name))
}

/** Changes a relation type; a new name reaches every relation through the foreign key's ON UPDATE CASCADE. */
export function updateRelationType(db: WritableDB, name: string, type: RelationType): void {
  db.prepare(
    `UPDATE relation_types SET name = @name, color = @color, hotkey = @hotkey, description = @description,
       from_labels = @fromLabels, to_labels = @toLabels WHERE name = @old`,
  ).run({ ...typeParams(type), old: name })
}

/** Deletes a relation type and every relation of it. */
export function deleteRelationType(db: WritableDB, name: string): void {
  db.prepare('DELETE FROM relations WHERE type = ?').run(name)
  db.prepare('DELETE FROM relation_types WHERE name = ?').run(name)
}

/** A label's new name in every relation type's allowed labels, so a label rename keeps the types' rules. */
export function renameLabelInRelationTypes(db: WritableDB, from: string, to: string): void {
  const rename = (labels: string[]) => labels.map((l) => (l === from ? to : l))
  for (const type of listRelationTypes(db)) {
    if (!type.fromLabels.includes(from) && !type.toLabels.includes(from)) continue
    updateRelationType(db, type.name, { ...type, fromLabels: rename(type.fromLabels), toLabels: rename(type.toLabels) })
  }
}

/** Relations per layer, for the review's layer list. */
export function countRelationsByLayer(db: ReadableDB): Map<string, number> {
  const rows = db.prepare('SELECT annotator, count(*) AS count FROM relations GROUP BY annotator').all() as Array<{ annotator: string; count: number }>
  return new Map(rows.map((r) => [r.annotator, r.count]))
}

/**
 * Adds relation types an import or merge names that the project lacks: as the other project had them (a hotkey only
 * when it is free), else allowing every label, with colours and free hotkeys. Returns the names added.
 */
export function addMissingRelationTypes(db: WritableDB, wanted: Iterable<string | RelationType>): string[] {
  const types = listRelationTypes(db)
  const added: string[] = []
  for (const want of wanted) {
    const name = typeof want === 'string' ? want : want.name
    if (types.some((t) => t.name === name)) continue
    const known = typeof want === 'string' ? undefined : want
    const hotkey = known && known.hotkey !== '' && !types.some((t) => t.hotkey === known.hotkey) ? known.hotkey : nextFreeHotkey(types)
    const type: RelationType = {
      name,
      color: known?.color ?? RELATION_TYPE_COLORS[types.length % RELATION_TYPE_COLORS.length],
      hotkey,
      description: known?.description ?? '',
      fromLabels: known?.fromLabels ?? [],
      toLabels: known?.toLabels ?? [],
    }
    insertRelationType(db, type, types.length)
    types.push(type)
    added.push(name)
  }
  return added
}

/** Inserts relations with one prepared statement, inside the caller's transaction; false for one stored already. */
export function relationCopier(db: WritableDB): (relation: Omit<NewRelation, 'id'>) => boolean {
  const statement = cached(db, INSERT)
  return (relation) => statement.run({ ...relation, id: null }).changes > 0
}

/** One end of a relation as another project or file names it: by layer, offsets and label, not by id. */
export interface RelationEnd {
  annotator: string
  start: number
  end: number
  label: string
}

export interface RelationByEnds {
  from: RelationEnd
  to: RelationEnd
  type: string
}

/** Every relation of a project with its ends by offsets and label, per document: what a merge copies. Empty before 0005. */
export function relationsByDocument(db: ReadableDB): Map<string, RelationByEnds[]> {
  const byDocument = new Map<string, RelationByEnds[]>()
  if (!hasRelations(db)) return byDocument
  const rows = db
    .prepare(
      `SELECT r.document_id, r.type, f.annotator, f.start, f."end", f.label, t.start, t."end", t.label
         FROM relations r JOIN spans f ON f.id = r.from_span JOIN spans t ON t.id = r.to_span ORDER BY r.document_id, r.id`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string, string, number, number, string, number, number, string]>
  for (const [documentId, type, annotator, fs, fe, fl, ts, te, tl] of rows) {
    let list = byDocument.get(documentId)
    if (!list) byDocument.set(documentId, (list = []))
    list.push({ type, from: { annotator, start: fs, end: fe, label: fl }, to: { annotator, start: ts, end: te, label: tl } })
  }
  return byDocument
}

/** The relation types of a project, or none in a file from before relations. */
export function relationTypesOf(db: ReadableDB): RelationType[] {
  return hasRelations(db) ? listRelationTypes(db) : []
}

function hasRelations(db: ReadableDB): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'relations'").pluck().get() !== undefined
}

/** One layer's relations with their ends by offsets and label, as agreement compares them. */
export function relationItemsOfLayer(db: ReadableDB, annotator: string): Array<{ document: string; type: string; from: RelationEnd; to: RelationEnd }> {
  const rows = db
    .prepare(
      `SELECT r.document_id, r.type, f.start, f."end", f.label, t.start, t."end", t.label
         FROM relations r JOIN spans f ON f.id = r.from_span JOIN spans t ON t.id = r.to_span WHERE r.annotator = ? ORDER BY r.id`,
    )
    .raw()
    .all(annotator) as Array<[string, string, number, number, string, number, number, string]>
  return rows.map(([document, type, fs, fe, fl, ts, te, tl]) => ({
    document,
    type,
    from: { annotator, start: fs, end: fe, label: fl },
    to: { annotator, start: ts, end: te, label: tl },
  }))
}
