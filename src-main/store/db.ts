// The two kinds of project handle and the only way services open a transaction. As in Signal-Desktop, a function that
// only reads takes a ReadableDB and one that writes a WritableDB: a read-only connection (an export's snapshot, another
// annotator's file being merged) cannot be handed to a writer, and a reader cannot open a write transaction.
import type { Database } from 'better-sqlite3'

declare const writable: unique symbol

/** What reading needs: statements and pragmas, never `exec` or `transaction`. Any connection reads. */
export type ReadableDB = Pick<Database, 'prepare' | 'pragma' | 'function' | 'name' | 'open' | 'inTransaction' | 'readonly' | 'memory' | 'close'>

/** A connection this process may write; only `openProject` makes one (see asWritable). */
export type WritableDB = Database & { readonly [writable]: true }

/** Marks a connection opened for writing; for openProject and for tests that build a file of an older schema by hand. */
export function asWritable(db: Database): WritableDB {
  return db as WritableDB
}

/**
 * Runs `body` in one write transaction (BEGIN IMMEDIATE, so a second writer waits at the start rather than failing at
 * the commit); a throw rolls it back and rethrows. Called inside another transaction it is a savepoint of it, so an
 * inner failure that the outer body catches undoes only the inner work.
 */
export function writeTransaction<T>(db: WritableDB, body: () => T): T {
  return db.transaction(body).immediate()
}

/** Runs `body` in one read transaction: everything it reads comes from one state of the project. Nests like writeTransaction. */
export function readTransaction<T>(db: ReadableDB, body: () => T): T {
  return (db as Database).transaction(body).deferred()
}

/**
 * A write transaction held across the steps of a job (a generator that yields between batches, so the event loop gets
 * turns): committed when the steps return, rolled back when they throw, are cancelled or are abandoned. Refused inside
 * another transaction, since a savepoint held across turns of the event loop would join whatever else runs then.
 */
export function* writeTransactionSteps<Y, T>(db: WritableDB, steps: () => Generator<Y, T, void>): Generator<Y, T, void> {
  return yield* heldTransaction(db, 'BEGIN IMMEDIATE', steps)
}

/** A read transaction held across the steps of a job, e.g. an export that reads one snapshot while the app edits. */
export function* readTransactionSteps<Y, T>(db: ReadableDB, steps: () => Generator<Y, T, void>): Generator<Y, T, void> {
  return yield* heldTransaction(db as Database, 'BEGIN', steps)
}

function* heldTransaction<Y, T>(db: Database, begin: string, steps: () => Generator<Y, T, void>): Generator<Y, T, void> {
  if (db.inTransaction) throw new Error(`${db.name}: a job's transaction cannot start inside another transaction`)
  db.exec(begin)
  let committed = false
  try {
    const result = yield* steps()
    db.exec('COMMIT')
    committed = true
    return result
  } finally {
    // A failed COMMIT (a full disk) may leave the transaction open; SQLite may also have rolled it back already.
    if (!committed && db.inTransaction) db.exec('ROLLBACK')
  }
}

/** Moves the write-ahead log into the project file, so the file alone (its hash, a copy) holds every commit. */
export function checkpoint(db: WritableDB): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
}
