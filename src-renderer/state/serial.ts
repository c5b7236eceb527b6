// Writes run one after another, so a fast sequence of keys (tag, undo, redo) reaches the server in order.
let tail: Promise<unknown> = Promise.resolve()

export function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task, task)
  tail = run.catch(() => undefined)
  return run
}
