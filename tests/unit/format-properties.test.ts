import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, type ExportFormat } from '../../src-main/shared/api'
import { bratText } from '../../src-main/shared/formats/brat'
import { withoutOverlaps } from '../../src-main/shared/formats/conll'
import { distinctSpans } from '../../src-main/shared/formats/distinctSpans'
import type { NativeRecord } from '../../src-main/shared/formats/native'
import { generatedRecords } from './format-generators'
import { read, spansOf, write } from './format-helpers'

// Texts mix Chinese, ASCII, characters outside the BMP, CRLF and lone CR, spaces, tabs, the ideographic space and the
// characters JSON and the column files escape.
const PIECES = ['杭', '州', '复', '工', '2', '月', '%', 'a', 'Z', '𠮷', '😀', '👍🏽', '\r\n', '\r', '\n', ' ', '\t', '\u3000', '，', '\\', '"', '\u2028', '\\s']

const documents = generatedRecords(PIECES, { maxPieces: 40, maxDocuments: 4 })

const distinct = (records: NativeRecord[]) => spansOf(records.map((r) => ({ ...r, spans: distinctSpans(r.spans) })))

describe('every format reads back what it writes, for generated texts and spans', () => {
  it.each(['native', 'labelstudio'] as const)('%s keeps every span with its annotator', (format) => {
    fc.assert(
      fc.property(documents, (records) => {
        const again = read(format, write(format, records)).records
        const withAnnotators = (rs: NativeRecord[]) => rs.map((r) => r.spans.map((s) => [s.start, s.end, s.label, s.annotator]).sort())
        expect(spansOf(again)).toEqual(spansOf(records))
        expect(withAnnotators(again)).toEqual(withAnnotators(records))
      }),
    )
  })

  it.each(['doccano', 'spacy', 'prodigy', 'clue'] as const)('%s keeps every distinct span (it has no annotators)', (format) => {
    fc.assert(
      fc.property(documents, (records) => {
        const written = write(format, records)
        expect(written.warnings).toEqual([])
        expect(spansOf(read(format, written).records)).toEqual(distinct(records))
      }),
    )
  })

  it.each(['bio', 'bioes', 'bmes'] as const)('%s keeps the text and the spans that do not overlap, and reports the rest', (format) => {
    fc.assert(
      fc.property(documents, fc.constantFrom('tab' as const, 'space' as const), (records, separator) => {
        const written = write(format, records, { separator })
        const again = read(format, written, { separator }).records
        const kept = records.map((r) => ({ ...r, spans: withoutOverlaps(distinctSpans(r.spans)).kept }))
        expect(spansOf(again)).toEqual(spansOf(kept))
        const dropped = records.reduce((n, r) => n + withoutOverlaps(distinctSpans(r.spans)).dropped.length, 0)
        expect(written.warnings.reduce((n, w) => n + w.dropped, 0)).toBe(dropped)
      }),
    )
  })

  it('brat reads back its own export exactly, with the text as brat reads it', () => {
    fc.assert(
      fc.property(documents, (records) => {
        const first = read('brat', write('brat', records)).records
        expect(first.map((r) => r.text)).toEqual(records.map((r) => bratText(r.text)))
        expect(spansOf(read('brat', write('brat', first)).records)).toEqual(spansOf(first))
      }),
    )
  })

  it('brat keeps every distinct span of a text without CR whose spans start and end beside characters, not line breaks', () => {
    const plain = documents.filter((records) =>
      records.every((r) => !r.text.includes('\r') && r.spans.every((s) => !s.text.startsWith('\n') && !s.text.endsWith('\n'))),
    )
    fc.assert(
      fc.property(plain, (records) => {
        expect(spansOf(read('brat', write('brat', records)).records)).toEqual(distinct(records))
      }),
    )
  })

  it('every export format has a property here', () => {
    // facts is written only (it holds sentences, not documents): tests/unit/export-facts.test.ts.
    const covered: ExportFormat[] = ['native', 'labelstudio', 'doccano', 'spacy', 'prodigy', 'clue', 'bio', 'bioes', 'bmes', 'brat', 'facts']
    expect([...covered].sort()).toEqual([...EXPORT_FORMATS].sort())
  })
})
