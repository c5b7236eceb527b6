import type { ApiError } from './api'

/** An error meant for the user: it says what went wrong, and where when it is about a file. */
export class FactspanError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message)
    this.name = 'FactspanError'
  }
}

/** Bad input in a file being imported: names the file, the line when there is one, and the reason. */
export class InputError extends FactspanError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super('bad-input', `${file}${line === undefined ? '' : `:${line}`}: ${reason}`)
    this.name = 'InputError'
  }
}

/** The project file or its disk failed (full, locked, read-only, damaged, an I/O error): nothing was written. */
export class StorageError extends FactspanError {
  constructor(code: Extract<ApiError['code'], 'disk-full' | 'in-use' | 'read-only' | 'corrupt' | 'io-error'>, message: string) {
    super(code, message)
    this.name = 'StorageError'
  }
}
