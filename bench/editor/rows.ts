// The editor benchmark's figures as table rows: Factspan's value with each baseline's beside it, timeouts named.
import { percentile, type BenchRow } from '../types'
import { total, type Work, type WorkKind } from './mainThread'
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

/** The median of the traced adds' work, all four kinds or one. */
export function medianWork(f: ViewFigures, kind?: WorkKind): number | null {
  if (f.addWork.length === 0) return null
  return percentile(f.addWork.map((w: Work) => (kind ? w[kind] : total(w))), 50)
}

const METRICS: Metric[] = [
  {
    name: 'first paint',
    unit: 'ms',
    value: (f) => f.firstPaint.ms,
    cut: (f) => (f.firstPaint.timedOut ? `no highlight after ${seconds(OPEN_TIMEOUT_MS)}` : null),
  },
  ...[50, 95].map(
    (p): Metric => ({
      name: `add: key to painted frame p${p}`,
      unit: 'ms',
      noDatabase: true,
      value: (f) => (f.addMs.length > 0 ? percentile(f.addMs, p) : null),
      cut: (f) => (f.addsCut ? `${f.addMs.length} adds before the time box` : null),
    }),
  ),
  {
    name: 'add: share painted in the first frame after the key',
    unit: '%',
    noDatabase: true,
    value: (f) => (f.addFrames.length > 0 ? (100 * f.addFrames.filter((n) => n === 1).length) / f.addFrames.length : null),
    cut: (f) => (f.addsCut ? `${f.addFrames.length} adds before the time box` : null),
  },
  {
    name: 'add: main-thread work per add, median (scripting + style + layout + paint)',
    unit: 'ms',
    noDatabase: true,
    value: (f) => medianWork(f),
    cut: () => null,
  },
  ...(['scripting', 'style', 'layout', 'paint'] as const).map(
    (kind): Metric => ({ name: `add: main-thread ${kind} per add, median`, unit: 'ms', noDatabase: true, value: (f) => medianWork(f, kind), cut: () => null }),
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
    if (factspan.commitMs.length === 0) break
    rows.push({ scenario: 'editor', case: caseName, metric: `add: key to commit p${p} (SQLite, answered over HTTP)`, value: percentile(factspan.commitMs, p), unit: 'ms' })
    rows.push({ scenario: 'editor', case: caseName, metric: `add: its 'spans.add' round trip p${p}`, value: percentile(factspan.roundTripMs, p), unit: 'ms' })
  }
  return { rows, missing }
}

/** The issue's target for short documents: Factspan's first paint no slower than the `<mark>` view's. */
export function firstPaintReport(caseName: string, factspan: ViewFigures, baselines: ViewFigures[]): string {
  const mine = `${caseName}: Factspan first paint ${factspan.firstPaint.ms.toFixed(1)} ms`
  const marks = baselines.find((b) => b.app === 'marks')
  if (!marks || marks.firstPaint.timedOut) return `${mine} (no ${BASELINE_NAMES.marks} in this run to judge the target by)`
  const met = factspan.firstPaint.ms <= marks.firstPaint.ms
  return `${mine}, ${BASELINE_NAMES.marks} ${marks.firstPaint.ms.toFixed(1)} ms — target "no slower" ${met ? 'met' : 'missed'}`
}

/**
 * The issue's targets on the largest document: the new span painted in the first frame after the key (p95 ≤ 17 ms),
 * committed at p95 ≤ 25 ms, and main-thread work per add at least 10× less than both baselines'.
 */
export function targetReport(caseName: string, factspan: ViewFigures, baselines: ViewFigures[]): string[] {
  if (factspan.addMs.length === 0) return [`${caseName}: no add figures for Factspan, so the targets cannot be judged`]
  const judge = (what: string, value: number, target: number) =>
    `${caseName}: Factspan ${what} ${value.toFixed(1)} ms — target ≤ ${target} ms ${value <= target ? 'met' : `missed by ${(value - target).toFixed(1)} ms`}`
  const lines = [judge('key to painted frame p95', percentile(factspan.addMs, 95), 17)]
  if (factspan.scroll) lines.push(`${caseName}: Factspan scroll: ${factspan.scroll.slowFrames} frames over 16 ms, longest ${factspan.scroll.longestFrameMs.toFixed(1)} ms`)
  const first = factspan.addFrames.filter((n) => n === 1).length
  if (factspan.addFrames.length > 0) lines.push(`${caseName}: Factspan painted ${first} of ${factspan.addFrames.length} adds in the first frame after the key (the rest in frame ${[...new Set(factspan.addFrames.filter((n) => n !== 1))].sort((a, b) => a - b).join(', ') || '—'})`)
  if (factspan.commitMs.length > 0) lines.push(judge('key to commit p95', percentile(factspan.commitMs, 95), 25))
  const work = medianWork(factspan)
  if (work === null) return [...lines, `${caseName}: no traced adds for Factspan, so the main-thread target cannot be judged`]
  const kinds = (f: ViewFigures) => (['scripting', 'style', 'layout', 'paint'] as const).map((k) => `${k} ${medianWork(f, k)!.toFixed(2)}`).join(', ')
  lines.push(`${caseName}: Factspan main-thread work per add ${work.toFixed(2)} ms (${kinds(factspan)})`)
  for (const baseline of baselines) {
    const name = BASELINE_NAMES[baseline.app as keyof typeof BASELINE_NAMES]
    const theirs = medianWork(baseline)
    if (theirs === null) {
      lines.push(`${caseName}: ${name} has no traced adds`)
      continue
    }
    const ratio = theirs / work
    lines.push(`${caseName}: ${name} main-thread work per add ${theirs.toFixed(2)} ms (${kinds(baseline)}) = ${ratio.toFixed(1)}× Factspan's — target ≥ 10× ${ratio >= 10 ? 'met' : 'missed'}`)
  }
  return lines
}
