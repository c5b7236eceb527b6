import { describe, expect, it } from 'vitest'
import { krippendorffAlpha } from '../../src-main/shared/agreement'

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four observers, twelve units,
// values 1–5, null where an observer gave none.
const _ = null
const example = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

describe("Krippendorff's alpha", () => {
  it('reproduces the paper: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797', () => {
    expect(krippendorffAlpha(example, 'nominal')).toBeCloseTo(0.743, 3)
    expect(krippendorffAlpha(example, 'ordinal')).toBeCloseTo(0.815, 3)
    expect(krippendorffAlpha(example, 'interval')).toBeCloseTo(0.849, 3)
    expect(krippendorffAlpha(example, 'ratio')).toBeCloseTo(0.797, 3)
  })

  it("reproduces the paper's binary example A: two observers, ten units, α = 0.095", () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    expect(krippendorffAlpha([a, b], 'nominal')).toBeCloseTo(0.095, 3)
  })

  it('takes nominal values as strings, and tells 1 from "1"', () => {
    const words = example.map((row) => row.map((v) => (v === null ? null : `v${v}`)))
    expect(krippendorffAlpha(words, 'nominal')).toBeCloseTo(0.743, 3)
    // Were 1 and "1" one value, all values would be alike and alpha undefined.
    expect(krippendorffAlpha([[1, 1], ['1', '1']], 'nominal')).toBe(krippendorffAlpha([[1, 1], [2, 2]], 'nominal'))
    expect(krippendorffAlpha([[1, 1], ['1', '1']], 'nominal')).not.toBeNaN()
  })

  it('returns NaN where alpha is undefined, never throwing', () => {
    expect(krippendorffAlpha([], 'nominal')).toBeNaN()
    // One coder: no unit has two values to pair.
    expect(krippendorffAlpha([[1, 2, 3]], 'interval')).toBeNaN()
    // All values alike: no disagreement to expect.
    expect(krippendorffAlpha([[2, 2], [2, 2]], 'nominal')).toBeNaN()
    // A word where numbers are needed.
    expect(krippendorffAlpha([[1, 'two'], [1, 2]], 'interval')).toBeNaN()
  })
})
