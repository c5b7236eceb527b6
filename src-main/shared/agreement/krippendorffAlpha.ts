export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio'

/**
 * Krippendorff's alpha for reliability data: `data[coder][unit]`, `null` where a coder left a unit out.
 * Built on the coincidence matrix: every unit u with m_u ≥ 2 values adds 1 / (m_u − 1) to o_ck for each
 * ordered pair of its values (c, k) from different coders; n_c = Σ_k o_ck, n = Σ_c n_c. Then
 *
 *   α = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * with δ² by level: nominal 0 if c = k else 1; ordinal (Σ_{g from c to k} n_g − (n_c + n_k) / 2)²;
 * interval (c − k)²; ratio ((c − k) / (c + k))².
 * Source: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
 * Communication Departmental Papers 43 (worked example: nominal 0.743, ordinal 0.815, interval 0.849,
 * ratio 0.797).
 *
 * Nominal values may be strings or numbers (1 and "1" are different values); the other levels need finite
 * numbers, and ordinal ranks them numerically. Undefined cases return NaN: fewer than two pairable values,
 * a non-numeric value at a numeric level, and zero expected disagreement (all values alike).
 */
export function krippendorffAlpha(data: ReadonlyArray<ReadonlyArray<string | number | null>>, level: MeasurementLevel): number {
  const units = data.reduce((most, row) => Math.max(most, row.length), 0)
  const index = new Map<string | number, number>()
  const values: Array<string | number> = []
  const pairable: number[][] = []
  for (let u = 0; u < units; u++) {
    const present: number[] = []
    for (const row of data) {
      const value = row[u]
      if (value === null || value === undefined) continue
      if (level !== 'nominal' && !(typeof value === 'number' && Number.isFinite(value))) return NaN
      if (!index.has(value)) {
        index.set(value, values.length)
        values.push(value)
      }
      present.push(index.get(value)!)
    }
    if (present.length >= 2) pairable.push(present)
  }

  const size = values.length
  const coincidences = new Float64Array(size * size)
  for (const present of pairable) {
    const weight = 1 / (present.length - 1)
    for (let i = 0; i < present.length; i++) {
      for (let j = 0; j < present.length; j++) if (i !== j) coincidences[present[i] * size + present[j]] += weight
    }
  }
  const totals = new Float64Array(size)
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) totals[c] += coincidences[c * size + k]
  const n = totals.reduce((sum, t) => sum + t, 0)
  if (n < 2) return NaN

  const distance = distanceFor(level, values, totals)
  let observed = 0
  let expected = 0
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = distance(c, k)
      observed += coincidences[c * size + k] * d
      expected += totals[c] * totals[k] * d
    }
  }
  if (expected === 0) return NaN
  return 1 - ((n - 1) * observed) / expected
}

/** δ² between the values at indexes c and k. */
function distanceFor(level: MeasurementLevel, values: ReadonlyArray<string | number>, totals: Float64Array): (c: number, k: number) => number {
  const number = (i: number) => values[i] as number
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1)
    case 'interval':
      return (c, k) => (number(c) - number(k)) ** 2
    case 'ratio':
      return (c, k) => {
        const sum = number(c) + number(k)
        return sum === 0 ? 0 : ((number(c) - number(k)) / sum) ** 2
      }
    case 'ordinal': {
      // Ranks by value; cumulative[r] is the sum of n_g over the ranks below r.
      const order = values.map((_, i) => i).sort((x, y) => number(x) - number(y))
      const rank = new Int32Array(values.length)
      order.forEach((i, r) => (rank[i] = r))
      const cumulative = new Float64Array(values.length + 1)
      order.forEach((i, r) => (cumulative[r + 1] = cumulative[r] + totals[i]))
      return (c, k) => {
        const low = Math.min(rank[c], rank[k])
        const high = Math.max(rank[c], rank[k])
        return (cumulative[high + 1] - cumulative[low] - (totals[c] + totals[k]) / 2) ** 2
      }
    }
  }
}
