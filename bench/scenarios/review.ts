// The compare view at the scale of annotation, in Debian Chromium: 1 MB with 3 annotators × 20,000 spans each
// (bench/editor/layeredDocument.ts), opened in Factspan's compare view and, in the same run and browser, in its
// annotate view on the same document (alice's 20,000 spans), which is the baseline: "as smooth as annotating".
// - first paint: from the click on "Review" (or on the document, for the annotate view) to the first rendered frame
//   with a mark.
// - scroll: as in the editor scenario, top to bottom at 10,000 px/s; a frame over 16 ms missed its 60 Hz slot.
// - take a version p50 / p95: a click into the text at spots spread over the document, `n` to the next
//   disagreement, then Shift+1; from that key press to the first rendered frame whose gold marks changed (the
//   review.editGold answer has arrived: gold is not painted before the server has settled it). The baseline row is
//   the annotate view's add, from the label key to the painted frame.
// - main-thread work per take (and per add), from a performance trace, as in the editor scenario.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config'
import { buildPages } from '../editor/buildPages'
import { checkAddsSaved, serveGeneratedProject } from '../editor/factspanProject'
import { factspanView } from '../editor/factspanView'
import { ensureFreshRenderer } from '../editor/freshRenderer'
import { layeredDocument, REVIEW_ANNOTATORS } from '../editor/layeredDocument'
import { measureView, OPEN_TIMEOUT_MS, SCROLL_TIMEOUT_MS, type ViewFigures } from '../editor/measureView'
import { ADD_LABEL } from '../editor/protocol'
import { reviewView } from '../editor/reviewView'
import { medianWork } from '../editor/rows'
import { corpusSentences } from '../editor/sentences'
import { withCleanups } from '../cleanups'
import { percentile, type BenchRow, type Scenario } from '../types'

const SIZE = { bytes: 1_000_000, spans: 20_000 }
const SEED = 7
const CASE = `1 MB / ${REVIEW_ANNOTATORS.length} × 20,000 spans`
const BASELINE = 'annotate view, same document (alice’s 20,000 spans)'

interface Metric {
  name: string
  unit: string
  value(f: ViewFigures): number | null
}

const METRICS: Metric[] = [
  { name: 'first paint', unit: 'ms', value: (f) => (f.firstPaint.timedOut ? null : f.firstPaint.ms) },
  { name: 'scroll: frames over 16 ms', unit: 'frames', value: (f) => (f.scroll && !f.scroll.timedOut ? f.scroll.slowFrames : null) },
  { name: 'scroll: longest frame', unit: 'ms', value: (f) => (f.scroll && !f.scroll.timedOut ? f.scroll.longestFrameMs : null) },
  { name: 'take a version p50 (annotate: add a span), key to painted frame', unit: 'ms', value: (f) => (f.addMs.length > 0 ? percentile(f.addMs, 50) : null) },
  { name: 'take a version p95 (annotate: add a span), key to painted frame', unit: 'ms', value: (f) => (f.addMs.length > 0 ? percentile(f.addMs, 95) : null) },
  { name: 'main-thread work per take (annotate: per add), median', unit: 'ms', value: (f) => medianWork(f) },
  { name: 'JS heap after open', unit: 'MB', value: (f) => f.heapMB },
  { name: 'DOM nodes after open', unit: 'nodes', value: (f) => f.domNodes },
]

const scenario: Scenario = {
  name: 'review',
  async run() {
    ensureFreshRenderer()
    return withCleanups('review', async (defer) => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bench-review-'))
      defer(() => fs.rmSync(work, { recursive: true, force: true }))
      const { doc, layer } = layeredDocument(corpusSentences(), SIZE, SEED)
      const pages = await buildPages(work)
      const project = await serveGeneratedProject([doc], 'alice')
      defer(() => project.stop())
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      defer(() => browser.close())
      const measure = async (label: string, run: () => Promise<ViewFigures>) => {
        process.stderr.write(`bench: review ${CASE}: ${label}… (load average ${os.loadavg()[0].toFixed(2)})\n`)
        return run()
      }
      const annotate = await measure('annotate view', () => measureView(browser, pages.probeScript, factspanView(project.url, layer('alice')), SEED))
      checkAddsSaved(project.db, doc.id, ADD_LABEL, annotate.added, 'alice')
      const review = await measure('compare view', () => measureView(browser, pages.probeScript, reviewView(project.url, doc), SEED))
      const rows: BenchRow[] = []
      for (const metric of METRICS) {
        const value = metric.value(review)
        const baseline = metric.value(annotate)
        if (value === null) {
          process.stderr.write(`bench: review: no ${metric.name} for the compare view (open ${review.firstPaint.timedOut ? `timed out after ${OPEN_TIMEOUT_MS / 1000} s` : 'done'}; scroll ${review.scroll?.timedOut ? `stopped at ${SCROLL_TIMEOUT_MS / 1000} s` : 'done'})\n`)
          continue
        }
        rows.push({ scenario: 'review', case: CASE, metric: metric.name, value, unit: metric.unit, ...(baseline === null ? {} : { baseline: { name: BASELINE, value: baseline } }) })
      }
      if (review.addsCut) process.stderr.write(`bench: review: ${review.addMs.length} takes before the time box\n`)
      return rows
    })
  },
}

export default scenario
