// Opening a document with suggestions, in Debian Chromium: generated documents of 100 KB / 2,000 spans and 1 MB /
// 20,000 spans (corpus sentences, so the rules find dates and figures, and the spans feed the project's dictionary)
// opened in Factspan from the library. A requestAnimationFrame loop inside the page notes, for every frame after the
// click, whether the article's text is rendered and whether a suggestion highlight (`suggestion-<label>`) holds a
// range. Target: the rules' and the dictionary's suggestions are painted in the same frame as the text (0 frames
// later). Reported: frames from the text to the suggestions, and ms from the click to each; the baseline, in the
// same run, opens the same document with every suggestion source switched off (the text alone).
import os from 'node:os'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config'
import { HTTP_API_PREFIX } from '../../src-main/shared/bridge-protocol'
import { serveGeneratedProject } from '../editor/factspanProject'
import { ensureFreshRenderer } from '../editor/freshRenderer'
import { caseName, generateDocument, type DocumentSize } from '../editor/generateDocument'
import { corpusSentences } from '../editor/sentences'
import { withCleanups } from '../cleanups'
import type { BenchRow, Scenario } from '../types'

const SIZES: DocumentSize[] = [
  { bytes: 100_000, spans: 2_000 },
  { bytes: 1_000_000, spans: 20_000 },
]
const RUNS = 3
const TIMEOUT_MS = 60_000

interface Opening {
  textMs: number
  suggestionsMs: number
  frames: number
}

/** Notes, for every frame after the first click, whether the text and a suggestion's mark are there. */
const FRAME_PROBE = `(() => {
  const probe = { click: 0, frames: [] }
  window.openProbe = probe
  const painted = () => [...document.querySelectorAll('.line-marks > [data-mark^="suggestion-"]')].some((m) => m.dataset.mark !== 'suggestion-current')
  window.addEventListener('click', (e) => (probe.click = e.timeStamp), { capture: true, once: true })
  const frame = (at) => {
    if (probe.click > 0) probe.frames.push({ at, text: document.querySelector('[role="document"] .line') !== null, suggestions: painted() })
    const last = probe.frames.at(-1)
    if (!(window.openProbeUntil === 'text' ? last?.text : last?.suggestions)) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})()`

/** Clicks the document and follows the frames until its suggestions (or, with `until` 'text', its text) are painted. */
async function open(page: Page, url: string, title: string, until: 'text' | 'suggestions'): Promise<Opening> {
  await page.goto(url)
  const opener = page.getByRole('button', { name: title, exact: true })
  await opener.waitFor()
  // As source text: the bench runs through tsx, whose helpers (__name) do not exist in the page.
  await page.evaluate(`window.openProbeUntil = ${JSON.stringify(until)}; ${FRAME_PROBE}`)
  await opener.click()
  await page.waitForFunction(
    (until) => {
      const last = (window as unknown as { openProbe: { frames: Array<{ text: boolean; suggestions: boolean }> } }).openProbe.frames.at(-1)
      return until === 'text' ? last?.text === true : last?.suggestions === true
    },
    until,
    { timeout: TIMEOUT_MS },
  )
  return page.evaluate((until) => {
    const { click, frames } = (window as unknown as { openProbe: { click: number; frames: Array<{ at: number; text: boolean; suggestions: boolean }> } }).openProbe
    const text = frames.findIndex((f) => f.text)
    const suggestions = until === 'text' ? text : frames.findIndex((f) => f.suggestions)
    return { textMs: frames[text].at - click, suggestionsMs: frames[suggestions].at - click, frames: suggestions - text }
  }, until)
}

/** Switches every suggestion source on or off, through the page's own HTTP bridge (its token is in its cookie). */
async function setSources(page: Page, url: string, on: boolean): Promise<void> {
  await page.goto(url)
  const sources = Object.fromEntries(['rule', 'dictionary', 'model', 'imported', 'external'].map((s) => [s, on && s !== 'external']))
  const answer = await page.evaluate(
    async ({ prefix, sources }) => (await fetch(`${prefix}suggestions.configure`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sources }) })).json(),
    { prefix: HTTP_API_PREFIX, sources },
  )
  if (!(answer as { ok: boolean }).ok) throw new Error(`suggestions.configure failed: ${JSON.stringify(answer)}`)
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]

const scenario: Scenario = {
  name: 'suggest-open',
  async run() {
    ensureFreshRenderer()
    return withCleanups('suggest-open', async (defer) => {
      const sentences = corpusSentences()
      const documents = SIZES.map((size) => generateDocument(sentences, size, size.bytes + size.spans))
      const project = await serveGeneratedProject(documents)
      defer(() => project.stop())
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      defer(() => browser.close())
      const rows: BenchRow[] = []
      for (const [i, size] of SIZES.entries()) {
        const name = caseName(size)
        const runs: Opening[] = []
        const alone: Opening[] = []
        for (let run = 0; run < RUNS; run++) {
          process.stderr.write(`bench: suggest-open ${name}: run ${run + 1} (load average ${os.loadavg()[0].toFixed(2)})\n`)
          const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
          await setSources(page, project.url, false)
          alone.push(await open(page, project.url, documents[i].title, 'text'))
          await setSources(page, project.url, true)
          runs.push(await open(page, project.url, documents[i].title, 'suggestions'))
          await page.close()
        }
        const baseline = (value: number) => ({ name: 'text alone, sources off', value })
        rows.push(
          { scenario: 'suggest-open', case: name, metric: 'frames from text to suggestions (max; target 0)', value: Math.max(...runs.map((r) => r.frames)), unit: 'frames' },
          { scenario: 'suggest-open', case: name, metric: 'click to text painted (median)', value: median(runs.map((r) => r.textMs)), unit: 'ms', baseline: baseline(median(alone.map((r) => r.textMs))) },
          { scenario: 'suggest-open', case: name, metric: 'click to suggestions painted (median)', value: median(runs.map((r) => r.suggestionsMs)), unit: 'ms' },
        )
      }
      return rows
    })
  },
}

export default scenario
