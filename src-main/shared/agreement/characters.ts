import type { FleissTotals } from './fleissKappa'
import type { SpanLayer } from './spanLayer'

/**
 * Codes every character of a continuum by the span covering it: 0 for none, k + 1 for label k, so that spans
 * can be compared with the kappas, character by character. A character that several spans of one annotator
 * cover takes the label of the shortest of them (the most specific); among equally short ones, the label that
 * comes first.
 */
export function characterCategories(layer: SpanLayer, length: number): Uint16Array {
  const categories = new Uint16Array(length)
  let overlaps = false
  for (let k = 0; k + 1 < layer.groups.length && !overlaps; k++) {
    for (let i = layer.groups[k]; i < layer.groups[k + 1] && !overlaps; i++) {
      const to = Math.min(length, layer.end[i])
      for (let c = Math.max(0, layer.start[i]); c < to; c++) {
        if (categories[c] !== 0) overlaps = true
        categories[c] = k + 1
      }
    }
  }
  return overlaps ? paintShortestFirst(layer, length) : categories
}

/** The slower painting for a layer whose spans overlap: each character remembers the length of its span. */
function paintShortestFirst(layer: SpanLayer, length: number): Uint16Array {
  const categories = new Uint16Array(length)
  // Labels are painted in order, so a tie in length keeps the first label.
  const painter = new Uint32Array(length).fill(0xffffffff)
  for (let k = 0; k + 1 < layer.groups.length; k++) {
    for (let i = layer.groups[k]; i < layer.groups[k + 1]; i++) {
      const from = Math.max(0, layer.start[i])
      const to = Math.min(length, layer.end[i])
      const spanLength = to - from
      for (let c = from; c < to; c++) {
        if (spanLength < painter[c]) {
          painter[c] = spanLength
          categories[c] = k + 1
        }
      }
    }
  }
  return categories
}

/** Confusion matrix (row-major, `size` × `size`) of two annotators' character categories. */
export function characterConfusion(a: Uint16Array, b: Uint16Array, size: number): Float64Array {
  const counts = new Float64Array(size * size)
  for (let c = 0; c < a.length; c++) counts[a[c] * size + b[c]]++
  return counts
}

/** The 2 × 2 confusion of one category against all others, the category first. */
export function categoryConfusion(confusion: Float64Array, size: number, category: number): Float64Array {
  let total = 0
  let row = 0
  let column = 0
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const n = confusion[i * size + j]
      total += n
      if (i === category) row += n
      if (j === category) column += n
    }
  }
  const both = confusion[category * size + category]
  return Float64Array.of(both, row - both, column - both, total - row - column + both)
}

/**
 * Fleiss' totals for `raters` raters from the confusion matrices of all their pairs, each rater in raters − 1
 * of them: per subject Σ_j n_ij² = n + 2 · (pairs that agree on it), and each rater's category counts are the
 * rows and columns of its pairs.
 */
export function fleissTotalsOfPairs(confusions: readonly Float64Array[], size: number, raters: number): FleissTotals {
  let subjects = 0
  let agreeing = 0
  const categoryTotals = new Float64Array(size)
  for (let i = 0; i < size * size; i++) if (confusions.length > 0) subjects += confusions[0][i]
  for (const confusion of confusions) {
    for (let i = 0; i < size; i++) {
      agreeing += confusion[i * size + i]
      for (let j = 0; j < size; j++) {
        categoryTotals[i] += confusion[i * size + j] / (raters - 1)
        categoryTotals[j] += confusion[i * size + j] / (raters - 1)
      }
    }
  }
  return { subjects, raters, sumOfSquares: subjects * raters + 2 * agreeing, categoryTotals }
}
