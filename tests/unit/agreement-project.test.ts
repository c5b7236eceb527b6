import { describe, expect, it } from 'vitest'
import { cohenKappa, fleissKappa, spanF1, unitizedAlpha, type Span } from '../../src-main/shared/agreement'
import type { Score } from '../../src-main/shared/agreementReport'
import { projectAgreement } from '../../src-main/service/agreement'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

// Three documents laid end to end: 16 + 16 + 7 code points. 𠮷 is one code point but two UTF-16 units, so
// measuring in UTF-16 would shift every offset of the second document and lengthen the continuum.
const documents = [
  { id: 'yoshinoya', text: '𠮷野家2月25日复工率91.9%' },
  { id: 'binjiang', text: '杭州高新区(滨江)防疫惠企28条' },
  { id: 'untouched', text: '截至2月25日' },
]
type Layer = Record<string, Array<[number, number, string]>>
const layers: Record<string, Layer> = {
  alice: { yoshinoya: [[0, 3, 'organization'], [3, 8, 'date'], [8, 16, 'metric']], binjiang: [[0, 5, 'organization'], [9, 16, 'measure']] },
  bob: { yoshinoya: [[0, 3, 'organization'], [3, 8, 'date'], [8, 15, 'metric']], binjiang: [[0, 9, 'organization'], [9, 16, 'measure']] },
  // Carol calls the date a metric, misses the district, and nests 28 (a metric) inside the measure.
  carol: { yoshinoya: [[0, 3, 'organization'], [3, 8, 'metric']], binjiang: [[9, 16, 'measure'], [13, 15, 'metric']] },
}
const LABELS = ['metric', 'measure', 'organization', 'date']
const base = { yoshinoya: 0, binjiang: 16, untouched: 32 } as Record<string, number>
const LENGTH = 39

function projectWithLayers() {
  const project = newProject('alice')
  const lines = documents.map((doc) =>
    JSON.stringify({
      id: doc.id,
      text: doc.text,
      spans: Object.entries(layers).flatMap(([annotator, layer]) => (layer[doc.id] ?? []).map(([start, end, label]) => ({ start, end, label, annotator }))),
    }),
  )
  const report = importFiles(project.workspace.database(), [{ name: 'layers.jsonl', bytes: utf8(lines.join('\n')) }], { annotator: 'alice' })
  expect(report.errors).toEqual([])
  // Agreement counts finished documents: everyone has finished every document, and the reviewer has reviewed them.
  const ids = documents.map((doc) => doc.id)
  for (const annotator of Object.keys(layers)) project.service['documents.setStatus']({ ids, annotator, status: 'done' })
  for (const id of ids) project.service['review.setReviewed']({ id, reviewed: true })
  return project
}

/** An annotator's spans on the continuum. */
function continuumSpans(annotator: string): Span[] {
  return Object.entries(layers[annotator]).flatMap(([doc, spans]) => spans.map(([start, end, label]) => ({ start: base[doc] + start, end: base[doc] + end, label })))
}

/** Each character's label, the shortest covering span winning, as characters.ts codes them. */
function characterLabels(annotator: string): string[] {
  const labels = Array<string>(LENGTH).fill('none')
  const spans = continuumSpans(annotator).sort((a, b) => b.end - b.start - (a.end - a.start))
  for (const span of spans) for (let c = span.start; c < span.end; c++) labels[c] = span.label
  return labels
}

function expectScore(actual: Score, expected: number) {
  if (Number.isNaN(expected)) expect(actual).toBeNull()
  else expect(actual).toBeCloseTo(expected, 12)
}

describe('project agreement', () => {
  it('lays the documents end to end in code points and counts every layer', () => {
    const { workspace } = projectWithLayers()
    const report = projectAgreement(workspace.database())
    expect(report.annotators).toEqual(['alice', 'bob', 'carol'])
    expect(report.labels).toEqual(LABELS)
    expect(report.documents).toBe(3)
    expect(report.characters).toBe(LENGTH)
    expect(report.spans.carol).toEqual({ metric: 2, measure: 1, organization: 1, date: 0 })
    expect(report.pairs.map((p) => p.annotators)).toEqual([
      ['alice', 'bob'],
      ['alice', 'carol'],
      ['bob', 'carol'],
    ])
  })

  it("gives each pair the same span F1, Cohen's kappa and α_U as the measures on the pair's spans and characters", () => {
    const { workspace } = projectWithLayers()
    const report = projectAgreement(workspace.database())
    for (const pair of report.pairs) {
      const [a, b] = pair.annotators
      for (const match of ['exact', 'overlap'] as const) {
        const f1 = spanF1(continuumSpans(a), continuumSpans(b), match)
        const scores = match === 'exact' ? pair.overall.exactF1 : pair.overall.overlapF1
        expectScore(scores.precision, f1.micro.precision)
        expectScore(scores.recall, f1.micro.recall)
        expectScore(scores.f1, f1.micro.f1)
        for (const label of LABELS) expectScore((match === 'exact' ? pair.labels[label].exactF1 : pair.labels[label].overlapF1).f1, f1.labels[label]?.f1 ?? NaN)
      }
      expectScore(pair.overall.cohenKappa, cohenKappa(characterLabels(a), characterLabels(b)))
      for (const label of LABELS) {
        const is = (labels: string[]) => labels.map((l) => String(l === label))
        expectScore(pair.labels[label].cohenKappa, cohenKappa(is(characterLabels(a)), is(characterLabels(b))))
      }
      const alpha = unitizedAlpha({
        begin: 0,
        length: LENGTH,
        coders: 2,
        units: [a, b].flatMap((annotator, coder) => continuumSpans(annotator).map((s) => ({ ...s, coder, category: s.label }))),
      })
      expectScore(pair.overall.unitizedAlpha, alpha.alpha)
      for (const label of LABELS) expectScore(pair.labels[label].unitizedAlpha, alpha.categories[label]?.alpha ?? NaN)
    }
  })

  it("gives the group Fleiss' kappa and α_U over all three, and the mean of the pairs' F1", () => {
    const { workspace } = projectWithLayers()
    const report = projectAgreement(workspace.database())
    const annotators = ['alice', 'bob', 'carol']
    const characters = annotators.map(characterLabels)
    const counts = (categories: string[]) => characters[0].map((_, c) => categories.map((k) => characters.filter((labels) => labels[c] === k).length))
    expectScore(report.group.overall.fleissKappa, fleissKappa(counts(['none', ...LABELS])))
    const alpha = unitizedAlpha({
      begin: 0,
      length: LENGTH,
      coders: 3,
      units: annotators.flatMap((annotator, coder) => continuumSpans(annotator).map((s) => ({ ...s, coder, category: s.label }))),
    })
    expectScore(report.group.overall.unitizedAlpha, alpha.alpha)
    expectScore(report.group.labels.metric.unitizedAlpha, alpha.categories.metric.alpha)
    expectScore(report.group.overall.exactF1, report.pairs.reduce((sum, p) => sum + p.overall.exactF1.f1!, 0) / 3)
    // Everyone has the measure 防疫惠企28条 exactly.
    expect(report.group.labels.measure.exactF1).toBe(1)
    expect(report.group.labels.measure.unitizedAlpha).toBe(1)
  })

  it('compares only the annotators asked for, leaves the gold layer out unless included, and refuses unknown names', () => {
    const { service, workspace } = projectWithLayers()
    service['review.editGold']({ documentId: 'yoshinoya', add: [{ start: 0, end: 3, label: 'organization' }], remove: [] })
    const db = workspace.database()
    expect(projectAgreement(db).annotators).toEqual(['alice', 'bob', 'carol'])
    expect(projectAgreement(db, { includeGold: true }).annotators).toEqual(['alice', 'bob', 'carol', 'gold'])
    const withGold = service['review.agreement']({ annotators: ['gold', 'alice'] })
    expect(withGold.pairs).toHaveLength(1)
    expect(withGold.pairs[0].annotators).toEqual(['gold', 'alice'])
    // Gold has only 𠮷野家, which alice has too: every gold span is found, a third of alice's spans are gold.
    expect(withGold.pairs[0].overall.exactF1).toMatchObject({ precision: 0.2, recall: 1 })
    expect(() => projectAgreement(db, { annotators: ['alice', 'dora'] })).toThrow(/no spans by "dora" in this project; its annotators are "alice", "bob", "carol", "gold"/)
  })

  it('reports undefined measures as null, with fewer than two annotators or none at all', () => {
    const { workspace } = projectWithLayers()
    const single = projectAgreement(workspace.database(), { annotators: ['alice', 'alice'] })
    expect(single.annotators).toEqual(['alice'])
    expect(single.pairs).toEqual([])
    expect(single.group.overall).toEqual({ exactF1: null, overlapF1: null, fleissKappa: null, unitizedAlpha: null })

    const empty = newProject()
    const none = projectAgreement(empty.workspace.database())
    expect(none).toMatchObject({ annotators: [], documents: 0, characters: 0, pairs: [] })
    expect(none.group.labels.date).toEqual({ exactF1: null, overlapF1: null, fleissKappa: null, unitizedAlpha: null })
  })

  it('gives null for a label neither of a pair used, 0 where only one did, and survives JSON', () => {
    const { service } = projectWithLayers()
    service['review.editGold']({ documentId: 'yoshinoya', add: [{ start: 0, end: 3, label: 'organization' }], remove: [] })
    const pair = service['review.agreement']({ annotators: ['carol', 'gold'] }).pairs[0]
    expect(pair.labels.date).toEqual({
      exactF1: { precision: null, recall: null, f1: null },
      overlapF1: { precision: null, recall: null, f1: null },
      cohenKappa: null,
      unitizedAlpha: null,
    })
    expect(pair.labels.measure.exactF1).toEqual({ precision: null, recall: 0, f1: 0 })
    expect(pair.labels.organization.exactF1.f1).toBe(1)
    expect(JSON.parse(JSON.stringify(pair))).toEqual(pair)
  })
})
