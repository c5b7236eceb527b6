import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { relationF1, type RelationItem } from '../../src-main/shared/agreement/relations'
import { runCli } from './cli-helpers'
import { newProject, tempDir, utf8 } from './helpers'

const metric = { start: 12, end: 22, label: 'metric' }
const org = { start: 3, end: 12, label: 'organization' }
const date = { start: 23, end: 30, label: 'date' }
const measure = { start: 34, end: 39, label: 'measure' }
const rel = (from: RelationItem['from'], type: string, to: RelationItem['to'], document = 'd'): RelationItem => ({ document, from, to, type })

describe('relation F1', () => {
  it('matches a relation when both ends match exactly and the type is equal: a worked example', () => {
    // alice: metric→org holder, metric→date time, metric→measure result_of, measure→org holder (4)
    // bob:   metric→org holder (same), metric→date time (same), measure→org holder with the organization one
    //        character shorter (3–11, so no match), metric→measure time (other type, no match) (4)
    const alice = [rel(metric, 'holder', org), rel(metric, 'time', date), rel(metric, 'result_of', measure), rel(measure, 'holder', org)]
    const bob = [rel(metric, 'holder', org), rel(metric, 'time', date), rel(measure, 'holder', { ...org, end: 11 }), rel(metric, 'time', measure)]
    const result = relationF1(alice, bob, ['holder', 'time', 'result_of'])
    // holder: alice 2, bob 2, 1 match → P = 1/2, R = 1/2, F1 = 0.5
    expect(result.types.holder).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 })
    // time: alice 1, bob 2, 1 match → P = 1/2, R = 1/1, F1 = 2·0.5·1 / 1.5 = 2/3
    expect(result.types.time.precision).toBe(0.5)
    expect(result.types.time.recall).toBe(1)
    expect(result.types.time.f1).toBeCloseTo(2 / 3, 12)
    // result_of: alice 1, bob 0 → P undefined (NaN), R = 0/1 = 0, F1 = 0
    expect(result.types.result_of).toEqual({ precision: NaN, recall: 0, f1: 0 })
    // pooled: alice 4, bob 4, 2 matches → P = R = F1 = 1/2
    expect(result.micro).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 })
    expect(Object.keys(result.types)).toEqual(['holder', 'time', 'result_of'])
  })

  it('does not match the same ends in another document, and is undefined with nothing to compare', () => {
    const result = relationF1([rel(metric, 'holder', org, 'd1')], [rel(metric, 'holder', org, 'd2')])
    // 1 and 1 relation, none shared → P = R = 0, F1 = 0
    expect(result.micro).toEqual({ precision: 0, recall: 0, f1: 0 })
    expect(relationF1([], [], ['holder']).types.holder).toEqual({ precision: NaN, recall: NaN, f1: NaN })
  })

  it('is symmetric in F1 and swaps precision and recall', () => {
    const a = [rel(metric, 'holder', org), rel(metric, 'time', date)]
    const b = [rel(metric, 'holder', org)]
    // a 2, b 1, 1 match: P(b vs a) = 1, R = 1/2; swapped P = 1/2, R = 1; F1 = 2/3 both ways
    expect(relationF1(a, b).micro.precision).toBe(1)
    expect(relationF1(b, a).micro.recall).toBe(1)
    expect(relationF1(a, b).micro.f1).toBeCloseTo(2 / 3, 12)
    expect(relationF1(b, a).micro.f1).toBeCloseTo(2 / 3, 12)
  })
})

describe('relation F1 of a project', () => {
  // 𠮷野家 0–3 organization · 2月25日 3–8 date · 复工率91.9% 8–16 metric, the same spans in both layers.
  // alice links the metric to its holder and its date; bob links it to both as holder.
  const spans = ['alice', 'bob'].flatMap((annotator) => [
    { start: 0, end: 3, label: 'organization', annotator },
    { start: 3, end: 8, label: 'date', annotator },
    { start: 8, end: 16, label: 'metric', annotator },
  ])
  const relations = [
    { from: 2, to: 0, type: 'holder' },
    { from: 2, to: 1, type: 'time' },
    { from: 5, to: 3, type: 'holder' },
    { from: 5, to: 4, type: 'holder' },
  ]
  const line = JSON.stringify({ id: 'd1', text: '𠮷野家2月25日复工率91.9%', spans, relations }) + '\n'

  it('adds relation F1 per pair and type to review.agreement', () => {
    const { service, workspace } = newProject('alice')
    expect(importFiles(workspace.database(), [{ name: 'layers.jsonl', bytes: utf8(line) }], { annotator: 'alice' }).errors).toEqual([])
    // Agreement counts documents both have finished.
    service['documents.setDone']({ id: 'd1', done: true })
    workspace.settings.setAnnotator('bob')
    service['documents.setDone']({ id: 'd1', done: true })
    const report = service['review.agreement']({})
    expect(report.relationTypes).toEqual(['holder', 'time', 'result_of'])
    expect(report.relations).toEqual({ alice: { holder: 1, time: 1, result_of: 0 }, bob: { holder: 2, time: 0, result_of: 0 } })
    const [pair] = report.pairs
    // holder: alice 1, bob 2, 1 match → P = 1/2, R = 1, F1 = 2/3
    expect(pair.relations.types.holder.precision).toBe(0.5)
    expect(pair.relations.types.holder.recall).toBe(1)
    expect(pair.relations.types.holder.f1).toBeCloseTo(2 / 3, 12)
    // time: alice 1, bob 0 → P undefined, R = 0, F1 = 0; result_of: nobody → all undefined
    expect(pair.relations.types.time).toEqual({ precision: null, recall: 0, f1: 0 })
    expect(pair.relations.types.result_of).toEqual({ precision: null, recall: null, f1: null })
    // overall: 2 and 2 relations, 1 match → 1/2 each
    expect(pair.relations.overall).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 })
  })

  it('counts relations only on documents every compared annotator finished, as the span measures do', () => {
    const { service, workspace } = newProject('alice')
    expect(importFiles(workspace.database(), [{ name: 'layers.jsonl', bytes: utf8(line) }], { annotator: 'alice' }).errors).toEqual([])
    // Only alice finished d1: it is left out, and with it every relation.
    service['documents.setDone']({ id: 'd1', done: true })
    const report = service['review.agreement']({})
    expect(report.leftOut.map((d) => d.documentId)).toEqual(['d1'])
    expect(report.relations).toEqual({ alice: { holder: 0, time: 0, result_of: 0 }, bob: { holder: 0, time: 0, result_of: 0 } })
    expect(report.pairs[0].relations.overall).toEqual({ precision: null, recall: null, f1: null })
    expect(service['review.agreement']({ allDocuments: true }).pairs[0].relations.overall.f1).toBe(0.5)
  })

  it('prints relation counts and relation F1 in factspan agreement', () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'layers.jsonl'), line)
    expect(runCli(cwd, ['import', 'layers.jsonl', '--db', 'r.factspan']).stdout).toBe('layers.jsonl: 1 documents, 6 spans, 4 relations imported\n')
    const { stdout, code } = runCli(cwd, ['agreement', '--db', 'r.factspan', '--all-documents'])
    expect(code).toBe(0)
    expect(stdout).toContain(['relations  holder  time  result_of  total', 'alice           1     1          0      2', 'bob             2     0          0      2'].join('\n'))
    expect(stdout).toContain(['relation F1  holder   time  result_of  overall', 'alice × bob   0.667  0.000          —    0.500'].join('\n'))
  })
})
