import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { trainInWorker, type TrainingProgress } from '../../src-main/service/modelWorker'
import { CharacterTagger, type TrainingDocument } from '../../src-main/shared/suggest/tagger'
import { ROOT } from './helpers'

/** Report sentences with an organization each, made from a few names and frames, the same every run. */
function documents(count: number): TrainingDocument[] {
  const names = ['区发改局', '区经信局', '交通银行', '泰林生物', '区商务局', '工商银行']
  const frames = [
    (name: string) => `${name}出台了新的扶持政策。`,
    (name: string) => `截至目前，${name}已兑现资金。`,
    (name: string) => `企业向${name}提交了申请材料。`,
  ]
  return Array.from({ length: count }, (_, i) => {
    const name = names[i % names.length]
    const text = frames[i % frames.length](name)
    const start = [...text].join('').indexOf(name)
    return { text, spans: [{ start, end: start + [...name].length, label: 'organization' }] }
  })
}

describe('training on a worker thread', () => {
  it('returns a model that loads and tags, with its held-out evaluation, while the main thread keeps running', async () => {
    const progress: TrainingProgress[] = []
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    const trained = await trainInWorker({ documents: documents(400), options: { epochs: 6, seed: 3 }, heldOut: 0.1, learningCurve: [0.5, 1] }, { onProgress: (p) => progress.push(p) })
    clearInterval(timer)

    const tagger = CharacterTagger.load(trained.model, 'worker.model')
    expect(tagger.tag('企业向区商务局提交了申请材料。').map(({ start, end, label }) => ({ start, end, label }))).toEqual([{ start: 3, end: 7, label: 'organization' }])
    expect(trained.training).toMatchObject({ documents: 360, epochs: 6, seed: 3 })
    expect(trained.evaluation?.documents).toBe(40)
    expect(trained.evaluation?.micro.f1).toBeGreaterThan(0.9)
    expect(trained.learningCurve?.map((p) => p.documents)).toEqual([180, 360])
    expect(progress.filter((p) => p.phase === 'training').at(-1)).toMatchObject({ fraction: 1, epoch: 6, epochs: 6 })
    expect(progress.map((p) => p.phase)).toContain('evaluating')
    // The timer fired all along: training never held the main thread.
    expect(ticks).toBeGreaterThan(10)
  })

  it('trains the same model as on this thread for the same seed', async () => {
    const docs = documents(30)
    const trained = await trainInWorker({ documents: docs, options: { epochs: 3, seed: 5, bits: 16 }, heldOut: 0 })
    const here = CharacterTagger.train(docs, { epochs: 3, seed: 5, bits: 16 })
    expect(Buffer.from(trained.model).equals(Buffer.from(here.save()))).toBe(true)
    expect(trained.evaluation).toBeUndefined()
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    const training = trainInWorker({ documents: documents(2000), options: { epochs: 50 } }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(training).rejects.toMatchObject({ name: 'AbortError', message: 'training was cancelled' })
  })

  it('passes a training error back', async () => {
    await expect(trainInWorker({ documents: [{ text: '没有标注。', spans: [] }], heldOut: 0 })).rejects.toThrow('there is nothing to learn: the documents have no spans')
  })

  // npm test builds with electron-vite before the unit tests run.
  it('runs from the electron-vite build, as an entry of its own', async () => {
    const entry = path.join(ROOT, 'out/main/modelWorker.js')
    expect(fs.existsSync(entry), `${entry} is missing: run npm run build first`).toBe(true)
    const worker = new Worker(entry, { workerData: { factspanModelWorker: true, request: { documents: documents(30), options: { epochs: 2, bits: 16 }, heldOut: 0 } } })
    const answer = await new Promise<{ kind: string; result: { model: Uint8Array } }>((resolve, reject) => {
      worker.on('message', (message) => message.kind !== 'progress' && resolve(message))
      worker.on('error', reject)
    })
    await worker.terminate()
    expect(answer.kind).toBe('done')
    expect(CharacterTagger.load(new Uint8Array(answer.result.model)).labels).toEqual(['organization'])
  })
})
