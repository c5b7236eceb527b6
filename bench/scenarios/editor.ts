// The editor at scale, in Debian Chromium: generated documents of 10 KB / 100 spans, 100 KB / 2,000 and 1 MB / 20,000
// (FACTSPAN_BENCH_EDITOR=all runs every size with every span count) opened in Factspan (`factspan serve` on a
// project imported with the CLI) and, in the same run and browser, in two baselines: @recogito/text-annotator and a
// React view that wraps each span in <mark>. Every time is taken inside the page with performance.now():
// - first paint: from the click that opens the document (its event timestamp) to the end of the first rendered frame
//   showing a highlight (one of Factspan's marks; recogito's highlight boxes; a <mark>).
// - add span p50/p95 over 30 adds spread over the document: from the label key's keydown timestamp to the end of
//   the first rendered frame in which the new span is painted — Factspan: a mark of its label covers exactly
//   the pending selection's range — and, for Factspan only, the 'spans.add' answer has arrived (Resource Timing
//   responseEnd; the server answers after its SQLite transaction commits, and the run then checks each span is in
//   the project file). Baselines: an element carrying the new span's id entered the DOM; they have no database.
// - scroll: the document scroller moved top to bottom at 10,000 px/s by requestAnimationFrame; a frame "over
//   16 ms" is an rAF interval over 25 ms, i.e. one that missed its 60 Hz slot (on time it is 16.7 ± 0.2 ms).
// - JS heap (after a forced GC, CDP Runtime.getHeapUsage) and DOM nodes (elements and text nodes), a second after
//   the first paint.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config'
import { serveBaselines } from '../editor/baselineServer'
import { baselineView } from '../editor/baselineView'
import { buildPages } from '../editor/buildPages'
import { checkAddsSaved, serveGeneratedProject } from '../editor/factspanProject'
import { factspanView } from '../editor/factspanView'
import { ensureFreshRenderer } from '../editor/freshRenderer'
import { caseName, generateDocument, type DocumentSize } from '../editor/generateDocument'
import { measureView, warmUp, type ViewFigures } from '../editor/measureView'
import { ADD_LABEL } from '../editor/protocol'
import { editorRows, firstPaintReport, targetReport } from '../editor/rows'
import { corpusSentences } from '../editor/sentences'
import { withCleanups } from '../cleanups'
import type { BenchRow, Scenario } from '../types'

const PAIRS: DocumentSize[] = [
  { bytes: 10_000, spans: 100 },
  { bytes: 100_000, spans: 2_000 },
  { bytes: 1_000_000, spans: 20_000 },
]
const TARGET_CASE = caseName({ bytes: 1_000_000, spans: 20_000 })
/** The case whose first paint has a target: no slower than the `<mark>` view. */
const FIRST_PAINT_CASE = caseName({ bytes: 10_000, spans: 100 })

/** FACTSPAN_BENCH_EDITOR: `all` for every size with every span count, or sizes such as `10kb,1mb`; the three pairs by default. */
function sizes(): DocumentSize[] {
  const wanted = process.env.FACTSPAN_BENCH_EDITOR
  if (wanted === 'all') return PAIRS.flatMap(({ bytes }) => PAIRS.map(({ spans }) => ({ bytes, spans })))
  if (!wanted) return PAIRS
  const names = wanted.split(',').map((n) => n.trim().toLowerCase())
  return PAIRS.filter((p) => names.includes(p.bytes >= 1_000_000 ? `${p.bytes / 1_000_000}mb` : `${p.bytes / 1000}kb`))
}

/**
 * FACTSPAN_BENCH_BASELINES=none measures Factspan alone, to follow a change quickly: no table rows then (each row
 * compares with a baseline), only the target lines on stderr. Figures to report come from a run with the baselines.
 */
const withBaselines = process.env.FACTSPAN_BENCH_BASELINES !== 'none'

/** The same size always gives the same document, whichever sizes run. */
function seedOf(size: DocumentSize): number {
  return size.bytes + size.spans
}

const scenario: Scenario = {
  name: 'editor',
  async run() {
    ensureFreshRenderer()
    return withCleanups('editor', async (defer) => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bench-editor-'))
      defer(() => fs.rmSync(work, { recursive: true, force: true }))
      const sentences = corpusSentences()
      const cases = sizes().map((size) => ({ size, doc: generateDocument(sentences, size, seedOf(size)) }))
      const documents = cases.map((c) => c.doc)
      const pages = await buildPages(work)
      const baselines = await serveBaselines(pages.pagesDir, documents)
      defer(() => baselines.close())
      const project = await serveGeneratedProject(documents)
      defer(() => project.stop())
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      defer(() => browser.close())

      const rows: BenchRow[] = []
      const notes: string[] = []
      for (const { size, doc } of cases) {
        const name = caseName(size)
        const measure = async (label: string, run: () => Promise<ViewFigures>) => {
          // Other work on the machine shows up as slow frames; the load says how busy it was.
          process.stderr.write(`bench: editor ${name}: ${label}… (load average ${os.loadavg()[0].toFixed(2)})\n`)
          return run()
        }
        const views = [factspanView(project.url, doc), baselineView('recogito', baselines.url, doc), baselineView('marks', baselines.url, doc)]
        if (name === caseName(cases[0].size)) await warmUp(browser, pages.probeScript, views[2])
        const factspan = await measure('Factspan', () => measureView(browser, pages.probeScript, views[0], seedOf(size)))
        const others: ViewFigures[] = []
        if (withBaselines) {
          others.push(await measure('@recogito/text-annotator', () => measureView(browser, pages.probeScript, views[1], seedOf(size))))
          others.push(await measure('React <mark> view', () => measureView(browser, pages.probeScript, views[2], seedOf(size))))
        }
        checkAddsSaved(project.db, doc.id, ADD_LABEL, factspan.added)
        const table = editorRows(name, factspan, others)
        rows.push(...table.rows)
        notes.push(...table.missing)
        if (name === FIRST_PAINT_CASE) notes.push(firstPaintReport(name, factspan, others))
        if (name === TARGET_CASE) notes.push(...targetReport(name, factspan, others))
      }
      for (const note of notes) process.stderr.write(`bench: editor: ${note}\n`)
      return rows
    })
  },
}

export default scenario
