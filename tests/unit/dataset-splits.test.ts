import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportDataset } from '../../src-main/service/datasetExport'
import { planDataset } from '../../src-main/service/datasetPlan'
import { assignSplits } from '../../src-main/service/splits'
import { parseSplitSpec } from '../../src-main/shared/splitSpec'
import { at, datasetLines, filesIn, projectWith, readRecords } from './dataset-helpers'

const TRAIN_DEV_TEST = parseSplitSpec('train=0.8,dev=0.1,test=0.1')

/** Total variation distance between two label distributions: half the sum of the differences of their shares. */
function labelDistance(part: Record<string, number>, whole: Record<string, number>): number {
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
  const [p, w] = [sum(part), sum(whole)]
  return Object.keys(whole).reduce((d, label) => d + Math.abs((part[label] ?? 0) / p - whole[label] / w), 0) / 2
}

describe('split specifications', () => {
  it('reads NAME=RATIO lists and says what is wrong with a bad one', () => {
    expect(parseSplitSpec('train=0.7, dev=0.2 ,test=0.1')).toEqual([
      { name: 'train', ratio: 0.7 },
      { name: 'dev', ratio: 0.2 },
      { name: 'test', ratio: 0.1 },
    ])
    expect(() => parseSplitSpec('train=0.8,dev=0.1')).toThrow('split "train=0.8,dev=0.1": the ratios add up to 0.9, not 1')
    expect(() => parseSplitSpec('train=0.5,train=0.5')).toThrow('train is named twice')
    expect(() => parseSplitSpec('train=0.8,dev/x=0.2')).toThrow('the name "dev/x" goes into file names')
    expect(() => parseSplitSpec('train=80%,dev=0.2')).toThrow('the ratio of train is 80%')
    expect(() => parseSplitSpec('train')).toThrow('"train" is not NAME=RATIO')
  })
})

describe('dataset splits', () => {
  const lines = datasetLines(1000)

  it('keeps every split close to the whole project in documents and in its label distribution', () => {
    const { workspace } = projectWith(lines)
    const plan = planDataset(workspace.database(), { format: 'native', split: TRAIN_DEV_TEST, seed: 7 })
    expect(plan.total).toMatchObject({ documents: 1000 })
    expect(plan.total.labels.measure).toBeGreaterThan(0)
    expect(plan.splits.map((s) => s.counts.documents).reduce((a, b) => a + b)).toBe(1000)
    for (const [s, split] of plan.splits.entries()) {
      expect(Math.abs(split.counts.documents - 1000 * TRAIN_DEV_TEST[s].ratio)).toBeLessThanOrEqual(10)
      expect(labelDistance(split.counts.labels, plan.total.labels)).toBeLessThan(0.01)
      // The rare label, clustered in the first tenth of the ids, reaches every split in its share.
      expect(Math.abs(split.counts.labels.measure / plan.total.labels.measure - TRAIN_DEV_TEST[s].ratio)).toBeLessThan(0.02)
    }
  })

  it('does not depend on the order the documents were added in', () => {
    const first = projectWith(lines)
    const second = projectWith([...lines].reverse())
    const members = (db: ReturnType<typeof first.workspace.database>) =>
      planDataset(db, { format: 'native', split: TRAIN_DEV_TEST, seed: 3 }).splits.map((s) => [...s.ids!].sort())
    expect(members(second.workspace.database())).toEqual(members(first.workspace.database()))
  })

  it('assigns documents without spans by their count alone, and the seed decides among equals', () => {
    const documents = { ids: Array.from({ length: 100 }, (_, i) => `doc${i}`), labels: 2, counts: new Int32Array(200) }
    const halves = parseSplitSpec('a=0.5,b=0.5')
    const chosen = assignSplits(documents, halves, 1)
    expect(chosen.filter((s) => s === 0)).toHaveLength(50)
    expect(assignSplits(documents, halves, 1)).toEqual(chosen)
    expect(assignSplits(documents, halves, 2)).not.toEqual(chosen)
  })

  it('writes one file per split, byte for byte the same for the same seed and different for another', async () => {
    const { workspace, dir, file } = projectWith(lines)
    const db = workspace.database()
    const exportWith = async (seed: number, out: string) => {
      await exportDataset(db, { format: 'native', split: TRAIN_DEV_TEST, seed }, at(dir, out), file)
      return ['train', 'dev', 'test'].map((split) => fs.readFileSync(at(dir, out.replace('.jsonl', `-${split}.jsonl`))))
    }
    const once = await exportWith(11, 'a.jsonl')
    const again = await exportWith(11, 'b.jsonl')
    const other = await exportWith(12, 'c.jsonl')
    expect(filesIn(dir)).toEqual([
      'a-dev.jsonl', 'a-test.jsonl', 'a-train.jsonl', 'a.manifest.json',
      'b-dev.jsonl', 'b-test.jsonl', 'b-train.jsonl', 'b.manifest.json',
      'c-dev.jsonl', 'c-test.jsonl', 'c-train.jsonl', 'c.manifest.json',
    ])
    once.forEach((bytes, i) => expect(bytes.equals(again[i])).toBe(true))
    expect(once[0].equals(other[0])).toBe(false)
    // Split by document: every document in exactly one file, with all its spans.
    const exported = ['train', 'dev', 'test'].flatMap((split) => readRecords(at(dir, `a-${split}.jsonl`)))
    expect(exported.map((r) => r.id).sort()).toEqual(lines.map((l) => JSON.parse(l).id))
    expect(exported.reduce((n, r) => n + r.spans.length, 0)).toBe(planDataset(db, { format: 'native' }).total.spans)
  })

  it('exports only the documents with the statuses asked for and the spans with the labels asked for', async () => {
    const { service, workspace, dir, file } = projectWith(datasetLines(60))
    for (const id of ['d00001', 'd00002', 'd00003']) service['documents.setDone']({ id, done: true })
    service['review.setReviewed']({ id: 'd00004', reviewed: true })
    const result = await exportDataset(workspace.database(), { format: 'native', layer: 'alice', status: ['done', 'reviewed'], labels: ['date', 'measure'] }, at(dir, 'f.jsonl'), file)
    const records = readRecords(at(dir, 'f.jsonl'))
    expect(records.map((r) => r.id)).toEqual(['d00001', 'd00002', 'd00003', 'd00004'])
    const labels = new Set(records.flatMap((r) => r.spans.map((s) => s.label)))
    expect([...labels].sort()).toEqual(['date', 'measure'])
    expect(result.plan.total).toEqual({ documents: 4, spans: records.reduce((n, r) => n + r.spans.length, 0), labels: { measure: expect.any(Number), date: expect.any(Number) } })
  })

  it('refuses a label the project does not have and ratios that do not add up, naming them', async () => {
    const { workspace } = projectWith(datasetLines(5))
    const db = workspace.database()
    expect(() => planDataset(db, { format: 'native', labels: ['metric', 'price'] })).toThrow('no label "price" in this project; its labels are metric, measure, organization, date')
    expect(() => planDataset(db, { format: 'native', split: [{ name: 'train', ratio: 0.5 }] })).toThrow('the ratios add up to 0.5, not 1')
  })

  it('writes brat splits as one folder each', async () => {
    const { workspace, dir, file } = projectWith(datasetLines(30))
    const result = await exportDataset(workspace.database(), { format: 'brat', split: parseSplitSpec('train=0.5,test=0.5') }, at(dir, 'corpus'), file)
    expect(filesIn(dir)).toEqual(['corpus-test', 'corpus-train', 'corpus.manifest.json'])
    const pairs = (split: string) => fs.readdirSync(at(dir, `corpus-${split}`)).filter((f) => f.endsWith('.ann')).length
    expect(pairs('train') + pairs('test')).toBe(30)
    expect(result.files.map((f) => [f.path, f.documents])).toEqual([
      ['corpus-train', pairs('train')],
      ['corpus-test', pairs('test')],
    ])
  })
})
