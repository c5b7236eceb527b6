// The character tagger: training from documents, tagging a text, saving and loading. See features.ts for what it
// sees, perceptron.ts for how it learns and decode.ts for how it tags.
import { codePointLength } from '../../offsets'
import { seededRandom } from '../../random'
import { codePointsOf } from '../codePoints'
import { ProjectDictionary, type TaggedText } from '../dictionary'
import type { Suggestion, SuggestionSource } from '../suggestion'
import { spansOf, tagCount, tagsOf, type LabelledRange } from './bio'
import { emissions, sparseWeights, viterbi, type SparseWeights } from './decode'
import { FEATURE_VERSION, FEATURES, SENTENCE_ENDS, textFeatures, type FeatureOptions } from './features'
import { decodeModel, encodeModel, MODEL_VERSION, type ModelHeader } from './modelFile'
import { trainPerceptron, type EpochProgress, type Instance } from './perceptron'

/** A document to learn from: its text and its spans (code points, end exclusive). */
export interface TrainingDocument {
  text: string
  spans: readonly LabelledRange[]
}

export interface TrainOptions {
  /** The labels to learn; the others' spans are ignored. Default: every label of the documents, sorted. */
  labels?: readonly string[]
  /** Passes over the documents (default 10). */
  epochs?: number
  /** Orders the sentences and the dictionary folds; the same seed gives the same model, byte for byte (default 1). */
  seed?: number
  /** log2 of the buckets of the weight table; default from the documents' size, 16…20. */
  bits?: number
  features?: FeatureOptions
  /** Features from a dictionary of the training spans (default true); each document sees the others' spans only. */
  dictionary?: boolean
  /** Traditional and simplified script as one in characters and the dictionary (default true). */
  acrossScripts?: boolean
  onProgress?: (progress: EpochProgress) => void
  shouldStop?: () => boolean
}

export type TrainingSummary = ModelHeader['training']

/** A span the tagger found, with a score: the mean, over its characters, of its tag's share of their emission softmax. */
export interface TaggedSpan extends LabelledRange {
  score: number
}

const DICTIONARY_FOLDS = 5

export class CharacterTagger {
  private readonly labelIndex: Map<string, number>

  private constructor(
    private readonly header: ModelHeader,
    private readonly weights: SparseWeights,
    private readonly dictionary: ProjectDictionary | undefined,
  ) {
    this.labelIndex = new Map(header.labels.map((label, i) => [label, i]))
  }

  get labels(): readonly string[] {
    return this.header.labels
  }

  get training(): TrainingSummary {
    return this.header.training
  }

  /** The spans the model finds in a text, in code points, in text order. */
  tag(text: string): TaggedSpan[] {
    const codePoints = codePointsOf(text)
    const n = codePoints.length
    const features = this.features(text, codePoints, this.dictionary)
    const scores = emissions(this.weights, features, n, FEATURES)
    const tags = new Uint8Array(n)
    const cuts = sentenceCuts(codePoints)
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [from, to] = [cuts[k], cuts[k + 1]]
      viterbi(this.weights, scores.subarray(from * this.weights.tags, to * this.weights.tags), to - from, tags.subarray(from, to))
    }
    return spansOf(tags, this.header.labels).map((span) => ({ ...span, score: spanScore(scores, tags, span, this.weights.tags) }))
  }

  suggest(text: string, documentId?: string): Suggestion[] {
    return this.tag(text).map(({ start, end, label, score }) => ({ ...(documentId === undefined ? {} : { documentId }), start, end, label, source: 'model', score }))
  }

  /** The model as a file (see modelFile.ts); the same training gives the same bytes. */
  save(): Uint8Array {
    return encodeModel(this.header, this.weights)
  }

  /** A model from its file; a file that is not one, is cut short or is from a newer Factspan is refused with the reason. */
  static load(bytes: Uint8Array, name = 'model'): CharacterTagger {
    const { header, weights } = decodeModel(bytes, name)
    if (header.featureVersion !== FEATURE_VERSION) {
      throw new RangeError(`${name}: the model was trained with features version ${header.featureVersion}; this Factspan has version ${FEATURE_VERSION}: train it again`)
    }
    const dictionary = header.dictionary.length > 0 ? ProjectDictionary.fromSpans(header.dictionary, { acrossScripts: header.acrossScripts }) : undefined
    return new CharacterTagger(header, weights, dictionary)
  }

  static train(documents: readonly TrainingDocument[], options: TrainOptions = {}): CharacterTagger {
    const labels = [...(options.labels ?? new Set(documents.flatMap((d) => d.spans.map((s) => s.label))))].sort()
    if (labels.length === 0) throw new RangeError('there is nothing to learn: the documents have no spans')
    if (labels.length > 127) throw new RangeError(`a model learns at most 127 labels, not ${labels.length}`)
    const seed = options.seed ?? 1
    const epochs = options.epochs ?? 10
    const acrossScripts = options.acrossScripts ?? true
    const words = options.features?.words ?? true
    const labelIndex = new Map(labels.map((label, i) => [label, i]))
    const tagged = (docs: readonly TrainingDocument[]): TaggedText[] =>
      docs.flatMap((d) => {
        const characters = [...d.text]
        return d.spans.filter((s) => labelIndex.has(s.label)).map((s) => ({ text: characters.slice(s.start, s.end).join(''), label: s.label }))
      })

    // Each document gets its dictionary features from the spans of the other folds, as it will from unseen documents.
    const useDictionary = options.dictionary ?? true
    const random = seededRandom(seed ^ 0x5bd1e995)
    const fold = documents.map(() => Math.floor(random() * DICTIONARY_FOLDS))
    const foldDictionaries = useDictionary
      ? Array.from({ length: DICTIONARY_FOLDS }, (_, k) => ProjectDictionary.fromSpans(tagged(documents.filter((_, i) => fold[i] !== k)), { acrossScripts }))
      : []
    const finalDictionary = useDictionary ? ProjectDictionary.fromSpans(tagged(documents), { acrossScripts }) : undefined

    const characters = documents.reduce((sum, d) => sum + codePointLength(d.text), 0)
    const bits = options.bits ?? Math.min(20, Math.max(16, Math.ceil(Math.log2(Math.max(1, characters) * 4))))
    const header: ModelHeader = {
      format: 'factspan-tagger',
      version: MODEL_VERSION,
      featureVersion: FEATURE_VERSION,
      labels,
      bits,
      words,
      acrossScripts,
      dictionary: finalDictionary?.taggedTexts() ?? [],
      training: { documents: documents.length, characters, sentences: 0, spans: 0, droppedSpans: 0, epochs, seed },
    }
    const empty = { tags: tagCount(labels), bits, rows: new Uint32Array(0), entries: new Float32Array(0), transition: new Float32Array(0), initial: new Float32Array(0) }
    const draft = new CharacterTagger(header, empty, undefined)

    const instances: Instance[] = []
    documents.forEach((document, i) => {
      const codePoints = codePointsOf(document.text)
      const { tags, dropped } = tagsOf(document.spans, codePoints.length, labelIndex)
      header.training.spans += document.spans.length - dropped
      header.training.droppedSpans += dropped
      const features = draft.features(document.text, codePoints, foldDictionaries[fold[i]])
      const cuts = sentenceCuts(codePoints, tags)
      for (let k = 0; k + 1 < cuts.length; k++) {
        instances.push({ features: features.subarray(cuts[k] * FEATURES, cuts[k + 1] * FEATURES), tags: tags.subarray(cuts[k], cuts[k + 1]) })
      }
    })
    header.training.sentences = instances.length
    const weights = trainPerceptron(instances, { tags: tagCount(labels), bits, epochs, seed, onProgress: options.onProgress, shouldStop: options.shouldStop })
    return new CharacterTagger(header, sparseWeights(weights), finalDictionary)
  }

  private features(text: string, codePoints: Int32Array, dictionary: ProjectDictionary | undefined): Int32Array {
    return textFeatures(text, codePoints, dictionary, this.labelIndex, { words: this.header.words })
  }
}

export function modelSource(tagger: CharacterTagger): SuggestionSource {
  return { name: 'model', suggest: (text, documentId) => tagger.suggest(text, documentId) }
}

/** Sentence boundaries [0, …, n], which keep Viterbi's sequences short; with tags, never inside a span. */
function sentenceCuts(codePoints: Int32Array, tags?: Uint8Array): number[] {
  const cuts = [0]
  for (let i = 1; i < codePoints.length; i++) {
    if (SENTENCE_ENDS.has(codePoints[i - 1]) && !(tags && tags[i] !== 0 && tags[i] % 2 === 0)) cuts.push(i)
  }
  if (codePoints.length > 0) cuts.push(codePoints.length)
  return cuts
}

function spanScore(scores: Float32Array, tags: Uint8Array, span: LabelledRange, tagsPerCharacter: number): number {
  let sum = 0
  for (let i = span.start; i < span.end; i++) {
    const o = i * tagsPerCharacter
    let top = -Infinity
    for (let t = 0; t < tagsPerCharacter; t++) top = Math.max(top, scores[o + t])
    let total = 0
    for (let t = 0; t < tagsPerCharacter; t++) total += Math.exp(scores[o + t] - top)
    sum += Math.exp(scores[o + tags[i]] - top) / total
  }
  return sum / (span.end - span.start)
}
