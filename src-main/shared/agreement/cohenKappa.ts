/**
 * Cohen's kappa for two coders who each put every item in one category:
 *
 *   κ = (p_o − p_e) / (1 − p_e),  p_o = Σ_k n_kk / N,  p_e = Σ_k n_k· n_·k / N²
 *
 * where n_ij counts the items the first coder put in i and the second in j.
 * Source: J. Cohen (1960), "A coefficient of agreement for nominal scales", Educational and Psychological
 * Measurement 20(1); worked example in Wikipedia, "Cohen's kappa" (50 proposals, κ = 0.4).
 *
 * Undefined cases return NaN: no items, arrays of different lengths (items pair by position), and p_e = 1
 * (both coders used one and the same category for everything: there is no disagreement to expect).
 */
export function cohenKappa(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  if (a.length !== b.length || a.length === 0) return NaN
  const index = new Map<string | number, number>()
  for (const value of [...a, ...b]) if (!index.has(value)) index.set(value, index.size)
  const size = index.size
  const confusion = new Float64Array(size * size)
  for (let i = 0; i < a.length; i++) confusion[index.get(a[i])! * size + index.get(b[i])!]++
  return kappaFromConfusion(confusion, size)
}

/**
 * Cohen's kappa from a square confusion matrix, row-major, rows the first coder's categories and columns the
 * second's; the service builds it from per-character categories without an object per character.
 */
export function kappaFromConfusion(confusion: ArrayLike<number>, size: number): number {
  let total = 0
  let agreed = 0
  const rows = new Float64Array(size)
  const columns = new Float64Array(size)
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const n = confusion[i * size + j]
      total += n
      rows[i] += n
      columns[j] += n
      if (i === j) agreed += n
    }
  }
  if (total === 0) return NaN
  let chance = 0
  for (let k = 0; k < size; k++) chance += (rows[k] / total) * (columns[k] / total)
  if (chance >= 1) return NaN
  return (agreed / total - chance) / (1 - chance)
}
