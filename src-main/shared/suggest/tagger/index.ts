// The character-level sequence tagger: an averaged perceptron over BIO tags with Viterbi decoding, pure
// TypeScript, no native code, so it runs in the service, a worker thread, the CLI and the renderer alike.
//
// API: CharacterTagger.train(documents, options) · tagger.tag(text) · tagger.suggest(text, documentId?)
//      tagger.save() → Uint8Array · CharacterTagger.load(bytes, name) · modelSource(tagger) — the 'model' source
//      splitDocuments(documents, heldOut, seed) · evaluateTagger(tagger, documents) · learningCurve(…) · scoreSpans(…)
export { CharacterTagger, modelSource, type TaggedSpan, type TrainingDocument, type TrainingSummary, type TrainOptions } from './tagger'
export { evaluateTagger, learningCurve, scoreSpans, splitDocuments, type Evaluation, type LabelScore, type LearningCurvePoint } from './evaluate'
export type { EpochProgress } from './perceptron'
export type { LabelledRange } from './bio'
export { MODEL_VERSION } from './modelFile'
