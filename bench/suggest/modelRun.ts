// The model benchmark's measurements, in a process of their own so the peak RSS is the training's:
//   node bin/run-ts.js bench/suggest/modelRun.ts
// Prints one JSON line (ModelRun). CLUENER is split 90/10 by sentence with seed 1; the tagger trains with its defaults.
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { ProjectDictionary } from '../../src-main/shared/suggest/dictionary'
import { CharacterTagger, evaluateTagger, learningCurve, scoreSpans, splitDocuments, type Evaluation } from '../../src-main/shared/suggest/tagger'
import { generateDocument } from '../editor/generateDocument'
import { corpusSentences } from '../editor/sentences'
import { cluenerDocuments } from './cluener'

export interface ModelRun {
  loadBefore: number
  sentences: { training: number; heldOut: number }
  characters: number
  epochs: number
  trainMs: number
  trainCpuMs: number
  maxRssMb: number
  modelBytes: number
  evaluation: Evaluation
  dictionaryEvaluation: Evaluation
  curve: Array<{ share: number; documents: number; f1: number }>
  tagCharacters: number
  tagMs: number[]
  tagCpuMs: number[]
  dictionaryTagMs: number[]
}

const loadBefore = os.loadavg()[0]
const { training, heldOut } = splitDocuments(cluenerDocuments(), 0.1, 1)

let started = performance.now()
let cpu = process.cpuUsage()
const tagger = CharacterTagger.train(training)
const trainMs = performance.now() - started
const trainCpuMs = process.cpuUsage(cpu).user / 1000
const maxRssMb = process.resourceUsage().maxRSS / 1024
const evaluation = evaluateTagger(tagger, heldOut)

// The baseline: INCEpTION's string matcher, every training span's text suggested with its most frequent label.
const dictionary = ProjectDictionary.fromSpans(training.flatMap((d) => d.spans.map((s) => ({ text: [...d.text].slice(s.start, s.end).join(''), label: s.label }))))
const byDictionary = (text: string) => dictionary.matches(text).map(({ start, end, entry }) => ({ start, end, label: entry.labels[0].label }))
const dictionaryEvaluation = scoreSpans(
  heldOut.map((d) => ({ gold: d.spans, predicted: byDictionary(d.text) })),
  tagger.labels,
)

const curve = learningCurve(training, heldOut, [0.1, 0.25, 0.5]).map(({ share, documents, evaluation: e }) => ({ share, documents, f1: e.micro.f1 }))
curve.push({ share: 1, documents: training.length, f1: evaluation.micro.f1 })

const text = generateDocument(corpusSentences(), { bytes: 1_000_000, spans: 0 }, 5).text
const tagMs: number[] = []
const tagCpuMs: number[] = []
const dictionaryTagMs: number[] = []
for (let run = 0; run < 3; run++) {
  started = performance.now()
  cpu = process.cpuUsage()
  tagger.tag(text)
  tagMs.push(performance.now() - started)
  tagCpuMs.push(process.cpuUsage(cpu).user / 1000)
  started = performance.now()
  byDictionary(text)
  dictionaryTagMs.push(performance.now() - started)
}

const run: ModelRun = {
  loadBefore,
  sentences: { training: training.length, heldOut: heldOut.length },
  characters: tagger.training.characters,
  epochs: tagger.training.epochs,
  trainMs,
  trainCpuMs,
  maxRssMb,
  modelBytes: tagger.save().length,
  evaluation,
  dictionaryEvaluation,
  curve,
  tagCharacters: [...text].length,
  tagMs,
  tagCpuMs,
  dictionaryTagMs,
}
process.stdout.write(`${JSON.stringify(run)}\n`)
