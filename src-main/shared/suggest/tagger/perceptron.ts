// Training: an averaged structured perceptron (Collins 2002). Each sentence is decoded with the current weights;
// where the best path differs from the gold tags, the gold path's features gain one and the predicted path's lose
// one. The model is the average of the weights over all steps, kept lazily (Daumé's trick: w − Σ c·Δ / c), which
// generalises about as well as a CRF at a fraction of the cost. The order of sentences per epoch is seeded.
import { seededRandom } from '../../random'
import { emissions, viterbi, type Weights } from './decode'
import { FEATURES } from './features'

export interface Instance {
  /** FEATURES hashed features per character */
  features: Int32Array
  tags: Uint8Array
}

export interface EpochProgress {
  epoch: number
  epochs: number
  /** Sentences decoded so far in this epoch, of `instances`. */
  done: number
  instances: number
}

export interface PerceptronOptions {
  tags: number
  bits: number
  epochs: number
  seed: number
  onProgress?: (progress: EpochProgress) => void
  /** Asked between sentences; true stops training with the weights averaged so far. */
  shouldStop?: () => boolean
}

export function trainPerceptron(instances: readonly Instance[], options: PerceptronOptions): Weights {
  const { tags, bits, epochs } = options
  const weights: Weights = {
    tags,
    bits,
    emission: new Float32Array((2 ** bits) * tags),
    transition: new Float32Array(tags * tags),
    initial: new Float32Array(tags),
  }
  const sums = { emission: new Float64Array(weights.emission.length), transition: new Float64Array(tags * tags), initial: new Float64Array(tags) }
  const shift = 32 - bits
  const random = seededRandom(options.seed)
  const order = instances.map((_, i) => i)
  let step = 1
  let scores = new Float32Array(0)
  let predicted = new Uint8Array(0)
  const every = Math.max(1, Math.floor(instances.length / 20))

  const add = (array: Float32Array, sum: Float64Array, at: number, delta: number) => {
    array[at] += delta
    sum[at] += step * delta
  }

  training: for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    for (let done = 0; done < order.length; done++) {
      if (options.shouldStop?.()) break training
      const { features, tags: gold } = instances[order[done]]
      const n = gold.length
      if (n > 0) {
        if (scores.length < n * tags) scores = new Float32Array(n * tags * 2)
        if (predicted.length < n) predicted = new Uint8Array(n * 2)
        emissions(weights, features, n, FEATURES, scores)
        const guess = viterbi(weights, scores, n, predicted.subarray(0, n))
        for (let p = 0; p < n; p++) {
          const g = gold[p]
          const q = guess[p]
          if (g !== q) {
            for (let f = p * FEATURES, last = f + FEATURES; f < last; f++) {
              const h = features[f]
              if (h === -1) continue
              const base = (h >>> shift) * tags
              add(weights.emission, sums.emission, base + g, 1)
              add(weights.emission, sums.emission, base + q, -1)
            }
          }
          if (p === 0) {
            if (g !== q) {
              add(weights.initial, sums.initial, g, 1)
              add(weights.initial, sums.initial, q, -1)
            }
          } else if (g !== q || gold[p - 1] !== guess[p - 1]) {
            add(weights.transition, sums.transition, gold[p - 1] * tags + g, 1)
            add(weights.transition, sums.transition, guess[p - 1] * tags + q, -1)
          }
        }
      }
      step++
      if (options.onProgress && (done % every === 0 || done === order.length - 1)) {
        options.onProgress({ epoch: epoch + 1, epochs, done: done + 1, instances: order.length })
      }
    }
  }

  for (const key of ['emission', 'transition', 'initial'] as const) {
    const array = weights[key]
    const sum = sums[key]
    for (let i = 0; i < array.length; i++) if (sum[i] !== 0) array[i] -= sum[i] / step
  }
  return weights
}
