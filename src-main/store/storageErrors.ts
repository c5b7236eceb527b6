// SQLite's and the file system's failures in the user's words, each naming the file: what happened, that what was
// saved before is kept, and what to do. Any other error is left to the caller.
import { StorageError } from '../shared/errors'

/** The StorageError `error` stands for, or undefined when it is no failure of the file or its disk. */
export function storageError(error: unknown, file: string): StorageError | undefined {
  if (error instanceof StorageError) return error
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return undefined
  const detail = error instanceof Error ? error.message : code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new StorageError('disk-full', `${file}: not written: the disk is full. Free some space and try again; everything saved before is kept.`)
  }
  if (code === 'EFBIG') {
    return new StorageError('disk-full', `${file}: not written: the file has reached the largest size allowed here. Everything saved before is kept.`)
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StorageError(
      'in-use',
      `${file}: the project is in use by another program, which holds it locked. Try again once it is done (an import holds the project until it ends), or close the project there.`,
    )
  }
  if (code === 'SQLITE_READONLY_DIRECTORY') {
    return new StorageError('read-only', `${file}: its folder is read-only, and Factspan keeps the project's journal beside it. Copy the project to a folder you can write to.`)
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new StorageError('read-only', `${file} is read-only: changes cannot be saved. Make the file writable, or open a copy, to edit it.`)
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new StorageError('read-only', `${file}: not written: permission denied. Choose a place you may write to, or change its permissions.`)
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return damagedProject(file, detail)
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') {
    return new StorageError('io-error', `${file}: the disk reported an error (${code}: ${detail}). Everything saved before is kept; check the disk and try again.`)
  }
  return undefined
}

/** A project whose file is damaged, and what the user can do about it. */
export function damagedProject(file: string, why: string): StorageError {
  return new StorageError('corrupt', `${file} is damaged (${why}). Restore its newest backup, or export what can still be read.`)
}
