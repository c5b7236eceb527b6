import { describe, expect, it } from 'vitest'
import { WriteQueue } from '../../src-renderer/state/runtime'

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('writes in order', () => {
  const writes = new WriteQueue()
  const serial = <T>(task: () => Promise<T>) => writes.run(task)

  it('starts a write at once when none is in flight, so its request leaves before anything else runs', async () => {
    const started: string[] = []
    const done = serial(async () => started.push('tag'))
    started.push('after the call')
    await done
    expect(started).toEqual(['tag', 'after the call'])
  })

  it('queues a write behind the one in flight, also behind one that fails', async () => {
    const order: string[] = []
    const first = deferred<void>()
    const failing = serial(async () => {
      order.push('tag starts')
      await first.promise
      order.push('tag fails')
      throw new Error('refused')
    })
    const relabel = serial(async () => order.push('relabel'))
    const undo = serial(async () => order.push('undo'))
    await Promise.resolve()
    expect(order).toEqual(['tag starts'])
    first.resolve()
    await expect(failing).rejects.toThrow('refused')
    await Promise.all([relabel, undo])
    expect(order).toEqual(['tag starts', 'tag fails', 'relabel', 'undo'])
    // With the queue empty again, the next write starts at once.
    const next: string[] = []
    const last = serial(async () => next.push('next'))
    expect(next).toEqual(['next'])
    await last
  })
})
