import type { ReadableDB, WritableDB } from './db'
import type { Label } from '../shared/model'
import { cached } from './statements'

export function listLabels(db: ReadableDB): Label[] {
  return cached(db, 'SELECT name, color, hotkey, description FROM labels ORDER BY position, name').all() as Label[]
}

/** The labels some span has, in the set's order: what a project brings when it is merged into another. */
export function listLabelsInUse(db: ReadableDB): Label[] {
  return db
    .prepare(
      `SELECT l.name, l.color, l.hotkey, l.description FROM labels l
       WHERE l.name IN (SELECT DISTINCT label FROM spans) ORDER BY l.position, l.name`,
    )
    .all() as Label[]
}

/** Adds labels not in the set yet at the end; existing ones keep their colour and place. Returns the names added. */
export function addMissingLabels(db: WritableDB, labels: readonly Label[]): string[] {
  const exists = db.prepare('SELECT 1 FROM labels WHERE name = ?').pluck()
  const next = db.prepare('SELECT coalesce(max(position), -1) + 1 FROM labels').pluck()
  const insert = db.prepare(
    'INSERT INTO labels (name, color, hotkey, description, position) VALUES (@name, @color, @hotkey, @description, @position)',
  )
  const added: string[] = []
  for (const label of labels) {
    if (exists.get(label.name)) continue
    insert.run({ ...label, position: next.get() as number })
    added.push(label.name)
  }
  return added
}

export function getLabel(db: ReadableDB, name: string): Label | undefined {
  return cached(db, 'SELECT name, color, hotkey, description FROM labels WHERE name = ?').get(name) as Label | undefined
}

/** Adds one label at a place in the order (0 is first); the others move down. */
export function insertLabel(db: WritableDB, label: Label, position: number): void {
  const names = listLabels(db).map((l) => l.name)
  db.prepare('INSERT INTO labels (name, color, hotkey, description, position) VALUES (@name, @color, @hotkey, @description, 0)').run(label)
  names.splice(Math.min(Math.max(position, 0), names.length), 0, label.name)
  setLabelOrder(db, names)
}

/** Changes a label; a new name reaches every span through the foreign key's ON UPDATE CASCADE. */
export function updateLabel(db: WritableDB, name: string, label: Label): void {
  db.prepare('UPDATE labels SET name = @name, color = @color, hotkey = @hotkey, description = @description WHERE name = @old').run({ ...label, old: name })
}

/** Numbers the labels 0, 1, … in the given order. */
export function setLabelOrder(db: WritableDB, names: readonly string[]): void {
  const set = db.prepare('UPDATE labels SET position = ? WHERE name = ?')
  names.forEach((name, position) => set.run(position, name))
}

export function deleteLabel(db: WritableDB, name: string): void {
  db.prepare('DELETE FROM labels WHERE name = ?').run(name)
}
