import { describe, expect, it } from 'vitest'
import { cohenKappa, fleissKappa } from '../../src-main/shared/agreement'
import { categoryConfusion, characterCategories, characterConfusion, fleissTotalsOfPairs } from '../../src-main/shared/agreement/characters'
import { fleissKappaFromTotals } from '../../src-main/shared/agreement/fleissKappa'
import { spanLayer } from '../../src-main/shared/agreement/spanLayer'

/** A layer from [start, end, label index] triples. */
function layer(spans: Array<[number, number, number]>, labels = 3) {
  return spanLayer(
    spans.map((s) => s[0]),
    spans.map((s) => s[1]),
    spans.map((s) => s[2]),
    labels,
  )
}

describe('spans as character categories', () => {
  it('codes each character by the label covering it, 0 for none', () => {
    expect([...characterCategories(layer([[1, 3, 0], [4, 5, 2]]), 6)]).toEqual([0, 1, 1, 0, 3, 0])
  })

  it("gives a character that one annotator's spans overlap the shortest span's label, and the first label on a tie", () => {
    // 0–6 label 0 around 2–4 label 1; then 7–9 label 2 and 7–9 label 1 on the same characters.
    expect([...characterCategories(layer([[0, 6, 0], [2, 4, 1], [7, 9, 2], [7, 9, 1]]), 10)]).toEqual([1, 1, 2, 2, 1, 1, 0, 2, 2, 0])
  })

  it('gives the kappas the same answer as coding the characters one by one', () => {
    const a = layer([[0, 4, 0], [6, 9, 1], [12, 15, 2]])
    const b = layer([[1, 4, 0], [6, 10, 2], [12, 14, 2], [16, 18, 0]])
    const c = layer([[0, 4, 0], [7, 9, 1]])
    const [ca, cb, cc] = [a, b, c].map((l) => characterCategories(l, 20))
    const confusion = characterConfusion(ca, cb, 4)
    expect(cohenKappa([...ca], [...cb])).toBeCloseTo(cohenKappaOf(confusion, 4), 12)
    // Per label: that label or not.
    const isDate = (codes: Uint16Array) => [...codes].map((x) => x === 3)
    expect(cohenKappa(isDate(ca).map(String), isDate(cb).map(String))).toBeCloseTo(cohenKappaOf(categoryConfusion(confusion, 4, 3), 2), 12)

    const pairs = [characterConfusion(ca, cb, 4), characterConfusion(ca, cc, 4), characterConfusion(cb, cc, 4)]
    const counts = [...ca].map((_, i) => [0, 1, 2, 3].map((k) => [ca, cb, cc].filter((codes) => codes[i] === k).length))
    expect(fleissKappaFromTotals(fleissTotalsOfPairs(pairs, 4, 3))).toBeCloseTo(fleissKappa(counts), 12)
  })
})

function cohenKappaOf(confusion: Float64Array, size: number): number {
  const a: number[] = []
  const b: number[] = []
  confusion.forEach((n, cell) => {
    for (let i = 0; i < n; i++) {
      a.push(Math.floor(cell / size))
      b.push(cell % size)
    }
  })
  return cohenKappa(a, b)
}
