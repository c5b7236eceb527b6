import { describe, expect, it } from 'vitest'
import { factsOf, linkedFactsOf, sentenceAround } from '../../src-main/shared/facts'
import type { Relation, Span } from '../../src-main/shared/model'

// Code points, counted by hand: 據報。 0–3 · 杭州高新區(濱江) 3–12 · 企業復工率91.9% 12–22 · ， 22 · 截至2月25日 23–30 ·
// 。 30 · 「 31 · 𠮷 32 · 😀 33 · 新增12家 34–39 · ！ 39 · 」 40 · newline 41 · 第二行 42–45.
const TEXT = '據報。杭州高新區(濱江)企業復工率91.9%，截至2月25日。「𠮷😀新增12家！」\n第二行'

function span(id: number, start: number, end: number, label: string, text: string): Span {
  return { id, documentId: 'd', start, end, label, text, annotator: 'alice', createdAt: '2026-01-01T00:00:00Z' }
}

function relation(id: number, from: number, to: number, type: string): Relation {
  return { id, documentId: 'd', annotator: 'alice', from, to, type, createdAt: '2026-01-01T00:00:00Z' }
}

describe('sentenceAround', () => {
  it('gives the sentence a span stands in, from after one 。 to the next, in code points', () => {
    expect(sentenceAround(TEXT, 12, 22)).toEqual({ text: '杭州高新區(濱江)企業復工率91.9%，截至2月25日。', start: 3, end: 31 })
  })

  it('counts 𠮷 and 😀 as one code point each and keeps a closing quote after ！', () => {
    expect(sentenceAround(TEXT, 34, 39)).toEqual({ text: '「𠮷😀新增12家！」', start: 31, end: 41 })
    expect(sentenceAround(TEXT, 32, 33)).toEqual({ text: '「𠮷😀新增12家！」', start: 31, end: 41 })
  })

  it('ends a sentence at a newline, which it leaves out, and at the end of the text', () => {
    expect(sentenceAround(TEXT, 42, 45)).toEqual({ text: '第二行', start: 42, end: 45 })
    expect(sentenceAround('一；二;三', 2, 3)).toEqual({ text: '二;', start: 2, end: 4 })
  })

  it('gives every sentence a span touches when it crosses a sentence end', () => {
    expect(sentenceAround(TEXT, 12, 35)).toEqual({ text: '杭州高新區(濱江)企業復工率91.9%，截至2月25日。「𠮷😀新增12家！」', start: 3, end: 41 })
  })

  it('keeps a sentence end the span itself ends on', () => {
    // "Done! Next?" — the span "Done!" is 0–5 and its sentence is itself.
    expect(sentenceAround('Done! Next?', 0, 5)).toEqual({ text: 'Done!', start: 0, end: 5 })
    // " Next?" starts after the space at 5: trimmed to 6–11.
    expect(sentenceAround('Done! Next?', 6, 10)).toEqual({ text: 'Next?', start: 6, end: 11 })
  })
})

// The spans of TEXT that the fact tests link.
const org = span(1, 3, 12, 'organization', '杭州高新區(濱江)')
const metric = span(2, 12, 22, 'metric', '企業復工率91.9%')
const date = span(3, 23, 30, 'date', '截至2月25日')
const measure = span(4, 34, 39, 'measure', '新增12家')
const person = span(5, 42, 45, 'person', '第二行')

describe('factsOf', () => {
  it('makes one fact per metric or measure, its links in text order of the linked span', () => {
    const relations = [relation(10, 2, 4, 'result_of'), relation(11, 2, 3, 'time'), relation(12, 2, 1, 'holder')]
    expect(factsOf([measure, date, metric, org], relations)).toEqual([
      { head: metric, links: [{ type: 'holder', span: org }, { type: 'time', span: date }, { type: 'result_of', span: measure }] },
      { head: measure, links: [] },
    ])
  })

  it('makes a fact of any span a relation leaves from, and leaves out relations to spans it was not given', () => {
    const relations = [relation(10, 5, 1, 'member_of'), relation(11, 2, 99, 'holder')]
    expect(factsOf([org, metric, person], relations)).toEqual([
      { head: metric, links: [] },
      { head: person, links: [{ type: 'member_of', span: org }] },
    ])
  })

  it('has no facts without metric, measure or relations', () => {
    expect(factsOf([org, date], [])).toEqual([])
  })
})

describe('linkedFactsOf', () => {
  it('keeps only the facts that link somewhere, in text order, with their links as factsOf gives them', () => {
    const relations = [relation(12, 5, 1, 'member_of'), relation(11, 2, 3, 'time'), relation(10, 2, 1, 'holder')]
    expect(linkedFactsOf([org, metric, date, measure, person], relations)).toEqual([
      { head: metric, links: [{ type: 'holder', span: org }, { type: 'time', span: date }] },
      { head: person, links: [{ type: 'member_of', span: org }] },
    ])
  })

  it('has none without relations, or when a relation’s end is not among the spans', () => {
    expect(linkedFactsOf([org, metric, measure], [])).toEqual([])
    expect(linkedFactsOf([metric, measure], [relation(10, 2, 99, 'holder')])).toEqual([])
  })
})
