// Writes run one after another, so a fast sequence of keys (tag, undo, redo) reaches the server in order.
let tail: Promise<unknown> = Promise.resolve()
let queued = 0

export function serial<T>(task: () => Promise<T>): Promise<T> {
  // With nothing in flight the task starts at once, so its request leaves before the view re-renders.
  const run = queued === 0 ? new Promise<T>((resolve) => resolve(task())) : tail.then(task, task)
  queued++
  tail = run.then(
    () => queued--,
    () => queued--,
  )
  return run
}
