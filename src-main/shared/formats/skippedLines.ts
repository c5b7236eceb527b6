// Parts of a file an import leaves out, counted by kind: one warning per kind with its lines, not one per line.
import type { FileWarning } from './codec'

export class SkippedLines {
  private readonly kinds = new Map<string, { count: number; lines: number[] }>()

  /** `what` reads after a count: "relations (R lines)", "results of type \"choices\"". */
  add(what: string, line: number, count = 1): void {
    const kind = this.kinds.get(what) ?? { count: 0, lines: [] }
    kind.count += count
    if (kind.lines.at(-1) !== line) kind.lines.push(line)
    this.kinds.set(what, kind)
  }

  warnings(file: string): FileWarning[] {
    return [...this.kinds].map(([what, { count, lines }]) => ({ file, line: lines[0], reason: `skipped ${count} ${what}, ${linesList(lines)}` }))
  }
}

function linesList(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ')
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${lines.length > 10 ? ', …' : ''}`
}
