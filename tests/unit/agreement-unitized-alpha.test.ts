import { describe, expect, it } from 'vitest'
import { unitizedAlpha, type UnitizingStudy } from '../../src-main/shared/agreement'
import { pairDisagreement, segmentsOf } from '../../src-main/shared/agreement/unitizedAlpha'

// The examples and expected values are DKPro Statistics' unit tests of KrippendorffAlphaUnitizingAgreement
// (dkpro/dkpro-statistics, dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/).
// DKPro's units are (offset, length, coder, category); ours are [start, end).
const unit = (offset: number, length: number, coder: number, category: string) => ({ start: offset, end: offset + length, coder, category })

/** DKPro's assertEquals(expected, actual, delta). */
function near(actual: number, expected: number, delta: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(delta)
}

/** Krippendorff (2004, p. 254), two observers on [150, 450), as in Krippendorff2004Test.createExample. */
const krippendorff2004: UnitizingStudy = {
  begin: 150,
  length: 300,
  coders: 2,
  units: [
    unit(225, 70, 0, 'c'),
    unit(370, 30, 0, 'c'),
    unit(220, 80, 1, 'c'),
    unit(355, 20, 1, 'c'),
    unit(400, 20, 1, 'c'),
    unit(180, 60, 0, 'k'),
    unit(300, 50, 0, 'k'),
    unit(180, 60, 1, 'k'),
    unit(300, 50, 1, 'k'),
  ],
}

/** Krippendorff (1995, p. 57): four pairs of observers on 24 sections, stretched, as in Krippendorff1995Test.createExample. */
function krippendorff1995(stretch: number): UnitizingStudy {
  const at = (x: number) => Math.trunc(x * stretch)
  const units: Array<[number, number, number, string]> = [
    [2, 8, 0, 'A'], [14, 6, 0, 'A'], [4, 4, 1, 'A'], [15, 2, 1, 'A'],
    [0, 18, 0, 'B'], [0, 2, 1, 'B'], [2, 1, 1, 'B'], [3, 1, 1, 'B'], [4, 1, 1, 'B'], [5, 1, 1, 'B'], [6, 3, 1, 'B'], [9, 1, 1, 'B'],
    [2, 6, 0, 'C'], [10, 2, 0, 'C'], [14, 4, 0, 'C'], [20, 2, 0, 'C'], [0, 2, 1, 'C'], [4, 4, 1, 'C'], [10, 4, 1, 'C'], [16, 2, 1, 'C'], [20, 2, 1, 'C'],
    [0, 2, 0, 'D'], [2, 8, 0, 'D'], [10, 4, 0, 'D'], [14, 6, 0, 'D'], [20, 4, 0, 'D'], [0, 4, 1, 'D'], [4, 4, 1, 'D'], [8, 7, 1, 'D'], [15, 2, 1, 'D'], [17, 7, 1, 'D'],
  ] // prettier-ignore
  return { begin: 0, length: at(24), coders: 2, units: units.map(([offset, length, coder, category]) => unit(at(offset), at(length), coder, category)) }
}

describe("Krippendorff's unitizing alpha α_U", () => {
  it("reproduces Krippendorff's (2004) worked example: α_U 0.8591, c 0.7286, k 1", () => {
    const result = unitizedAlpha(krippendorff2004)
    near(result.alpha, 0.8591, 0.0005)
    near(result.categories.c.observed, 0.0144, 0.0001)
    near(result.categories.c.expected, 0.0532, 0.0001)
    near(result.categories.c.alpha, 0.7286, 0.0001)
    near(result.categories.k.observed, 0, 0.0001)
    near(result.categories.k.expected, 0.049, 0.0001)
    near(result.categories.k.alpha, 1, 0.0001)
  })

  it("reproduces Krippendorff's (1995) observed disagreements and, on a long continuum, his expected ones", () => {
    const short = unitizedAlpha(krippendorff1995(1)).categories
    near(short.A.observed, 0.03125, 0.00001)
    near(short.B.observed, 2.26736, 0.00001)
    near(short.C.observed, 0.02777, 0.00001)
    near(short.D.observed, 0.38715, 0.00001)

    // DKPro notes an error in the paper's D_E formula, hence its tolerances: 0.005 on D_E, 0.02 on α.
    const long = unitizedAlpha(krippendorff1995(1_200_000 / 24)).categories
    const expected = { A: [0.0699, 0.553], B: [1.17731, -0.926], C: [0.08642, 0.679], D: [0.41445, 0.066] }
    for (const [category, [disagreement, alpha]] of Object.entries(expected)) {
      near(long[category].expected, disagreement, 0.005)
      near(long[category].alpha, alpha, 0.02)
    }
    const half = unitizedAlpha(krippendorff1995(12 / 24)).categories.C
    near(half.observed, 0.02777, 0.00001)
    near(half.expected, 0.05494, 0.00001)
    near(half.alpha, 0.494, 0.02)
  })

  it("reproduces DKPro's UnitizingAgreementTest: one long unit against three short ones, α = −0.7003", () => {
    // r0: -11111111-   r1: --1-1-1---
    const result = unitizedAlpha({ begin: 0, length: 10, coders: 2, units: [unit(1, 8, 0, 'A'), unit(2, 1, 1, 'A'), unit(4, 1, 1, 'A'), unit(6, 1, 1, 'A')] })
    near(result.categories.A.observed, 0.91, 0.0001)
    near(result.categories.A.expected, 0.5351, 0.0001)
    near(result.categories.A.alpha, -0.7003, 0.0001)
    expect(result.alpha).toBe(result.categories.A.alpha)
  })

  it("gives DKPro's distances between two units: overlapping, and a unit inside the other coder's gap", () => {
    const one = (start: number, end: number) => segmentsOf([start], [end], 1000)
    // Krippendorff2004Test.testDistanceMetric2.
    expect(pairDisagreement(one(225, 295), one(220, 300))).toBe(50)
    expect(pairDisagreement(one(370, 400), one(355, 375))).toBe(850)
    expect(pairDisagreement(segmentsOf([], [], 1000), one(400, 420))).toBe(400)
    // UnitizingAgreementTest.testDistanceMetric: 1–9 against 2–3, 4–5 and 6–7.
    expect(pairDisagreement(one(1, 9), one(2, 3))).toBe(37)
    expect(pairDisagreement(one(1, 9), one(4, 5))).toBe(25)
    expect(pairDisagreement(one(1, 9), one(6, 7))).toBe(29)
    // Units that only touch do not overlap: each lies in the other's gap.
    expect(pairDisagreement(one(0, 3), one(3, 5))).toBe(9 + 4)
  })

  it('is 1 when the coders agree exactly, and credits a near miss more than a far one', () => {
    const study = (end: number): UnitizingStudy => ({ begin: 0, length: 100, coders: 2, units: [unit(10, 10, 0, 'date'), { start: 10, end, coder: 1, category: 'date' }] })
    expect(unitizedAlpha(study(20)).alpha).toBe(1)
    expect(unitizedAlpha(study(21)).alpha).toBeGreaterThan(unitizedAlpha(study(25)).alpha)
  })

  it("merges one coder's overlapping units of a category into their union", () => {
    const overlapping = unitizedAlpha({ begin: 0, length: 50, coders: 2, units: [unit(5, 10, 0, 'x'), unit(10, 10, 0, 'x'), unit(5, 15, 1, 'x')] })
    expect(overlapping.alpha).toBe(1)
  })

  it("returns DKPro's 0 for a single unit, and NaN where α_U is undefined, never throwing", () => {
    // UnitizingAgreementTest.testSingleAnnotationUnit and testEmptyAnnotationSet.
    expect(unitizedAlpha({ begin: 0, length: 20, coders: 3, units: [unit(0, 1, 0, 'X')] }).alpha).toBeCloseTo(0, 12)
    expect(unitizedAlpha({ begin: 0, length: 20, coders: 3, units: [] }).alpha).toBeNaN()
    expect(unitizedAlpha({ begin: 0, length: 20, coders: 1, units: [unit(0, 5, 0, 'X')] }).alpha).toBeNaN()
    expect(unitizedAlpha({ begin: 0, length: 0, coders: 2, units: [unit(0, 5, 0, 'X')] }).alpha).toBeNaN()
    expect(unitizedAlpha({ begin: 0, length: 20, coders: 2, units: [unit(0, 5, 2, 'X')] }).alpha).toBeNaN()
    expect(unitizedAlpha({ begin: 0, length: 20, coders: Infinity, units: [unit(0, 5, 0, 'X')] }).alpha).toBeNaN()
  })
})
