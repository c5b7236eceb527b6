// Ctrl+C during a long command: the first one asks the running job to stop and clean up (no half-written file, no
// half-imported file); a second one ends the process at once, as Ctrl+C normally does.

export interface Interrupt {
  signal: AbortSignal
  /** Puts the usual Ctrl+C back once the job is over. */
  dispose(): void
}

export function cancelOnInterrupt(): Interrupt {
  const controller = new AbortController()
  const onSignal = () => {
    process.removeListener('SIGINT', onSignal)
    process.stderr.write('\nstopping: press Ctrl+C again to quit at once\n')
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSignal) }
}

/** The exit code of a command stopped by Ctrl+C: 128 + SIGINT's number, as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130
