import type { ReadableDB, WritableDB } from './db'

/** One value of the project's own settings (its guidelines), or undefined. */
export function getMeta(db: ReadableDB, key: string): string | undefined {
  return db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(key) as string | undefined
}

export function setMeta(db: WritableDB, key: string, value: string): void {
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}
