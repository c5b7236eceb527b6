// Progress of a long import or export on stderr. On a terminal: one bar redrawn in place and cleared at the end, so
// the lines printed after it (and stdout, if it goes to the same terminal) stay clean. Elsewhere (a pipe, a log
// file): a plain line now and then, never a carriage return or an escape code.
import type { JobStep } from '../service/jobs'

export interface ProgressReporter {
  update(step: JobStep): void
  /** Prints a line (a warning) above the bar. */
  log(line: string): void
  /** Clears the bar; what follows prints on a clean line. */
  end(): void
}

interface Stream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

const BAR_WIDTH = 24
const LINE_EVERY_MS = 5000
const CLEAR_LINE = '\r\x1b[2K'

export function progressReporter(task: string, stream: Stream = process.stderr, now: () => number = Date.now): ProgressReporter {
  let drawn = ''
  let lastLine = now()
  const describe = (step: JobStep) => {
    const fraction = step.total > 0 ? Math.min(1, step.done / step.total) : 0
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4)
    const documents = step.documents === undefined ? '' : ` ${step.documents.toLocaleString('en')} documents`
    return { fraction, percent, detail: `${documents}${step.file ? ` ${step.file}` : ''}` }
  }
  if (stream.isTTY) {
    return {
      update(step) {
        const { fraction, percent, detail } = describe(step)
        const filled = Math.round(fraction * BAR_WIDTH)
        const line = `${task} [${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${percent}${detail}`
        // A terminal that does not say its width (0) gets 80 columns.
        drawn = [...line].slice(0, Math.max(20, (stream.columns || 80) - 1)).join('')
        stream.write(`${CLEAR_LINE}${drawn}`)
      },
      log(line) {
        stream.write(`${CLEAR_LINE}${line}\n${drawn}`)
      },
      end() {
        if (drawn) stream.write(CLEAR_LINE)
        drawn = ''
      },
    }
  }
  return {
    update(step) {
      if (now() - lastLine < LINE_EVERY_MS) return
      lastLine = now()
      const { percent, detail } = describe(step)
      stream.write(`${task}: ${percent.trim()}${detail}\n`)
    },
    log(line) {
      stream.write(`${line}\n`)
    },
    end() {},
  }
}
