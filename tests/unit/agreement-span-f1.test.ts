import { describe, expect, it } from 'vitest'
import { spanF1, type F1Score, type Span } from '../../src-main/shared/agreement'

function expectScores(actual: F1Score, expected: F1Score) {
  for (const key of ['precision', 'recall', 'f1'] as const) {
    if (Number.isNaN(expected[key])) expect(actual[key], key).toBeNaN()
    else expect(actual[key], key).toBeCloseTo(expected[key], 12)
  }
}

describe('span F1', () => {
  // seqeval's README (chakki-works/seqeval): y_true O O O B-MISC I-MISC I-MISC O B-PER I-PER against y_pred
  // O O B-MISC I-MISC I-MISC I-MISC O B-PER I-PER gives MISC 0.00, PER 1.00, micro 0.50.
  const truth: Span[] = [
    { start: 3, end: 6, label: 'MISC' },
    { start: 7, end: 9, label: 'PER' },
  ]
  const predicted: Span[] = [
    { start: 2, end: 6, label: 'MISC' },
    { start: 7, end: 9, label: 'PER' },
  ]

  it("matches seqeval's README example with exact matching", () => {
    const result = spanF1(truth, predicted, 'exact')
    expectScores(result.labels.MISC, { precision: 0, recall: 0, f1: 0 })
    expectScores(result.labels.PER, { precision: 1, recall: 1, f1: 1 })
    expectScores(result.micro, { precision: 0.5, recall: 0.5, f1: 0.5 })
  })

  it('credits the MISC span that starts one token early when overlap is enough', () => {
    const result = spanF1(truth, predicted, 'overlap')
    expect(result.labels.MISC.f1).toBe(1)
    expect(result.micro.f1).toBe(1)
  })

  it('counts precision on the second annotator and recall on the first, per label', () => {
    const a: Span[] = [
      { start: 0, end: 3, label: 'organization' },
      { start: 3, end: 8, label: 'date' },
      { start: 10, end: 15, label: 'metric' },
    ]
    const b: Span[] = [
      { start: 0, end: 3, label: 'organization' },
      { start: 3, end: 8, label: 'metric' },
      { start: 12, end: 20, label: 'metric' },
      { start: 30, end: 31, label: 'metric' },
    ]
    const exact = spanF1(a, b, 'exact')
    expectScores(exact.micro, { precision: 1 / 4, recall: 1 / 3, f1: 2 / 7 })
    expectScores(exact.labels.date, { precision: NaN, recall: 0, f1: 0 })
    const overlap = spanF1(a, b, 'overlap')
    // b's 12–20 overlaps a's 10–15; 3–8 overlaps a span, but of another label.
    expectScores(overlap.labels.metric, { precision: 1 / 3, recall: 1, f1: 0.5 })
    expectScores(spanF1(b, a, 'overlap').labels.metric, { precision: 1, recall: 1 / 3, f1: 0.5 })
  })

  it('finds an overlap with a long span that starts well before shorter ones', () => {
    const a: Span[] = [
      { start: 0, end: 100, label: 'x' },
      { start: 10, end: 12, label: 'x' },
    ]
    expect(spanF1(a, [{ start: 50, end: 60, label: 'x' }], 'overlap').micro.precision).toBe(1)
    expect(spanF1(a, [{ start: 100, end: 110, label: 'x' }], 'overlap').micro.precision).toBe(0)
  })

  it('is NaN with no spans at all, and 0 when only one side has spans', () => {
    expectScores(spanF1([], [], 'exact').micro, { precision: NaN, recall: NaN, f1: NaN })
    expectScores(spanF1(truth, [], 'overlap').micro, { precision: NaN, recall: 0, f1: 0 })
    expectScores(spanF1([], truth, 'exact').micro, { precision: 0, recall: NaN, f1: 0 })
  })
})
