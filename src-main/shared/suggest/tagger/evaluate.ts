// How good a tagger is: precision, recall and F1 of exact spans (same start, end and label) per label and
// overall (micro), on documents it did not learn from; a seeded split into a training and a held-out part; and a
// learning curve, the held-out F1 of models trained on growing shares of the training part.
import { seededRandom } from '../../random'
import type { LabelledRange } from './bio'
import { CharacterTagger, type TrainingDocument, type TrainOptions } from './tagger'

export interface LabelScore {
  label: string
  precision: number
  recall: number
  f1: number
  /** Spans in the held-out documents, spans the tagger found, and those of them that are right. */
  gold: number
  predicted: number
  correct: number
}

export interface Evaluation {
  labels: LabelScore[]
  /** Over all labels: every right span counts once. */
  micro: LabelScore
  documents: number
}

/** Scores of predicted against gold spans, document by document. */
export function scoreSpans(pairs: Iterable<{ gold: readonly LabelledRange[]; predicted: readonly LabelledRange[] }>, labels: readonly string[]): Evaluation {
  const counts = new Map(labels.map((label) => [label, { gold: 0, predicted: 0, correct: 0 }]))
  let documents = 0
  for (const { gold, predicted } of pairs) {
    documents++
    const keys = new Set(gold.filter((s) => counts.has(s.label)).map((s) => `${s.start}:${s.end}:${s.label}`))
    for (const s of gold) if (counts.has(s.label)) counts.get(s.label)!.gold++
    for (const s of predicted) {
      const count = counts.get(s.label)
      if (!count) continue
      count.predicted++
      if (keys.delete(`${s.start}:${s.end}:${s.label}`)) count.correct++
    }
  }
  const score = (label: string, { gold, predicted, correct }: { gold: number; predicted: number; correct: number }): LabelScore => {
    const precision = predicted === 0 ? 0 : correct / predicted
    const recall = gold === 0 ? 0 : correct / gold
    return { label, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), gold, predicted, correct }
  }
  const total = { gold: 0, predicted: 0, correct: 0 }
  for (const c of counts.values()) {
    total.gold += c.gold
    total.predicted += c.predicted
    total.correct += c.correct
  }
  return { labels: [...counts].map(([label, c]) => score(label, c)), micro: score('all', total), documents }
}

export function evaluateTagger(tagger: CharacterTagger, documents: readonly TrainingDocument[]): Evaluation {
  return scoreSpans(
    documents.map((d) => ({ gold: d.spans, predicted: tagger.tag(d.text) })),
    tagger.labels,
  )
}

/** A seeded split by document: `heldOut` of them (at least one when there are two or more) are held out. */
export function splitDocuments<T>(documents: readonly T[], heldOut: number, seed: number): { training: T[]; heldOut: T[] } {
  if (!(heldOut >= 0 && heldOut < 1)) throw new RangeError(`the held-out share must be at least 0 and below 1, not ${heldOut}`)
  const random = seededRandom(seed)
  const order = documents.map((_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const count = heldOut === 0 || documents.length < 2 ? 0 : Math.max(1, Math.round(documents.length * heldOut))
  const held = new Set(order.slice(0, count))
  return { training: documents.filter((_, i) => !held.has(i)), heldOut: documents.filter((_, i) => held.has(i)) }
}

export interface LearningCurvePoint {
  /** The share of the training part the model learned from. */
  share: number
  documents: number
  characters: number
  evaluation: Evaluation
}

/** Held-out scores of models trained on the first `shares` of the (seeded) training part, e.g. [0.25, 0.5, 1]. */
export function learningCurve(
  training: readonly TrainingDocument[],
  heldOut: readonly TrainingDocument[],
  shares: readonly number[],
  options: TrainOptions = {},
): LearningCurvePoint[] {
  return shares.map((share) => {
    const part = training.slice(0, Math.max(1, Math.round(training.length * share)))
    const tagger = CharacterTagger.train(part, options)
    return { share, documents: part.length, characters: tagger.training.characters, evaluation: evaluateTagger(tagger, heldOut) }
  })
}
