// Generated documents for the format property tests: texts from given pieces, spans that overlap freely (a layer
// holds a range and label once, as the project does), and with relation types given, links within a layer.
import fc from 'fast-check'
import type { NativeRecord } from '../../src-main/shared/formats/native'

export interface Generated {
  /** The most pieces a text has. */
  maxPieces: number
  maxDocuments: number
  /** The types links take; none, no relations. */
  relationTypes?: string[]
}

export function generatedRecords(pieces: readonly string[], { maxPieces, maxDocuments, relationTypes = [] }: Generated): fc.Arbitrary<NativeRecord[]> {
  const document = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: maxPieces }).chain((parts) => {
    const text = parts.join('')
    const length = [...text].length
    const span = fc
      .tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: length }), fc.constantFrom('metric', 'date', 'organization'), fc.constantFrom('alice', 'bob'))
      .map(([start, size, label, annotator]) => ({ start, end: Math.min(length, start + size), label, annotator }))
    const link = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...(relationTypes.length > 0 ? relationTypes : ['-'])))
    return fc.record({ text: fc.constant(text), spans: fc.array(span, { maxLength: 6 }), links: fc.array(link, { maxLength: relationTypes.length > 0 ? 8 : 0 }) })
  })
  return fc.array(document, { minLength: 1, maxLength: maxDocuments }).map((docs) =>
    docs.map(({ text, spans, links }, i): NativeRecord => {
      const chars = [...text]
      const unique = [...new Map(spans.map((s) => [`${s.start} ${s.end} ${s.label} ${s.annotator}`, s])).values()]
      const record: NativeRecord = { id: `doc-${i}`, title: `doc-${i}`, text, meta: {}, spans: unique.map((s) => ({ ...s, text: chars.slice(s.start, s.end).join('') })) }
      if (relationTypes.length === 0) return record
      // Two different spans of one layer, each link once.
      const relations = unique.length < 2 ? [] : links.map(([a, b, type]) => ({ from: a % unique.length, to: b % unique.length, type })).filter((r) => r.from !== r.to && unique[r.from].annotator === unique[r.to].annotator)
      return { ...record, relations: [...new Map(relations.map((r) => [`${r.from} ${r.to} ${r.type}`, r])).values()] }
    }),
  )
}
