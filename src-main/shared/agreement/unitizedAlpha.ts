import { lowerBound } from '../lowerBound'

export interface UnitizingStudy {
  /** Where the continuum starts. */
  begin: number
  /** How long the continuum is; units are clipped to [begin, begin + length). */
  length: number
  /** Number of coders; every unit's coder is one of 0 … coders − 1. */
  coders: number
  /** `end` exclusive. */
  units: ReadonlyArray<{ coder: number; start: number; end: number; category: string }>
}

export interface CategoryAlpha {
  /** D_O of the category. */
  observed: number
  /** D_E of the category. */
  expected: number
  alpha: number
}

export interface UnitizedAlpha {
  alpha: number
  categories: Record<string, CategoryAlpha>
}

/**
 * Krippendorff's unitizing alpha α_U: agreement on where units of a category begin and end on a continuum of
 * length L, coded by R coders, crediting near-boundary agreement. For each category c:
 *
 *   D_O^c = 2 / (R (R − 1) L²) · Σ_{coder pairs} Σ δ²,  where δ² is, for two overlapping units,
 *           (begin difference)² + (end difference)², and for a unit that meets only a gap of the other
 *           coder, its length²;
 *   D_E^c = 2 / L · Σ_u [ (N_c − 1)(2l_u³ − 3l_u² + l_u) / 3 + l_u² Σ_{gaps g ≥ l_u} (g − l_u + 1) ]
 *           / (R L (R L − 1) − Σ_u l_u (l_u − 1)),
 *
 * summing over the N_c units u of c of all coders and the gaps (stretches without c) of all coders;
 * α_c = 1 − D_O^c / D_E^c, and overall α_U = 1 − mean_c D_O^c / mean_c D_E^c.
 * Source: K. Krippendorff (2004), "Measuring the reliability of qualitative text analysis data", Quality &
 * Quantity 38, and Content Analysis (2nd ed., 2004, p. 254); computed as DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement does, whose tests give the worked values.
 *
 * The measure assumes a coder's units of one category do not overlap, so such overlaps are merged into their
 * union (units that only touch stay apart). Undefined cases return NaN: no units, fewer than two coders,
 * an empty continuum, a unit of a coder outside 0 … coders − 1, and zero expected disagreement.
 */
export function unitizedAlpha(study: UnitizingStudy): UnitizedAlpha {
  const { begin, length, coders } = study
  const byCategory = new Map<string, Array<{ start: number[]; end: number[] }>>()
  let malformed = !(Number.isInteger(coders) && coders >= 2 && length > 0)
  for (const unit of study.units) {
    if (!(Number.isInteger(unit.coder) && unit.coder >= 0 && unit.coder < coders)) malformed = true
    let rows = byCategory.get(unit.category)
    if (!rows) byCategory.set(unit.category, (rows = Array.from({ length: malformed ? 0 : coders }, () => ({ start: [], end: [] }))))
    rows[unit.coder]?.start.push(unit.start - begin)
    rows[unit.coder]?.end.push(unit.end - begin)
  }
  const categories: Record<string, CategoryAlpha> = {}
  let observed = 0
  let expected = 0
  for (const [category, rows] of byCategory) {
    const result = malformed ? { observed: NaN, expected: NaN, alpha: NaN } : categoryAlpha(rows.map((r) => segmentsOf(r.start, r.end, length)), length)
    categories[category] = result
    observed += result.observed
    expected += result.expected
  }
  return { alpha: byCategory.size === 0 || malformed ? NaN : ratioAlpha(observed, expected), categories }
}

/** α_c of one category, given each coder's units of it. */
function categoryAlpha(coders: readonly Segments[], length: number): CategoryAlpha {
  let pairs = 0
  for (let r1 = 0; r1 < coders.length; r1++) for (let r2 = r1 + 1; r2 < coders.length; r2++) pairs += pairDisagreement(coders[r1], coders[r2])
  const observed = observedDisagreement(pairs, coders.length, length)
  const expected = expectedDisagreement(coders, length)
  return { observed, expected, alpha: ratioAlpha(observed, expected) }
}

/** 1 − D_O / D_E, NaN when nothing is expected to disagree. */
export function ratioAlpha(observed: number, expected: number): number {
  return expected > 0 ? 1 - observed / expected : NaN
}

/** One coder's units of one category, relative to the continuum's begin: sorted, not overlapping, non-empty. */
export interface Segments {
  start: Float64Array
  end: Float64Array
  /** How many units have each length. */
  lengths: Map<number, number>
  /** Lengths of the stretches without a unit, ascending, and gapSums[k] = Σ of the gaps from index k on. */
  gaps: Float64Array
  gapSums: Float64Array
}

/** Sorts units, clips them to [0, length) and merges the ones that overlap. */
export function segmentsOf(starts: ArrayLike<number>, ends: ArrayLike<number>, length: number): Segments {
  const n = starts.length
  const order = isSorted(starts, ends) ? null : Array.from({ length: n }, (_, i) => i).sort((x, y) => starts[x] - starts[y] || ends[x] - ends[y])
  const start = new Float64Array(n)
  const end = new Float64Array(n)
  let count = 0
  for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k
    const s = Math.max(0, starts[i])
    const e = Math.min(length, ends[i])
    if (!(e > s)) continue
    if (count > 0 && s < end[count - 1]) end[count - 1] = Math.max(end[count - 1], e)
    else {
      start[count] = s
      end[count++] = e
    }
  }
  const lengths = new Map<number, number>()
  const gaps = new Float64Array(count + 1)
  let gapCount = 0
  let position = 0
  for (let i = 0; i < count; i++) {
    const l = end[i] - start[i]
    lengths.set(l, (lengths.get(l) ?? 0) + 1)
    if (start[i] > position) gaps[gapCount++] = start[i] - position
    position = end[i]
  }
  if (position < length) gaps[gapCount++] = length - position
  const sortedGaps = gaps.subarray(0, gapCount).sort()
  const gapSums = new Float64Array(gapCount + 1)
  for (let k = gapCount - 1; k >= 0; k--) gapSums[k] = gapSums[k + 1] + sortedGaps[k]
  return { start: start.subarray(0, count), end: end.subarray(0, count), lengths, gaps: sortedGaps, gapSums }
}

function isSorted(starts: ArrayLike<number>, ends: ArrayLike<number>): boolean {
  for (let i = 1; i < starts.length; i++) if (starts[i] < starts[i - 1] || (starts[i] === starts[i - 1] && ends[i] < ends[i - 1])) return false
  return true
}

/**
 * Σ δ² between two coders' units of one category: DKPro's walk over both unitizations, section by section,
 * done as one sweep over the overlapping pairs.
 */
export function pairDisagreement(a: Segments, b: Segments): number {
  let sum = 0
  let i = 0
  let j = 0
  // Whether the current unit of a (of b) has met a unit of the other coder; if not, it lies in a gap.
  let metA = false
  let metB = false
  while (i < a.start.length && j < b.start.length) {
    const sa = a.start[i]
    const ea = a.end[i]
    const sb = b.start[j]
    const eb = b.end[j]
    if (sa < eb && sb < ea) {
      sum += (sa - sb) ** 2 + (ea - eb) ** 2
      metA = metB = true
    }
    if (ea <= eb) {
      if (!metA) sum += (ea - sa) ** 2
      i++
      metA = false
    }
    if (eb <= ea) {
      if (!metB) sum += (eb - sb) ** 2
      j++
      metB = false
    }
  }
  for (; i < a.start.length; i++, metA = false) if (!metA) sum += (a.end[i] - a.start[i]) ** 2
  for (; j < b.start.length; j++, metB = false) if (!metB) sum += (b.end[j] - b.start[j]) ** 2
  return sum
}

/** D_O^c from the sum of every coder pair's Σ δ². */
export function observedDisagreement(pairSum: number, coders: number, length: number): number {
  return (2 * pairSum) / (coders * (coders - 1) * length * length)
}

/** D_E^c of one category over the given coders' units; units of one length share their term. */
export function expectedDisagreement(coders: readonly Segments[], length: number): number {
  let units = 0
  let squaredLengths = 0
  const lengths = new Map<number, number>()
  for (const c of coders) {
    units += c.start.length
    for (const [l, n] of c.lengths) {
      lengths.set(l, (lengths.get(l) ?? 0) + n)
      squaredLengths += n * l * (l - 1)
    }
  }
  let sum = 0
  for (const [l, n] of lengths) {
    // Σ over every coder's gaps g ≥ l of (g − l + 1).
    let fitting = 0
    for (const c of coders) {
      const first = firstAtLeast(c.gaps, l)
      fitting += c.gapSums[first] - (l - 1) * (c.gaps.length - first)
    }
    sum += n * (((units - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * fitting)
  }
  const R = coders.length
  return (sum * 2) / length / (R * length * (R * length - 1) - squaredLengths)
}

/** Index of the first value ≥ x in an ascending array. */
function firstAtLeast(sorted: Float64Array, x: number): number {
  return lowerBound(sorted.length, (i) => sorted[i] < x)
}
