// Typed calls from the driver into the probe and the baseline pages. Each function given to page.evaluate runs in
// the page, so it only reaches for globals there.
import type { Page } from '@playwright/test'
import type { ArmSpec, BaselinePage, BaselineSelection, Probe, ScrollResult, Timed } from './protocol'

interface BenchWindow {
  factspanBench: Probe
  benchPage: BaselinePage
}

export const probe = {
  arm: (page: Page, spec: ArmSpec) => page.evaluate((s) => (globalThis as unknown as BenchWindow).factspanBench.arm(s), spec),
  result: (page: Page): Promise<Timed> => page.evaluate(() => (globalThis as unknown as BenchWindow).factspanBench.result()),
  scroll: (page: Page, pxPerSecond: number, timeoutMs: number): Promise<ScrollResult> =>
    page.evaluate(([v, t]) => (globalThis as unknown as BenchWindow).factspanBench.scroll(v, t), [pxPerSecond, timeoutMs] as const),
  scrollTo: (page: Page, fraction: number) => page.evaluate((f) => (globalThis as unknown as BenchWindow).factspanBench.scrollTo(f), fraction),
  scrollerBox: (page: Page) => page.evaluate(() => (globalThis as unknown as BenchWindow).factspanBench.scrollerBox()),
  domNodes: (page: Page): Promise<number> => page.evaluate(() => (globalThis as unknown as BenchWindow).factspanBench.domNodes()),
  frames: (page: Page, count: number) => page.evaluate((n) => (globalThis as unknown as BenchWindow).factspanBench.frames(n), count),
  mark: (page: Page, name: string) => page.evaluate((n) => (globalThis as unknown as BenchWindow).factspanBench.mark(n), name),
}

export function selectInBaseline(page: Page, x: number, y: number, length: number, id: string): Promise<BaselineSelection | null> {
  return page.evaluate(([px, py, n, spanId]) => (globalThis as unknown as BenchWindow).benchPage.selectAt(px, py, n, spanId), [x, y, length, id] as const)
}
