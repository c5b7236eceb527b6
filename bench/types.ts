/** One measured figure; `baseline` names what it is compared with, measured in the same run. */
export interface BenchRow {
  scenario: string
  case: string
  metric: string
  value: number
  unit: string
  baseline?: { name: string; value: number }
}

export interface Scenario {
  name: string
  /** Runs the scenario and returns its figures; must clean up after itself. */
  run(): Promise<BenchRow[]>
}

/** Percentile of a list of samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
