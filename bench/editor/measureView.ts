// One view measured on one document, in a fresh browser context: open it, let it settle, weigh it, scroll it top to
// bottom, then add spans one by one from the keyboard. Every step is time-boxed; a step that runs out says so.
import fs from 'node:fs'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { TRACE_CATEGORIES, workBetweenMarks, type Work } from './mainThread'
import { probe } from './pageProbe'
import { randomInt, seededRandom } from './prng'
import { ADD_KEY, type AppName, type ArmSpec, type BaselineSelection, type ScrollResult, type Timed } from './protocol'

export const OPEN_TIMEOUT_MS = 120_000
/** Deferred work after the first paint (debounced redraws, effects) finishes before the heap is weighed. */
const SETTLE_MS = 1_000
/** A fast scrollbar drag: about eleven screens a second at 900 px. */
export const SCROLL_PX_PER_SECOND = 10_000
export const SCROLL_TIMEOUT_MS = 60_000
export const ADDS = 30
/** Adds made under a performance trace, after the timed ones, for the main thread's work per add. */
export const TRACED_ADDS = 10
export const ADD_TIMEOUT_MS = 10_000
const ADDS_BUDGET_MS = 90_000
/** Lets each add's follow-up work (status line, list) finish before the next one is timed. */
const ADD_PAUSE_MS = 150
const SELECT_TRIES = 6
const VIEWPORT = { width: 1400, height: 900 }

export interface ViewDriver {
  app: AppName
  /** Loads the page, ready for the click that opens the document. */
  load(page: Page): Promise<void>
  /** What that click lands on. */
  opener(page: Page): Locator
  /** Selects `length` characters at a viewport point; null when no fresh text is there, so another point is tried. */
  select(page: Page, x: number, y: number, length: number, id: string): Promise<BaselineSelection | null>
  /** What the probe waits for once the label key is pressed on that selection. */
  addSpec(selection: BaselineSelection, id: string): ArmSpec
  /** The key an add presses; the label key by default. */
  key?: string
}

export interface ViewFigures {
  app: AppName
  firstPaint: Timed
  /** Null when the open timed out: nothing after it was measured. */
  heapMB: number | null
  domNodes: number | null
  scroll: ScrollResult | null
  /** Key press to the first rendered frame showing the new span. */
  addMs: number[]
  /** For each timed add, the frame after the key press that showed the new span (1: the first). */
  addFrames: number[]
  /** Factspan: key press to the 'spans.add' answer, sent after the SQLite commit. */
  commitMs: number[]
  /** Factspan: each add's 'spans.add' round trip. */
  roundTripMs: number[]
  /** Main-thread work of each traced add, from the key press to ADD_PAUSE_MS after it was painted (and committed). */
  addWork: Work[]
  /** True when an add ran past ADD_TIMEOUT_MS (the adds stopped there) or the adds ran past their budget. */
  addsCut: boolean
  added: BaselineSelection[]
}

/** A page in a fresh context with the probe in it, the view loaded and the probe armed for the click that opens. */
async function armedPage(browser: Browser, probeScript: string, driver: ViewDriver): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' })
  try {
    await context.addInitScript({ path: probeScript })
    const page = await context.newPage()
    await driver.load(page)
    await probe.arm(page, { kind: 'open', app: driver.app, timeoutMs: OPEN_TIMEOUT_MS })
    return { context, page }
  } catch (error) {
    await context.close()
    throw error
  }
}

export async function measureView(browser: Browser, probeScript: string, driver: ViewDriver, seed: number): Promise<ViewFigures> {
  const { context, page } = await armedPage(browser, probeScript, driver)
  try {
    const openProfile = await startProfile(page)
    const openTrace = await startTrace(page)
    // A baseline may hold its main thread for many seconds while it opens: the click must not wait for it.
    await driver.opener(page).click({ noWaitAfter: true, timeout: OPEN_TIMEOUT_MS })
    const firstPaint = await probe.result(page)
    await openTrace?.(`open-${driver.app}`)
    await openProfile?.(`open-${driver.app}`)
    const figures: ViewFigures = {
      app: driver.app,
      firstPaint,
      heapMB: null,
      domNodes: null,
      scroll: null,
      addMs: [],
      addFrames: [],
      commitMs: [],
      roundTripMs: [],
      addWork: [],
      addsCut: false,
      added: [],
    }
    if (firstPaint.timedOut) return figures
    await page.waitForTimeout(SETTLE_MS)
    figures.heapMB = await heapAfterGc(page)
    figures.domNodes = await probe.domNodes(page)
    const scrollProfile = await startProfile(page)
    const scrollTrace = await startTrace(page)
    figures.scroll = await probe.scroll(page, SCROLL_PX_PER_SECOND, SCROLL_TIMEOUT_MS)
    await scrollTrace?.(`scroll-${driver.app}`)
    await scrollProfile?.(`scroll-${driver.app}`)
    await addSpans(page, driver, seed, figures, ADDS, false)
    if (!figures.addsCut) {
      const browser = page.context().browser()!
      await browser.startTracing(page, { categories: TRACE_CATEGORIES })
      const addProfile = await startProfile(page)
      try {
        await addSpans(page, driver, seed + 1, figures, TRACED_ADDS, true)
      } finally {
        await addProfile?.(`adds-${driver.app}`)
        const trace = (await browser.stopTracing()).toString('utf8')
        // FACTSPAN_BENCH_TRACE=PREFIX keeps the trace of the traced adds (PREFIX-adds-APP.trace.json), for DevTools.
        if (process.env.FACTSPAN_BENCH_TRACE) fs.writeFileSync(`${process.env.FACTSPAN_BENCH_TRACE}-adds-${driver.app}.trace.json`, trace)
        figures.addWork = workBetweenMarks(trace, WORK_MARK)
      }
    }
    return figures
  } finally {
    await context.close()
  }
}

/**
 * Opens a document once in a view, unmeasured, so that the browser's fonts are loaded and its caches warm before
 * any view is timed: the view measured first (Factspan) would otherwise pay alone for loading the CJK fonts and
 * finding fallbacks for 𠮷 and 😀 (the first layout of 10 KB took 35 ms cold).
 */
export async function warmUp(browser: Browser, probeScript: string, driver: ViewDriver): Promise<void> {
  const { context, page } = await armedPage(browser, probeScript, driver)
  try {
    await driver.opener(page).click({ noWaitAfter: true, timeout: OPEN_TIMEOUT_MS })
    await probe.result(page)
  } finally {
    await context.close()
  }
}

/**
 * FACTSPAN_BENCH_CPU_PROFILE=PREFIX: a sampling CPU profile of the page (open it in DevTools' Performance panel),
 * written to PREFIX-open-APP, PREFIX-scroll-APP and PREFIX-adds-APP.cpuprofile; the returned function stops it. To see
 * where the time of a figure goes, not to time anything.
 */
async function startProfile(page: Page): Promise<((name: string) => Promise<void>) | null> {
  const prefix = process.env.FACTSPAN_BENCH_CPU_PROFILE
  if (!prefix) return null
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  return async (name) => {
    const { profile } = await cdp.send('Profiler.stop')
    fs.writeFileSync(`${prefix}-${name}.cpuprofile`, JSON.stringify(profile))
    await cdp.detach()
  }
}

/**
 * FACTSPAN_BENCH_TRACE=PREFIX: performance traces of the open and the scroll (PREFIX-open-APP.trace.json and
 * PREFIX-scroll-APP.trace.json), for DevTools: where a long frame's style, layout and paint go, which a CPU profile
 * shows only as "(program)". Off by default, since tracing costs the page time; the returned function stops it.
 */
async function startTrace(page: Page): Promise<((name: string) => Promise<void>) | null> {
  const prefix = process.env.FACTSPAN_BENCH_TRACE
  if (!prefix) return null
  const browser = page.context().browser()!
  await browser.startTracing(page, { categories: TRACE_CATEGORIES })
  return async (name) => fs.writeFileSync(`${prefix}-${name}.trace.json`, await browser.stopTracing())
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize / 1_000_000
  } finally {
    await cdp.detach()
  }
}

const WORK_MARK = 'factspan-bench-work-'

/**
 * Spots spread from the top of the document to its bottom, and selection lengths from a seed shared by all views.
 * Traced adds are marked for the trace and not timed, since tracing itself costs the page time.
 */
async function addSpans(page: Page, driver: ViewDriver, seed: number, figures: ViewFigures, adds: number, traced: boolean): Promise<void> {
  const random = seededRandom(seed)
  const deadline = Date.now() + ADDS_BUDGET_MS
  for (let i = 0; i < adds; i++) {
    if (Date.now() > deadline) {
      figures.addsCut = true
      return
    }
    const id = `add-${traced ? 'traced-' : ''}${i}`
    const length = randomInt(random, 2, 6)
    await probe.scrollTo(page, (i + (traced ? 0.25 : 0.5)) / adds)
    const box = await probe.scrollerBox(page)
    let selection: BaselineSelection | null = null
    for (let attempt = 0; attempt < SELECT_TRIES && !selection; attempt++) {
      selection = await driver.select(page, box.x + box.width / 2, box.y + box.height * (0.3 + 0.08 * attempt), length, id)
    }
    if (!selection) throw new Error(`${driver.app}: no text to select for add ${i + 1} in ${SELECT_TRIES} places`)
    await probe.frames(page, 2)
    await probe.arm(page, driver.addSpec(selection, id))
    if (traced) await probe.mark(page, `${WORK_MARK}start-${i}`)
    await page.keyboard.press(driver.key ?? ADD_KEY)
    const timed = await probe.result(page)
    if (timed.timedOut) {
      figures.addsCut = true
      return
    }
    figures.added.push(selection)
    await page.waitForTimeout(ADD_PAUSE_MS)
    if (traced) {
      await probe.mark(page, `${WORK_MARK}end-${i}`)
      continue
    }
    figures.addMs.push(timed.ms)
    if (timed.frame !== undefined) figures.addFrames.push(timed.frame)
    if (timed.commitMs !== undefined) figures.commitMs.push(timed.commitMs)
    if (timed.roundTripMs !== undefined) figures.roundTripMs.push(timed.roundTripMs)
  }
}
