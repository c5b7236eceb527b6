// The editor benchmark's figures as table rows: Factspan's value with each baseline's beside it, timeouts named.
import { percentile, type BenchRow } from '../types'
import type { ViewFigures } from './measureView'
import { OPEN_TIMEOUT_MS, SCROLL_TIMEOUT_MS } from './measureView'

export const BASELINE_NAMES = { recogito: '@recogito/text-annotator', marks: 'React <mark> view' } as const

interface Metric {
  name: string
  unit: string
  /** Adds in the baselines never touch a database; the row says so. */
  noDatabase?: boolean
  value(f: ViewFigures): number | null
  /** Why the value is cut short, if it is. */
  cut(f: ViewFigures): string | null
}

const seconds = (ms: number) => `${ms / 1000} s`

const METRICS: Metric[] = [
  {
    name: 'first paint',
    unit: 'ms',
    value: (f) => f.firstPaint.ms,
    cut: (f) => (f.firstPaint.timedOut ? `no highlight after ${seconds(OPEN_TIMEOUT_MS)}` : null),
  },
  ...[50, 95].map(
    (p): Metric => ({
      name: `add span p${p}`,
      unit: 'ms',
      noDatabase: true,
      value: (f) => (f.addMs.length > 0 ? percentile(f.addMs, p) : null),
      cut: (f) => (f.addsCut ? `${f.addMs.length} adds before the time box` : null),
    }),
  ),
  {
    name: 'scroll: frames over 16 ms',
    unit: 'frames',
    value: (f) => f.scroll?.slowFrames ?? null,
    cut: (f) => (f.scroll?.timedOut ? `stopped at ${seconds(SCROLL_TIMEOUT_MS)}, ${Math.round(f.scroll.reached * 100)}% scrolled` : null),
  },
  {
    name: 'scroll: longest frame',
    unit: 'ms',
    value: (f) => f.scroll?.longestFrameMs ?? null,
    cut: (f) => (f.scroll?.timedOut ? `stopped at ${seconds(SCROLL_TIMEOUT_MS)}` : null),
  },
  { name: 'JS heap after open', unit: 'MB', value: (f) => f.heapMB, cut: () => null },
  { name: 'DOM nodes after open', unit: 'nodes', value: (f) => f.domNodes, cut: () => null },
]

/** Two rows per metric, one per baseline; a metric Factspan has no value for is left out and named in `missing`. */
export function editorRows(caseName: string, factspan: ViewFigures, baselines: ViewFigures[]): { rows: BenchRow[]; missing: string[] } {
  const rows: BenchRow[] = []
  const missing: string[] = []
  for (const metric of METRICS) {
    const value = metric.value(factspan)
    if (value === null) {
      missing.push(`${caseName}: Factspan has no ${metric.name} (${factspan.firstPaint.timedOut ? 'its open timed out' : 'not measured'})`)
      continue
    }
    const factspanCut = metric.cut(factspan)
    for (const baseline of baselines) {
      const baselineValue = metric.value(baseline)
      const title = BASELINE_NAMES[baseline.app as keyof typeof BASELINE_NAMES]
      const remarks = [metric.noDatabase ? 'no database' : null, metric.cut(baseline)].filter((r) => r !== null)
      rows.push({
        scenario: 'editor',
        case: caseName,
        metric: factspanCut ? `${metric.name} (Factspan: ${factspanCut})` : metric.name,
        value,
        unit: metric.unit,
        ...(baselineValue === null ? {} : { baseline: { name: remarks.length > 0 ? `${title} (${remarks.join('; ')})` : title, value: baselineValue } }),
      })
      if (baselineValue === null) missing.push(`${caseName}: ${title} has no ${metric.name} (its open timed out)`)
    }
  }
  for (const p of [50, 95]) {
    if (factspan.roundTripMs.length === 0) break
    rows.push({ scenario: 'editor', case: caseName, metric: `add span p${p}: its 'spans.add' round trip`, value: percentile(factspan.roundTripMs, p), unit: 'ms' })
  }
  return { rows, missing }
}

/** The issue's targets on the largest document: add-span p95 ≤ 16 ms and at least 10× faster than both baselines. */
export function targetReport(caseName: string, factspan: ViewFigures, baselines: ViewFigures[]): string[] {
  if (factspan.addMs.length === 0) return [`${caseName}: no add-span figures for Factspan, so the targets cannot be judged`]
  const p95 = percentile(factspan.addMs, 95)
  const lines = [
    `${caseName}: Factspan add-span p95 ${p95.toFixed(1)} ms — target ≤ 16 ms ${p95 <= 16 ? 'met' : `missed by ${(p95 - 16).toFixed(1)} ms (${(p95 / 16).toFixed(1)}× the target)`}`,
  ]
  for (const baseline of baselines) {
    const name = BASELINE_NAMES[baseline.app as keyof typeof BASELINE_NAMES]
    if (baseline.addMs.length === 0) {
      lines.push(`${caseName}: ${name} has no add-span figures`)
      continue
    }
    const ratio = percentile(baseline.addMs, 95) / p95
    lines.push(`${caseName}: ${name} p95 ÷ Factspan p95 = ${ratio.toFixed(2)}× — target ≥ 10× ${ratio >= 10 ? 'met' : `missed (Factspan would need p95 ≤ ${(percentile(baseline.addMs, 95) / 10).toFixed(1)} ms)`}`)
  }
  return lines
}
