import fs from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { FactspanError } from '../shared/errors'
import { LATEST_VERSION, migrations } from './migrations'

/** PRAGMA application_id of every Factspan project: "FSPN". Other SQLite files are refused, untouched. */
export const APPLICATION_ID = 0x4653504e

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create?: boolean
  /** Path to a better_sqlite3.node built for another runtime (the Electron build); default: Node's. */
  nativeBinding?: string
}

/**
 * Opens a project file: checks that it is a Factspan project of a version we know before writing anything,
 * sets the pragmas every connection needs, and applies pending migrations in one transaction.
 */
export function openProject(path: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(path)
  if (!exists && !options.create) throw new FactspanError('not-found', `${path}: no such project file`)
  if (exists) checkProjectFile(path, options.nativeBinding)
  // A new project may be the first thing written on a fresh machine (the sample project in ~/.config/factspan).
  else fs.mkdirSync(dirname(path), { recursive: true })

  const db = new Database(path, { nativeBinding: options.nativeBinding })
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Opens another Factspan project read-only, e.g. an annotator's file to merge: it must be a Factspan project
 * (not an empty or foreign SQLite file) of a schema version this Factspan knows. Nothing is migrated or written.
 */
export function openProjectReadOnly(path: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Db {
  if (!fs.existsSync(path)) throw new FactspanError('not-found', `${path}: no such project file`)
  if (fs.statSync(path).size === 0) throw new FactspanError('bad-input', `${path}: not a Factspan project (the file is empty)`)
  checkProjectFile(path, options.nativeBinding)
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
  try {
    db.pragma('busy_timeout = 5000')
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || (db.pragma('user_version', { simple: true }) as number) < 1) {
      throw new FactspanError('bad-input', `${path}: not a Factspan project (an SQLite database without Factspan's tables)`)
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Reads the header read-only, so a file we refuse is left exactly as it was. */
function checkProjectFile(path: string, nativeBinding: string | undefined): void {
  if (fs.statSync(path).size === 0) return
  let db: Db
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
  } catch (error) {
    throw new FactspanError('bad-input', `${path}: cannot open: ${(error as Error).message}`)
  }
  try {
    let applicationId: number
    let version: number
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number
      version = db.pragma('user_version', { simple: true }) as number
    } catch {
      throw new FactspanError('bad-input', `${path}: not a Factspan project (not an SQLite database)`)
    }
    if (applicationId !== APPLICATION_ID) {
      const tables = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }
      if (applicationId !== 0 || tables.n > 0) {
        throw new FactspanError('bad-input', `${path}: not a Factspan project (an SQLite database of another application)`)
      }
    }
    if (version > LATEST_VERSION) {
      throw new FactspanError(
        'bad-input',
        `${path}: made by a newer Factspan (schema version ${version}; this one reads up to ${LATEST_VERSION}). Update Factspan to open it.`,
      )
    }
  } finally {
    db.close()
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
    db.pragma(`application_id = ${APPLICATION_ID}`)
  }).immediate()
}
