/**
 * Fleiss' kappa for a fixed number n of raters per subject; `counts[i][j]` is how many raters put subject i
 * in category j:
 *
 *   P_i = (Σ_j n_ij² − n) / (n (n − 1)),  P̄ = Σ_i P_i / N,  p_j = Σ_i n_ij / (N n),  P̄_e = Σ_j p_j²
 *   κ = (P̄ − P̄_e) / (1 − P̄_e)
 *
 * Source: J. L. Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychological Bulletin
 * 76(5); worked example in Wikipedia, "Fleiss' kappa" (10 subjects, 14 raters, κ ≈ 0.210).
 *
 * Undefined cases return NaN: no subjects, fewer than two raters, rows that do not all sum to the same n,
 * negative counts, and P̄_e = 1 (every rating in one category).
 */
export function fleissKappa(counts: ReadonlyArray<ReadonlyArray<number>>): number {
  if (counts.length === 0) return NaN
  const raters = counts[0].reduce((sum, n) => sum + n, 0)
  const categoryTotals: number[] = []
  let sumOfSquares = 0
  for (const row of counts) {
    let sum = 0
    row.forEach((n, j) => {
      if (!(n >= 0)) sum = NaN
      sum += n
      sumOfSquares += n * n
      categoryTotals[j] = (categoryTotals[j] ?? 0) + n
    })
    if (sum !== raters) return NaN
  }
  return fleissKappaFromTotals({ subjects: counts.length, raters, sumOfSquares, categoryTotals })
}

/** What Fleiss' kappa needs of the table; the service sums these over characters without building rows. */
export interface FleissTotals {
  /** N, the number of subjects. */
  subjects: number
  /** n, the raters per subject. */
  raters: number
  /** Σ_i Σ_j n_ij². */
  sumOfSquares: number
  /** Σ_i n_ij for each category j. */
  categoryTotals: ArrayLike<number>
}

export function fleissKappaFromTotals({ subjects, raters, sumOfSquares, categoryTotals }: FleissTotals): number {
  if (subjects === 0 || raters < 2) return NaN
  const observed = (sumOfSquares - subjects * raters) / (subjects * raters * (raters - 1))
  let chance = 0
  for (let j = 0; j < categoryTotals.length; j++) chance += (categoryTotals[j] / (subjects * raters)) ** 2
  if (chance >= 1) return NaN
  return (observed - chance) / (1 - chance)
}
