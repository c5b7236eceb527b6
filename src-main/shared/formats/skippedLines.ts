// Parts of a file an import leaves out, counted by kind: one warning per kind with its lines, not one per line.
import type { FileWarning } from './codec'

export class SkippedLines {
  private readonly lines = new Map<string, number[]>()

  /** `what` reads after a count: "relations (R lines)", "results of type \"choices\"". */
  add(what: string, line: number): void {
    const lines = this.lines.get(what)
    if (lines) lines.push(line)
    else this.lines.set(what, [line])
  }

  warnings(file: string): FileWarning[] {
    return [...this.lines].map(([what, lines]) => ({ file, line: lines[0], reason: `skipped ${lines.length} ${what}, ${linesList(lines)}` }))
  }
}

function linesList(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ')
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${lines.length > 10 ? ', …' : ''}`
}
