import type { Database } from 'better-sqlite3'

/** One value of the project's own settings (its guidelines), or undefined. */
export function getMeta(db: Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(key) as string | undefined
}

export function setMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}
