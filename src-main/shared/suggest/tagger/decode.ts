// Scoring and Viterbi decoding over BIO tags. A character's emission score for a tag is the sum of its features'
// weights for that tag; a first-order transition score joins neighbours, and I-x may follow only B-x or I-x.

export interface Transitions {
  tags: number
  /** From tag a to tag b at a × tags + b. */
  transition: Float32Array
  /** Scores of each tag at the first character. */
  initial: Float32Array
}

/** The weights as training keeps them: per bucket of the hashed features, one weight per tag. */
export interface Weights extends Transitions {
  bits: number
  emission: Float32Array
}

/**
 * The weights as tagging reads them: only the non-zero ones, row by row (bucket b's are rows[b] … rows[b + 1] − 1),
 * which after training are a few percent of the table, so tagging touches megabytes instead of the whole table.
 */
export interface SparseWeights extends Transitions {
  bits: number
  rows: Uint32Array
  /** Entry k is the pair (tag, weight) at 2k, 2k + 1: one cache line holds both. */
  entries: Float32Array
}

export function sparseWeights({ tags, bits, emission, transition, initial }: Weights): SparseWeights {
  const buckets = 2 ** bits
  let count = 0
  for (let i = 0; i < emission.length; i++) if (emission[i] !== 0) count++
  const rows = new Uint32Array(buckets + 1)
  const entries = new Float32Array(2 * count)
  let k = 0
  for (let b = 0; b < buckets; b++) {
    rows[b] = k
    for (let t = 0, base = b * tags; t < tags; t++) {
      const w = emission[base + t]
      if (w === 0) continue
      entries[2 * k] = t
      entries[2 * k++ + 1] = w
    }
  }
  rows[buckets] = k
  return { tags, bits, rows, entries, transition, initial }
}

/** True when tag b may follow tag a (-1 for the start of a text). */
export function allowed(a: number, b: number): boolean {
  if (b === 0 || b % 2 === 1) return true
  return a === b || a === b - 1
}

/** Emission scores of every character: n × tags, from `featuresPerCharacter` hashed features per character. */
export function emissions(weights: Weights | SparseWeights, features: Int32Array, n: number, featuresPerCharacter: number, out?: Float32Array): Float32Array {
  const { tags, bits } = weights
  const scores = out && out.length >= n * tags ? out.fill(0, 0, n * tags) : new Float32Array(n * tags)
  const shift = 32 - bits
  if ('rows' in weights) {
    const { rows, entries } = weights
    const occupied = occupiedBuckets(weights)
    for (let i = 0; i < n; i++) {
      const o = i * tags
      for (let f = i * featuresPerCharacter, last = f + featuresPerCharacter; f < last; f++) {
        const h = features[f]
        if (h === -1) continue
        const bucket = h >>> shift
        if ((occupied[bucket >>> 5] & (1 << (bucket & 31))) === 0) continue
        for (let k = 2 * rows[bucket], end = 2 * rows[bucket + 1]; k < end; k += 2) scores[o + entries[k]] += entries[k + 1]
      }
    }
    return scores
  }
  const { emission } = weights
  for (let i = 0; i < n; i++) {
    const o = i * tags
    for (let f = i * featuresPerCharacter, last = f + featuresPerCharacter; f < last; f++) {
      const h = features[f]
      if (h === -1) continue
      const base = (h >>> shift) * tags
      for (let t = 0; t < tags; t++) scores[o + t] += emission[base + t]
    }
  }
  return scores
}

// A bit per bucket, set where the bucket has weights: small enough to stay in cache, so a feature never seen in
// training (most n-grams of a new text) costs no trip to memory.
const occupiedCache = new WeakMap<Uint32Array, Uint32Array>()
function occupiedBuckets({ rows }: SparseWeights): Uint32Array {
  let bits = occupiedCache.get(rows)
  if (!bits) {
    bits = new Uint32Array(Math.ceil((rows.length - 1) / 32))
    for (let b = 0; b + 1 < rows.length; b++) if (rows[b + 1] > rows[b]) bits[b >>> 5] |= 1 << (b & 31)
    occupiedCache.set(rows, bits)
  }
  return bits
}

/** The best tag sequence under the BIO constraint. */
export function viterbi(weights: Transitions, scores: Float32Array, n: number, out: Uint8Array = new Uint8Array(n)): Uint8Array {
  const { tags, transition, initial } = weights
  if (n === 0) return out
  const best = new Float64Array(n * tags)
  const back = new Uint8Array(n * tags)
  // Transitions with the constraint folded in, so the inner loop only adds.
  const step = new Float64Array(tags * tags)
  for (let a = 0; a < tags; a++) for (let b = 0; b < tags; b++) step[a * tags + b] = allowed(a, b) ? transition[a * tags + b] : -Infinity
  for (let t = 0; t < tags; t++) best[t] = allowed(-1, t) ? initial[t] + scores[t] : -Infinity
  for (let i = 1; i < n; i++) {
    const o = i * tags
    const p = o - tags
    for (let b = 0; b < tags; b++) {
      let top = -Infinity
      let from = 0
      // I-x follows only B-x or I-x: two candidates instead of every tag.
      const first = b !== 0 && b % 2 === 0 ? b - 1 : 0
      const last = first === 0 ? tags : b + 1
      for (let a = first; a < last; a++) {
        const s = best[p + a] + step[a * tags + b]
        if (s > top) {
          top = s
          from = a
        }
      }
      best[o + b] = top + scores[o + b]
      back[o + b] = from
    }
  }
  let tag = 0
  const last = (n - 1) * tags
  for (let t = 1; t < tags; t++) if (best[last + t] > best[last + tag]) tag = t
  for (let i = n - 1; i >= 0; i--) {
    out[i] = tag
    tag = back[i * tags + tag]
  }
  return out
}
