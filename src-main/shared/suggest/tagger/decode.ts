// Scoring and Viterbi decoding over BIO tags. A character's emission score for a tag is the sum of its features'
// weights for that tag; a first-order transition score joins neighbours, and I-x may follow only B-x or I-x.

/** The weights a decoder reads: per bucket, one weight per tag; transitions from tag a to b at a × tags + b. */
export interface Weights {
  tags: number
  bits: number
  emission: Float32Array
  transition: Float32Array
  /** Scores of each tag at the first character. */
  initial: Float32Array
}

/** True when tag b may follow tag a (-1 for the start of a text). */
export function allowed(a: number, b: number): boolean {
  if (b === 0 || b % 2 === 1) return true
  return a === b || a === b - 1
}

/** Emission scores of every character: n × tags, from FEATURES hashed features per character. */
export function emissions(weights: Weights, features: Int32Array, n: number, featuresPerCharacter: number, out?: Float32Array): Float32Array {
  const { tags, bits, emission } = weights
  const scores = out && out.length >= n * tags ? out.fill(0, 0, n * tags) : new Float32Array(n * tags)
  const shift = 32 - bits
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

/** The best tag sequence under the BIO constraint. */
export function viterbi(weights: Weights, scores: Float32Array, n: number, out: Uint8Array = new Uint8Array(n)): Uint8Array {
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
