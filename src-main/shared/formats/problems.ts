// What an import does with what it cannot trust, the same for every format. Strict (the default) refuses the file at
// the first problem. Lenient imports what can be trusted and lists everything else with its file and line: a
// document that cannot be read is left out whole, a span that cannot be placed is left out, and a span whose quoted
// text differs from the text at its offsets is imported from its offsets.
import { InputError } from '../errors'
import type { FileWarning } from './codec'

export class Problems {
  readonly warnings: FileWarning[] = []

  constructor(
    readonly file: string,
    readonly lenient = false,
  ) {}

  /** A span that cannot be placed. Throws unless lenient; the caller then leaves the span out and keeps its document. */
  span(line: number | undefined, reason: string, file = this.file): void {
    this.report(file, line, reason, 'left out')
  }

  /** A span whose quoted text differs from the text at its offsets. Throws unless lenient; the caller then keeps the offsets. */
  quote(line: number | undefined, reason: string, file = this.file): void {
    this.report(file, line, reason, 'imported from its offsets')
  }

  /** Anything else a reader can do without: throws unless lenient, else lists the reason with what was done instead. */
  without(line: number | undefined, reason: string, outcome: string, file = this.file): void {
    this.report(file, line, reason, outcome)
  }

  /** Something a file had that an import leaves out in either mode (a relation, a rejected answer). */
  skipped(warning: FileWarning): void {
    this.warnings.push(warning)
  }

  /** Reads one document; when lenient, an InputError inside it leaves that document out and is listed. */
  each<T>(read: () => T): T | undefined {
    if (!this.lenient) return read()
    try {
      return read()
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      this.warnings.push({ file: error.file, line: error.line, reason: `${error.reason}; document left out` })
      return undefined
    }
  }

  private report(file: string, line: number | undefined, reason: string, outcome: string): void {
    if (!this.lenient) throw new InputError(file, line, reason)
    this.warnings.push({ file, line, reason: `${reason}; ${outcome}` })
  }
}
