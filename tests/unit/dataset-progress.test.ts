import { describe, expect, it } from 'vitest'
import { progressReporter } from '../../src-main/cli/progress'

/** A stream that keeps what is written to it, a terminal or not. */
function stream(isTTY: boolean, columns?: number) {
  const written: string[] = []
  return { isTTY, columns, written, write: (text: string) => written.push(text) }
}

describe('progress on stderr', () => {
  it('redraws one bar in place on a terminal, keeps warnings above it and clears it at the end', () => {
    const terminal = stream(true, 60)
    const progress = progressReporter('export', terminal)
    progress.update({ done: 0, total: 200, documents: 0 })
    progress.update({ done: 100, total: 200, documents: 100 })
    progress.log('warning: document "a": dropped')
    progress.end()
    expect(terminal.written).toEqual([
      '\r\x1b[2Kexport [░░░░░░░░░░░░░░░░░░░░░░░░]   0% 0 documents',
      '\r\x1b[2Kexport [████████████░░░░░░░░░░░░]  50% 100 documents',
      '\r\x1b[2Kwarning: document "a": dropped\nexport [████████████░░░░░░░░░░░░]  50% 100 documents',
      '\r\x1b[2K',
    ])
  })

  it('cuts the bar to the width of the terminal', () => {
    const narrow = stream(true, 30)
    progressReporter('import', narrow).update({ done: 1, total: 4, documents: 12_345, file: 'a-long-file-name.jsonl' })
    expect([...narrow.written[0].replace('\r\x1b[2K', '')]).toHaveLength(29)
  })

  it('writes a plain line every five seconds when stderr is not a terminal, and nothing in between', () => {
    const log = stream(false)
    let clock = 0
    const progress = progressReporter('import', log, () => clock)
    progress.update({ done: 1, total: 10, documents: 1000, file: 'big.jsonl' })
    clock = 5000
    progress.update({ done: 4, total: 10, documents: 4000, file: 'big.jsonl' })
    clock = 6000
    progress.update({ done: 5, total: 10, documents: 5000, file: 'big.jsonl' })
    progress.end()
    expect(log.written).toEqual(['import: 40% 4,000 documents big.jsonl\n'])
  })
})
