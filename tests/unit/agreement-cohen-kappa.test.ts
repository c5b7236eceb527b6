import { describe, expect, it } from 'vitest'
import { cohenKappa, kappaFromConfusion } from '../../src-main/shared/agreement'

/** Two coders' answers rebuilt from a 2 × 2 table: both yes, yes/no, no/yes, both no. */
function fromTable(yesYes: number, yesNo: number, noYes: number, noNo: number): [string[], string[]] {
  const pairs = [
    ...Array<[string, string]>(yesYes).fill(['yes', 'yes']),
    ...Array<[string, string]>(yesNo).fill(['yes', 'no']),
    ...Array<[string, string]>(noYes).fill(['no', 'yes']),
    ...Array<[string, string]>(noNo).fill(['no', 'no']),
  ]
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])]
}

describe("Cohen's kappa", () => {
  it("gives 0.4 on Wikipedia's grant proposal example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)", () => {
    // Wikipedia, "Cohen's kappa", Examples / Simple example: p_o = 0.7, p_e = 0.5, κ = 0.4.
    expect(cohenKappa(...fromTable(20, 5, 10, 15))).toBeCloseTo(0.4, 12)
  })

  it("tells apart Wikipedia's two tables with the same 60% agreement (κ 0.1304 and 0.2593)", () => {
    // Wikipedia, "Cohen's kappa", Same percentages but different numbers.
    expect(cohenKappa(...fromTable(45, 15, 25, 15))).toBeCloseTo(0.1304, 4)
    expect(cohenKappa(...fromTable(25, 35, 5, 35))).toBeCloseTo(0.2593, 4)
  })

  it("gives 0.385 on Krippendorff's (1995) digitized unitizing example A, as DKPro's Krippendorff1995Test", () => {
    // Bertha and Bill, 24 sections each, 1 = inside a unit (DKPro Statistics, Krippendorff1995Test.testDigitizedAgreement).
    const bertha = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    const bill = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    expect(cohenKappa(bertha, bill)).toBeCloseTo(0.385, 3)
  })

  it('is 1 for perfect agreement, whatever the categories are called', () => {
    expect(cohenKappa(['metric', 'none', 'date', 'none'], ['metric', 'none', 'date', 'none'])).toBe(1)
    expect(cohenKappa([1, 2, 3], [1, 2, 3])).toBe(1)
  })

  it('takes the confusion matrix the service builds from characters', () => {
    expect(kappaFromConfusion([20, 5, 10, 15], 2)).toBeCloseTo(0.4, 12)
  })

  it('returns NaN where kappa is undefined, never throwing', () => {
    expect(cohenKappa([], [])).toBeNaN()
    expect(cohenKappa(['a', 'b'], ['a'])).toBeNaN()
    // Both coders always chose the same single category: p_e = 1.
    expect(cohenKappa(['none', 'none', 'none'], ['none', 'none', 'none'])).toBeNaN()
    expect(kappaFromConfusion([0, 0, 0, 0], 2)).toBeNaN()
  })
})
