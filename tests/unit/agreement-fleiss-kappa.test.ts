import { describe, expect, it } from 'vitest'
import { fleissKappa } from '../../src-main/shared/agreement'

describe("Fleiss' kappa", () => {
  it("gives 0.210 on Wikipedia's example: 10 subjects, 14 raters, 5 categories", () => {
    // Wikipedia, "Fleiss' kappa", Worked example: P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]
    expect(fleissKappa(table)).toBeCloseTo(0.21, 3)
  })

  it('is 1 when every rater puts every subject in the same category as the others', () => {
    expect(fleissKappa([[3, 0], [0, 3], [3, 0]])).toBe(1)
  })

  it('returns NaN where kappa is undefined, never throwing', () => {
    expect(fleissKappa([])).toBeNaN()
    // One rater: no pair to agree.
    expect(fleissKappa([[1, 0], [0, 1]])).toBeNaN()
    // Rows with different numbers of raters.
    expect(fleissKappa([[2, 1], [1, 1]])).toBeNaN()
    expect(fleissKappa([[3, -1], [1, 1]])).toBeNaN()
    // Every rating in one category: P̄_e = 1.
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNaN()
  })
})
