// A JSONL file parsed on a second thread while the import stores on the first: reading, decoding, JSON and the
// checks of every line take about as long as SQLite's inserts, so the two overlap. The import stays synchronous: it
// waits for each batch with Atomics.wait and takes it with receiveMessageOnPort, and the parser never runs more than
// a few batches ahead, so memory stays flat. This module is also the second thread's entry.
import './nativeHash'
import fs from 'node:fs'
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads'
import { InputError } from '../shared/errors'
import type { FileWarning } from '../shared/formats'
import { sourceLine, textSha256, type NativeRecord } from '../shared/formats/native'
import { jsonlRecordBatches, type JsonlRead, type RecordBatch } from './jsonlFile'

interface Task {
  factspanJsonl: true
  path: string
  name: string
  read: JsonlRead
  port: MessagePort
  /** [batches posted, batches taken] */
  counters: SharedArrayBuffer
}

type Message =
  | { kind: 'batch'; records: NativeRecord[]; lines: number[]; hashes: string[]; fraction: number; warnings: FileWarning[] }
  | { kind: 'end' }
  | { kind: 'input-error'; file: string; line: number | undefined; reason: string }
  | { kind: 'failure'; message: string; starting?: true }

const POSTED = 0
const TAKEN = 1
// Batches the parser may run ahead of the import: enough to keep both threads busy, few enough to keep memory flat.
const AHEAD = 4
// A parser that posts nothing for this long has died: the import reports it rather than wait forever.
const SILENCE_MS = 60_000
// Starting a thread with its TypeScript loader takes a few hundred milliseconds: smaller files parse on this one.
export const WORKER_MIN_BYTES = 4 * 1024 * 1024

if (!isMainThread && (workerData as Task | null)?.factspanJsonl) parse(workerData as Task)

/**
 * The file's records a batch at a time, parsed on a second thread. A file under WORKER_MIN_BYTES, or one where the
 * thread cannot start (no TypeScript loader, as in a packaged app), is parsed on this thread instead.
 */
export function* parsedOnWorker(path: string, name: string, read: JsonlRead, warnings: FileWarning[]): Generator<RecordBatch> {
  const boot = fs.statSync(path).size >= WORKER_MIN_BYTES && read.encoding !== 'utf-16' ? bootScript() : undefined
  if (boot === undefined) return yield* jsonlRecordBatches({ path }, name, read, warnings)
  const { port1: port, port2 } = new MessageChannel()
  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)
  const task: Task = { factspanJsonl: true, path, name, read, port: port2, counters: shared }
  const worker = new Worker(boot, { eval: true, workerData: task, transferList: [port2] })
  const counters = new Int32Array(shared)
  try {
    for (;;) {
      const message = next(port, counters)
      if (message.kind === 'end') return
      if (message.kind === 'input-error') throw new InputError(message.file, message.line, message.reason)
      if (message.kind === 'failure' && message.starting) return yield* jsonlRecordBatches({ path }, name, read, warnings)
      if (message.kind === 'failure') throw new Error(message.message)
      warnings.push(...message.warnings)
      yield { records: message.records, fraction: message.fraction, lines: message.lines, hashes: message.hashes }
    }
  } finally {
    port.close()
    void worker.terminate()
  }
}

/**
 * The second thread's first code: it runs this module's TypeScript source, so it loads tsx first, as bin/factspan.js
 * does, and says so when it cannot. Undefined when tsx cannot be found.
 */
function bootScript(): string | undefined {
  let tsx: string
  try {
    tsx = import.meta.resolve('tsx/esm/api')
  } catch {
    return undefined
  }
  return `const { workerData: task } = require('node:worker_threads')
import(${JSON.stringify(tsx)})
  .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}) })
  .catch((error) => {
    task.port.postMessage({ kind: 'failure', starting: true, message: String(error && error.message || error) })
    const counters = new Int32Array(task.counters)
    Atomics.add(counters, ${POSTED}, 1)
    Atomics.notify(counters, ${POSTED})
  })`
}

/** Waits for the parser's next message and takes it, which lets the parser go on. */
function next(port: MessagePort, counters: Int32Array): Message {
  const since = Date.now()
  for (;;) {
    const taken = Atomics.load(counters, TAKEN)
    if (Atomics.load(counters, POSTED) > taken) {
      // Posted just now: the message may take a moment to arrive.
      const received = receiveMessageOnPort(port)
      if (received) {
        Atomics.store(counters, TAKEN, taken + 1)
        Atomics.notify(counters, TAKEN)
        return received.message as Message
      }
    } else {
      Atomics.wait(counters, POSTED, taken, 1000)
    }
    if (Date.now() - since > SILENCE_MS) throw new Error('the thread reading the file stopped answering')
  }
}

/** The second thread: parses the file and posts its records, waiting whenever it is AHEAD batches ahead. */
function parse({ path, name, read, port, counters: shared }: Task): void {
  const counters = new Int32Array(shared)
  const post = (message: Message) => {
    port.postMessage(message)
    Atomics.add(counters, POSTED, 1)
    Atomics.notify(counters, POSTED)
  }
  try {
    const warnings: FileWarning[] = []
    for (const batch of jsonlRecordBatches({ path }, name, read, warnings)) {
      // Cloned to the other thread, records lose what the parser keeps beside them: their lines and checked hashes.
      post({ kind: 'batch', ...batch, lines: batch.records.map((r) => sourceLine(r)!), hashes: batch.records.map(textSha256), warnings: warnings.splice(0) })
      for (let taken = Atomics.load(counters, TAKEN); Atomics.load(counters, POSTED) - taken >= AHEAD; taken = Atomics.load(counters, TAKEN)) {
        Atomics.wait(counters, TAKEN, taken)
      }
    }
    post({ kind: 'end' })
  } catch (error) {
    post(error instanceof InputError ? { kind: 'input-error', file: error.file, line: error.line, reason: error.reason } : { kind: 'failure', message: error instanceof Error ? error.message : String(error) })
  }
}
