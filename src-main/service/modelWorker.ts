// Training the suggestion model on a worker thread, so neither the app's main process nor the CLI's progress waits
// on it: trainInWorker posts the documents, the worker trains (and evaluates on a held-out part, and draws a
// learning curve when asked) and posts the model file back. Run from the TypeScript sources (CLI, tests, browser
// mode), the worker loads this module through tsx, as bin/factspan.js does; in the electron-vite build it runs
// out/main/modelWorker.js, an entry of its own. This module is also the worker's entry.
//
// API: trainInWorker(request, { onProgress, signal }) → Promise<TrainedModel>; the model is CharacterTagger.load-able.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import {
  CharacterTagger,
  evaluateTagger,
  learningCurve,
  splitDocuments,
  type Evaluation,
  type LearningCurvePoint,
  type TrainingDocument,
  type TrainingSummary,
  type TrainOptions,
} from '../shared/suggest/tagger'

export interface TrainingRequest {
  documents: TrainingDocument[]
  options?: Omit<TrainOptions, 'onProgress' | 'shouldStop'>
  /** The share of documents held out to evaluate the model on (default 0.1; 0: no evaluation). */
  heldOut?: number
  /** Shares of the training part to train on for a learning curve, e.g. [0.25, 0.5, 1]; none by default. */
  learningCurve?: number[]
}

export interface TrainedModel {
  /** The model file (CharacterTagger.load), trained on the documents less the held-out part. */
  model: Uint8Array
  training: TrainingSummary
  /** Precision, recall and F1 per label on the held-out part; absent when nothing was held out. */
  evaluation?: Evaluation
  learningCurve?: LearningCurvePoint[]
  milliseconds: number
}

export interface TrainingProgress {
  phase: 'training' | 'evaluating' | 'learning curve'
  /** 0…1 of this phase */
  fraction: number
  epoch?: number
  epochs?: number
}

interface Task {
  factspanModelWorker: true
  request: TrainingRequest
}

type Message = { kind: 'progress'; progress: TrainingProgress } | { kind: 'done'; result: TrainedModel } | { kind: 'failure'; message: string; starting?: true }

if (!isMainThread && (workerData as Task | null)?.factspanModelWorker) train((workerData as Task).request)

export function trainInWorker(request: TrainingRequest, handlers: { onProgress?: (progress: TrainingProgress) => void; signal?: AbortSignal } = {}): Promise<TrainedModel> {
  const { onProgress, signal } = handlers
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError())
    const task: Task = { factspanModelWorker: true, request }
    const worker = startWorker(task)
    const stop = () => {
      void worker.terminate()
      reject(abortError())
    }
    signal?.addEventListener('abort', stop, { once: true })
    const settle = () => signal?.removeEventListener('abort', stop)
    worker.on('message', (message: Message) => {
      if (message.kind === 'progress') onProgress?.(message.progress)
      else {
        settle()
        void worker.terminate()
        if (message.kind === 'done') resolve({ ...message.result, model: new Uint8Array(message.result.model) })
        else reject(new Error(message.starting ? `the training thread could not start: ${message.message}` : message.message))
      }
    })
    worker.on('error', (error) => {
      settle()
      reject(error)
    })
    worker.on('exit', (code) => {
      settle()
      // After 'done' or 'failure' this changes nothing: a settled promise stays settled.
      reject(new Error(`the training thread stopped (exit code ${code}) before it answered`))
    })
  })
}

function abortError(): Error {
  const error = new Error('training was cancelled')
  error.name = 'AbortError'
  return error
}

/** From the sources, this module through tsx; from the build, its own bundled entry beside the main one. */
function startWorker(task: Task): Worker {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return new Worker(new URL('./modelWorker.js', here), { workerData: task })
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `const { workerData, parentPort } = require('node:worker_threads')
import(${JSON.stringify(tsx)})
  .then(({ register }) => { register(); return import(${JSON.stringify(here)}) })
  .catch((error) => parentPort.postMessage({ kind: 'failure', starting: true, message: String(error && error.message || error) }))`
  return new Worker(boot, { eval: true, workerData: task })
}

/** The worker: split, train, evaluate, optionally a learning curve, and post the model back. */
function train(request: TrainingRequest): void {
  const post = (message: Message, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer)
  try {
    const started = performance.now()
    const seed = request.options?.seed ?? 1
    const { training, heldOut } = splitDocuments(request.documents, request.heldOut ?? 0.1, seed)
    const tagger = CharacterTagger.train(training, {
      ...request.options,
      onProgress: ({ epoch, epochs, done, instances }) =>
        post({ kind: 'progress', progress: { phase: 'training', fraction: (epoch - 1 + done / instances) / epochs, epoch, epochs } }),
    })
    let evaluation: Evaluation | undefined
    if (heldOut.length > 0) {
      post({ kind: 'progress', progress: { phase: 'evaluating', fraction: 0 } })
      evaluation = evaluateTagger(tagger, heldOut)
    }
    let curve: LearningCurvePoint[] | undefined
    if (request.learningCurve && request.learningCurve.length > 0 && heldOut.length > 0) {
      post({ kind: 'progress', progress: { phase: 'learning curve', fraction: 0 } })
      curve = learningCurve(training, heldOut, request.learningCurve, request.options)
    }
    const model = tagger.save()
    const result: TrainedModel = { model, training: tagger.training, evaluation, learningCurve: curve, milliseconds: performance.now() - started }
    post({ kind: 'done', result }, [model.buffer as ArrayBuffer])
  } catch (error) {
    post({ kind: 'failure', message: error instanceof Error ? error.message : String(error) })
  }
}
