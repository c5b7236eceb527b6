// Runs a scenario's work and then its cleanups, last first, each even when the work or another cleanup failed.
export async function withCleanups<T>(scenario: string, run: (defer: (cleanup: () => unknown) => void) => Promise<T>): Promise<T> {
  const cleanups: Array<() => unknown> = []
  try {
    return await run((cleanup) => cleanups.push(cleanup))
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup()
      } catch (error) {
        process.stderr.write(`bench: ${scenario}: cleaning up failed: ${(error as Error).message}\n`)
      }
    }
  }
}
