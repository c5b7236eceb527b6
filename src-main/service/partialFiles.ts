// A file or folder being written sits beside its destination as `.NAME.partial-PID` until it is complete, then is
// renamed into place. A process killed mid-write leaves it behind: hidden, named as unfinished, no extension a tool
// would read, and swept by the next write to the same place.
import fs from 'node:fs'
import path from 'node:path'
import { storageError } from '../store/storageErrors'

// SQLite writing a partial file keeps its journal beside it, under the same name.
const PARTIAL = /\.partial-(\d+)(-journal|-wal|-shm)?$/

/** Where `destination` is written before it is complete. */
export function partialPath(destination: string): string {
  return path.join(path.dirname(destination), `.${path.basename(destination)}.partial-${process.pid}`)
}

/** Removes what killed processes left of earlier writes to `destination`; a write still running elsewhere is kept. */
export function sweepPartials(destination: string): void {
  const prefix = `.${path.basename(destination)}.partial-`
  sweepFolder(path.dirname(destination), (name) => name.startsWith(prefix))
}

/** Removes what killed processes left of any write into `folder`. */
export function sweepFolder(folder: string, which: (name: string) => boolean = () => true): void {
  if (!fs.existsSync(folder)) return
  for (const name of fs.readdirSync(folder)) {
    const pid = name.startsWith('.') && which(name) ? Number(PARTIAL.exec(name)?.[1]) : NaN
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) fs.rmSync(path.join(folder, name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Runs a file-system step, turning a full disk or a refused write into a clear error naming the file. */
export function onDisk<T>(file: string, step: () => T): T {
  try {
    return step()
  } catch (error) {
    throw storageError(error, file) ?? error
  }
}
