import type { Database } from 'better-sqlite3'
import type { Label } from '../shared/model'

export function listLabels(db: Database): Label[] {
  return db.prepare('SELECT name, color, hotkey, description FROM labels ORDER BY position, name').all() as Label[]
}

/** Adds labels not in the set yet at the end; existing ones keep their colour and place. Returns the names added. */
export function addMissingLabels(db: Database, labels: readonly Label[]): string[] {
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
