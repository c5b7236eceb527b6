import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { NativeRecord } from '../../src-main/shared/formats/native'
import { generatedRecords } from './format-generators'
import { read, write } from './format-helpers'

// Texts with characters outside the BMP (UTF-16 formats count them twice), CRLF, and line breaks brat cuts spans at.
const PIECES = ['杭', '州', '复', '工', '2', '%', 'a', '𠮷', '😀', '👍🏽', '\r\n', '\n', ' ', '，', '"']

/** Records whose spans overlap freely, with relations between two different spans of one layer. */
const documents = generatedRecords(PIECES, { maxPieces: 30, maxDocuments: 3, relationTypes: ['holder', 'time', 'result_of'] })

type Key = (span: NativeRecord['spans'][number]) => string
const withLayer: Key = (s) => `${s.annotator}:${s.start}-${s.end}:${s.label}`
const withoutLayer: Key = (s) => `${s.start}-${s.end}:${s.label}`

/** Each document's relations as "from → type → to" by the spans' ends, once each, sorted: what a format must keep. */
function links(records: readonly NativeRecord[], key: Key): string[][] {
  return records.map((r) => [...new Set((r.relations ?? []).map((rel) => `${key(r.spans[rel.from])} ${rel.type} ${key(r.spans[rel.to])}`))].sort())
}

describe('relations read back as written, for generated texts, overlapping spans and links', () => {
  it.each(['native', 'labelstudio'] as const)('%s keeps every relation in its layer', (format) => {
    fc.assert(
      fc.property(documents, (records) => {
        const written = write(format, records)
        expect(written.warnings).toEqual([])
        expect(links(read(format, written).records, withLayer)).toEqual(links(records, withLayer))
      }),
    )
  })

  it.each(['doccano', 'prodigy'] as const)('%s keeps every relation between distinct spans (it has no layers)', (format) => {
    fc.assert(
      fc.property(documents, (records) => {
        const again = read(format, write(format, records))
        expect(again.warnings).toEqual([])
        expect(links(again.records, withoutLayer)).toEqual(links(records, withoutLayer))
      }),
    )
  })

  it('brat reads back its own export exactly, R and E lines giving each relation once', () => {
    fc.assert(
      fc.property(documents, (records) => {
        // The first export may cut spans at line breaks and CRLF; from then on the relations must hold.
        const first = read('brat', write('brat', records)).records
        const again = read('brat', write('brat', first))
        expect(again.warnings).toEqual([])
        expect(links(again.records, withoutLayer)).toEqual(links(first, withoutLayer))
      }),
    )
  })

  it('brat keeps every relation when no span starts or ends at a line break', () => {
    const plain = documents.filter((records) => records.every((r) => !r.text.includes('\r') && r.spans.every((s) => s.text.trim() === s.text && !s.text.includes('\n'))))
    fc.assert(
      fc.property(plain, (records) => {
        expect(links(read('brat', write('brat', records)).records, withoutLayer)).toEqual(links(records, withoutLayer))
      }),
    )
  })
})
