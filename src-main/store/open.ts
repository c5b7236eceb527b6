import fs from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { FactspanError, StorageError } from '../shared/errors'
import { asWritable, type ReadableDB, type WritableDB } from './db'
import { LATEST_VERSION, migrations } from './migrations'
import { damagedProject, storageError } from './storageErrors'

/** PRAGMA application_id of every Factspan project: "FSPN". Other SQLite files are refused, untouched. */
export const APPLICATION_ID = 0x4653504e

const SQLITE_MAGIC = 'SQLite format 3\u0000'
const HEADER_BYTES = 100
/** How long a connection waits for another program's lock before it says the project is in use. */
const BUSY_TIMEOUT_MS = 5000

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create?: boolean
  /** Path to a better_sqlite3.node built for another runtime (the Electron build); default: Node's. */
  nativeBinding?: string
  /** Called before pending migrations change the file, e.g. to back it up first; a throw leaves the file as it was. */
  beforeMigration?: (from: number, to: number) => void
}

/**
 * Opens a project file: checks that it is a whole Factspan project of a version we know before writing anything,
 * sets the pragmas every connection needs, and applies pending migrations in one transaction. A file this process
 * may not write is opened read-only (`db.readonly`): its handle is still a WritableDB, whose writes SQLite refuses.
 */
export function openProject(path: string, options: OpenOptions = {}): WritableDB {
  const exists = fs.existsSync(path)
  if (!exists && !options.create) throw new FactspanError('not-found', `${path}: no such project file`)
  if (exists && fs.statSync(path).isDirectory()) throw new FactspanError('bad-input', `${path}: is a folder, not a project file`)
  if (exists) checkProjectFile(path, options.nativeBinding, true)
  // A new project may be the first thing written on a fresh machine (the sample project in ~/.config/factspan).
  else fs.mkdirSync(dirname(path), { recursive: true })

  const readonly = exists && !writable(path)
  const db = connect(path, { readonly, nativeBinding: options.nativeBinding })
  try {
    if (!readonly) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version < LATEST_VERSION) {
      if (readonly) {
        throw new StorageError('read-only', `${path} is read-only and was made by an older Factspan, which this one must upgrade first: make the file writable to open it.`)
      }
      // A new file holds nothing to keep.
      if (version > 0) options.beforeMigration?.(version, LATEST_VERSION)
      migrate(db, version)
    }
    return asWritable(db)
  } catch (error) {
    db.close()
    throw storageError(error, path) ?? error
  }
}

/**
 * Opens another Factspan project read-only, e.g. an annotator's file to merge: it must be a Factspan project
 * (not an empty or foreign SQLite file) of a schema version this Factspan knows. Nothing is migrated or written.
 * `verify: false` skips the check of every page, for a second connection to a project already open.
 */
export function openProjectReadOnly(path: string, options: Pick<OpenOptions, 'nativeBinding'> & { verify?: boolean } = {}): ReadableDB {
  if (!fs.existsSync(path)) throw new FactspanError('not-found', `${path}: no such project file`)
  checkProjectFile(path, options.nativeBinding, options.verify ?? true)
  const db = connect(path, { readonly: true, nativeBinding: options.nativeBinding })
  try {
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || (db.pragma('user_version', { simple: true }) as number) < 1) {
      throw new FactspanError('bad-input', `${path}: not a Factspan project (an SQLite database without Factspan's tables)`)
    }
    return db
  } catch (error) {
    db.close()
    throw storageError(error, path) ?? error
  }
}

function connect(path: string, options: { readonly: boolean; nativeBinding?: string }): Db {
  const db = new Database(path, { readonly: options.readonly, fileMustExist: options.readonly, nativeBinding: options.nativeBinding })
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  return db
}

function writable(path: string): boolean {
  try {
    fs.accessSync(path, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Checks a project file before anything writes to it, read-only, so a file we refuse is left exactly as it was:
 * each way it can be wrong gets its own message naming the file.
 */
function checkProjectFile(path: string, nativeBinding: string | undefined, verify: boolean): void {
  const header = readHeader(path)
  const notAProject = (why: string) => new FactspanError('bad-input', `${path}: not a Factspan project (${why})`)
  if (header.length === 0) throw notAProject('the file is empty')
  if (header.length < SQLITE_MAGIC.length || header.subarray(0, SQLITE_MAGIC.length).toString('latin1') !== SQLITE_MAGIC) {
    throw notAProject('not an SQLite database')
  }
  checkFileLength(path, header)
  let db: Db
  try {
    db = connect(path, { readonly: true, nativeBinding })
  } catch (error) {
    throw storageError(error, path) ?? new FactspanError('bad-input', `${path}: cannot open: ${(error as Error).message}`)
  }
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    if (applicationId !== APPLICATION_ID) {
      const tables = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }
      if (applicationId !== 0 || tables.n > 0) throw notAProject('an SQLite database of another application')
    }
    if (version > LATEST_VERSION) {
      throw new FactspanError(
        'bad-input',
        `${path}: made by a newer Factspan (schema version ${version}; this one reads up to ${LATEST_VERSION}). Update Factspan to open it.`,
      )
    }
    if (verify) {
      const problem = db.pragma('quick_check(1)', { simple: true }) as string
      if (problem !== 'ok') {
        const found = problem.split('\n').filter((line) => !line.startsWith('***')).join('; ')
        throw damagedProject(path, `SQLite's check of its pages found: ${found}`)
      }
    }
  } catch (error) {
    if (error instanceof FactspanError) throw error
    throw storageError(error, path) ?? error
  } finally {
    db.close()
  }
}

function readHeader(path: string): Buffer {
  if (fs.statSync(path).isDirectory()) throw new FactspanError('bad-input', `${path}: is a folder, not a project file`)
  const fd = fs.openSync(path, 'r')
  try {
    const header = Buffer.alloc(HEADER_BYTES)
    return header.subarray(0, fs.readSync(fd, header, 0, HEADER_BYTES, 0))
  } finally {
    fs.closeSync(fd)
  }
}

/** A file shorter than its header says was cut short (a copy that stopped, a disk that failed), unless its journal holds the rest. */
function checkFileLength(path: string, header: Buffer): void {
  const size = fs.statSync(path).size
  if (header.length < HEADER_BYTES) throw damagedProject(path, `the file is cut short: ${size} bytes, less than an SQLite header`)
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16)
  const pages = header.readUInt32BE(28)
  // The page count is valid when the two change counters agree (SQLite's rule since 3.7.0).
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92)
  const journal = `${path}-wal`
  const journalHoldsPages = fs.existsSync(journal) && fs.statSync(journal).size > 0
  if (countValid && pages > 0 && size < pages * pageSize && !journalHoldsPages) {
    throw damagedProject(path, `the file is cut short: ${size} bytes of the ${pages * pageSize} its header gives`)
  }
}

function migrate(db: Db, current: number): void {
  const pending = migrations.filter((m) => m.version > current)
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
    db.pragma(`application_id = ${APPLICATION_ID}`)
  }).immediate()
}
