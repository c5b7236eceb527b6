import type { Statement } from 'better-sqlite3'
import type { ReadableDB } from './db'

const caches = new WeakMap<ReadableDB, Map<string, Statement>>()

/**
 * A statement prepared once per database handle, for the queries every edit runs: preparing costs more than
 * running them. Only for statements used as they are (no pluck or raw, which would change them for every caller).
 */
export function cached(db: ReadableDB, sql: string): Statement {
  let statements = caches.get(db)
  if (!statements) caches.set(db, (statements = new Map()))
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = db.prepare(sql)))
  return statement
}
