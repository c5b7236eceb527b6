// SQLite's online backup (better-sqlite3's db.backup()) as one synchronous call: it runs on a second thread while
// this one waits, so a backup can be taken where nothing may wait for a promise (before a migration, inside a
// service method). The copy is made through SQLite, page by page, so it is consistent while the project is open.
import { createRequire } from 'node:module'
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'

export interface CopyOptions {
  /** The better_sqlite3.node the app loads (the Electron build); default: Node's. */
  nativeBinding?: string
  /** How long to wait for a destination another program holds locked, before saying it is in use. */
  busyTimeoutMs?: number
}

/** What a failed copy threw on the second thread, with SQLite's code kept so the caller can tell what went wrong. */
export class CopyFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
    this.name = 'CopyFailure'
  }
}

// A copy that reports no progress for this long has hung (the second thread died): give up rather than wait forever.
const STALL_MS = 60_000
const DONE = 0
const STEPS = 1

const WORKER = `
const { workerData: task } = require('node:worker_threads')
const state = new Int32Array(task.shared)
const finish = (result) => {
  task.port.postMessage(result)
  Atomics.store(state, ${DONE}, 1)
  Atomics.notify(state, ${DONE})
}
;(async () => {
  const Database = require(task.betterSqlite3)
  const source = new Database(task.source, { readonly: true, fileMustExist: true, nativeBinding: task.nativeBinding })
  // Closed before the result is posted: the waiting thread ends this one as soon as it has the result.
  let result
  try {
    source.pragma('busy_timeout = ' + task.busyTimeoutMs)
    const deadline = Date.now() + task.busyTimeoutMs
    while (!result) {
      const progress = await source.backup(task.destination, { progress: () => (Atomics.add(state, ${STEPS}, 1), 1024) })
      if (progress.totalPages > 0) result = { ok: true, pages: progress.totalPages }
      // better-sqlite3 ends a backup whose destination is locked by another program at once, having copied nothing.
      else if (Date.now() > deadline) result = { ok: false, code: 'SQLITE_BUSY', message: 'database is locked' }
      else await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } finally {
    source.close()
  }
  finish(result)
})().catch((error) => finish({ ok: false, code: error && error.code, message: String((error && error.message) || error) }))
`

/**
 * Copies the database in `source` into `destination` with SQLite's online backup: a new file, or an existing
 * database whose content it replaces in one transaction (other connections to it then see the copy). Returns the
 * number of pages copied; throws a CopyFailure with SQLite's code.
 */
export function copyDatabase(source: string, destination: string, options: CopyOptions = {}): number {
  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)
  const state = new Int32Array(shared)
  const { port1, port2 } = new MessageChannel()
  const task = {
    source,
    destination,
    nativeBinding: options.nativeBinding,
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'),
    shared,
    port: port2,
  }
  const worker = new Worker(WORKER, { eval: true, workerData: task, transferList: [port2] })
  try {
    let steps = 0
    let quietSince = Date.now()
    while (Atomics.load(state, DONE) === 0) {
      Atomics.wait(state, DONE, 0, 1000)
      if (Atomics.load(state, STEPS) !== steps) {
        steps = Atomics.load(state, STEPS)
        quietSince = Date.now()
      } else if (Date.now() - quietSince > STALL_MS) {
        throw new CopyFailure(`the copy of ${source} stopped making progress`, undefined)
      }
    }
    // Posted before the flag was set; the message may take a moment to arrive.
    let received = receiveMessageOnPort(port1)
    while (!received) {
      Atomics.wait(state, STEPS, Atomics.load(state, STEPS), 10)
      received = receiveMessageOnPort(port1)
    }
    const result = received.message as { ok: true; pages: number } | { ok: false; code?: string; message: string }
    if (!result.ok) throw new CopyFailure(result.message, result.code)
    return result.pages
  } finally {
    port1.close()
    void worker.terminate()
  }
}

/** Turns a copy into rollback-journal mode, so it can be read without SQLite leaving -wal and -shm files beside it. */
export function useRollbackJournal(file: string, nativeBinding?: string): void {
  const copy = new Database(file, { nativeBinding })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}
