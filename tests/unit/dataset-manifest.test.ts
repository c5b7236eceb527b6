import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportDataset } from '../../src-main/service/datasetExport'
import { importFiles } from '../../src-main/service/import'
import { parseSplitSpec } from '../../src-main/shared/splitSpec'
import { setLayerStatus } from '../../src-main/store/layerStatus'
import { at, datasetLines, projectWith, readRecords } from './dataset-helpers'
import { ROOT, utf8 } from './helpers'

const sha256OfFile = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))

describe('the manifest beside every export', () => {
  it('says what was exported, how, from which project file, and counts each split per label', async () => {
    const { workspace, dir, file } = projectWith(datasetLines(200))
    const split = parseSplitSpec('train=0.8,dev=0.1,test=0.1')
    await exportDataset(workspace.database(), { format: 'doccano', split, seed: 5, labels: ['metric', 'date'], status: ['in_progress'] }, at(dir, 'set.jsonl'), file)
    const manifest = readJson(at(dir, 'set.manifest.json'))
    expect(manifest).toMatchObject({
      factspan_version: readJson(at(ROOT, 'package.json')).version,
      format: 'doccano',
      offset_unit: 'utf16',
      layer: 'all',
      layer_by_default: true,
      filters: { status: ['in_progress'], labels: ['metric', 'date'] },
      split: { seed: 5, ratios: { train: 0.8, dev: 0.1, test: 0.1 }, method: expect.stringContaining('iterative stratification') },
      project: { file: 'test.factspan', sha256: sha256OfFile(file) },
      // A new project keeps the guidelines it started from, so the dataset names those.
      guidelines: { sha256: sha256OfFile(at(ROOT, 'resources/guidelines.md')) },
      agreement: null,
    })
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(['set-train.jsonl', 'set-dev.jsonl', 'set-test.jsonl'])
    for (const entry of manifest.files) {
      // Count what the file holds, in doccano's [start, end, label] lists.
      const lines = fs.readFileSync(at(dir, entry.path), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { label: Array<[number, number, string]> })
      const labels = { metric: 0, date: 0 } as Record<string, number>
      for (const line of lines) for (const [, , label] of line.label) labels[label]++
      expect(entry).toEqual({ split: entry.split, path: entry.path, documents: lines.length, spans: labels.metric + labels.date, labels, dropped_spans: 0 })
    }
    expect(manifest.total.documents).toBe(manifest.files.reduce((n: number, f: { documents: number }) => n + f.documents, 0))
  })

  it('adds the agreement between the annotators when the project has more than one', async () => {
    const lines = datasetLines(40)
    const { workspace, dir, file } = projectWith(lines)
    // bob agrees with alice on every span but the dates, which he leaves out.
    const bob = lines.map((line) => {
      const record = JSON.parse(line)
      return JSON.stringify({ ...record, spans: record.spans.filter((s: { label: string }) => s.label !== 'date').map((s: object) => ({ ...s, annotator: 'bob' })) })
    })
    importFiles(workspace.database(), [{ name: 'bob.jsonl', bytes: utf8(bob.join('\n')) }], { annotator: 'bob' })
    // Agreement counts the documents both finished: alice all 40, bob all but the first.
    const ids = lines.map((line) => JSON.parse(line).id as string)
    setLayerStatus(workspace.database(), ids, 'alice', 'done', '2026-12-01T00:00:00.000Z')
    setLayerStatus(workspace.database(), ids.slice(1), 'bob', 'done', '2026-12-01T00:00:00.000Z')
    await exportDataset(workspace.database(), { format: 'native', layer: 'alice' }, at(dir, 'alice.jsonl'), file)
    const { agreement, layer, files } = readJson(at(dir, 'alice.manifest.json'))
    expect(layer).toBe('alice')
    expect(files).toEqual([expect.objectContaining({ split: null, path: 'alice.jsonl', documents: 40 })])
    expect(agreement.annotators).toEqual(['alice', 'bob'])
    expect(agreement).toMatchObject({ documents: 39, left_out: 1 })
    expect(agreement.pairs).toHaveLength(1)
    const [pair] = agreement.pairs
    expect(pair.annotators).toEqual(['alice', 'bob'])
    expect(pair.exact_f1).toBeGreaterThan(0.5)
    expect(pair.exact_f1).toBeLessThan(1)
    expect(agreement.group).toEqual({ exact_f1: pair.exact_f1, overlap_f1: pair.overlap_f1, fleiss_kappa: expect.any(Number), unitized_alpha: expect.any(Number) })
    expect(readRecords(at(dir, 'alice.jsonl')).flatMap((r) => r.spans.map((s) => s.annotator))).not.toContain('bob')
  })
})
