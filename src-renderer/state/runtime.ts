// What one store needs besides its state: the write queue, the echoes of its own writes, the newest request of each
// kind, and the ids of spans painted before they are saved. Made per store, so every test gets a store of its own.

/** Writes run one after another, so a fast sequence of keys (tag, undo, redo) reaches the server in order. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private queued = 0

  run<T>(task: () => Promise<T>): Promise<T> {
    // With nothing in flight the task starts at once, so its request leaves before the view re-renders.
    const run = this.queued === 0 ? new Promise<T>((resolve) => resolve(task())) : this.tail.then(task, task)
    this.queued++
    this.tail = run.then(
      () => this.queued--,
      () => this.queued--,
    )
    return run
  }
}

/**
 * Every write makes the server announce a change to every window, this one included. Counting our own
 * announcements lets the open document skip reloading what it already shows (20,000 spans at a time).
 */
export class Echoes {
  private readonly expected = new Map<string, number>()

  /** Counts the announcement a write is about to cause; `announced` says whether its answer means one was sent. */
  async expect<T>(documentId: string, request: Promise<T>, announced: (value: T) => boolean = () => true): Promise<T> {
    this.add(documentId, 1)
    try {
      const value = await request
      if (!announced(value)) this.add(documentId, -1)
      return value
    } catch (error) {
      this.add(documentId, -1)
      throw error
    }
  }

  /** True (and counted off) when a change announced for a document is one of our own writes. */
  take(documentId: string): boolean {
    if (!this.expected.has(documentId)) return false
    this.add(documentId, -1)
    return true
  }

  forget(): void {
    this.expected.clear()
  }

  private add(documentId: string, n: number): void {
    const count = Math.max(0, (this.expected.get(documentId) ?? 0) + n)
    if (count === 0) this.expected.delete(documentId)
    else this.expected.set(documentId, count)
  }
}

/** Answers to an older request of a kind (open a document, list the library) are dropped once a newer one left. */
export class Latest {
  private readonly counters = new Map<string, number>()

  /** Starts a request; the function says whether it is still the newest of its kind. */
  start(kind: string): () => boolean {
    const n = (this.counters.get(kind) ?? 0) + 1
    this.counters.set(kind, n)
    return () => this.counters.get(kind) === n
  }

  /** Makes every request of a kind in flight stale. */
  drop(kind: string): void {
    this.counters.set(kind, (this.counters.get(kind) ?? 0) + 1)
  }
}

/** Ids of spans painted before the server has answered: negative, so they never meet a saved span's id. */
export class ProvisionalIds {
  private last = 0

  next(): number {
    return --this.last
  }
}

export interface Runtime {
  writes: WriteQueue
  echoes: Echoes
  latest: Latest
  provisional: ProvisionalIds
}

export function createRuntime(): Runtime {
  return { writes: new WriteQueue(), echoes: new Echoes(), latest: new Latest(), provisional: new ProvisionalIds() }
}
