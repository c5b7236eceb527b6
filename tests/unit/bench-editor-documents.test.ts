import { describe, expect, it } from 'vitest'
import { caseName, generateDocument } from '../../bench/editor/generateDocument'
import { corpusSentences } from '../../bench/editor/sentences'
import { LABELS } from '../../bench/editor/protocol'

const sentences = corpusSentences()
const size = { bytes: 100_000, spans: 2_000 }

describe("the editor benchmark's generated documents", () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateDocument(sentences, size, 7)).toEqual(generateDocument(sentences, size, 7))
    expect(generateDocument(sentences, size, 8).text).not.toBe(generateDocument(sentences, size, 7).text)
  })

  it('reach the UTF-8 size within one sentence and mix in characters outside the BMP', () => {
    const { text } = generateDocument(sentences, size, 7)
    // The sentence that no longer fitted, with its line break and an inserted 𠮷.
    const longest = Math.max(...sentences.map((s) => Buffer.byteLength(s))) + Buffer.byteLength('\n𠮷')
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(size.bytes)
    expect(Buffer.byteLength(text)).toBeGreaterThan(size.bytes - longest)
    expect(text).toMatch(/𠮷|😀/u)
  })

  it('place distinct spans of 2–12 code points inside one line, some overlapping an earlier one', () => {
    const doc = generateDocument(sentences, size, 7)
    const characters = [...doc.text]
    expect(doc.spans).toHaveLength(size.spans)
    expect(new Set(doc.spans.map((s) => `${s.start}:${s.end}:${s.label}`)).size).toBe(size.spans)
    for (const span of doc.spans) {
      expect(span.end - span.start).toBeGreaterThanOrEqual(2)
      expect(span.end - span.start).toBeLessThanOrEqual(12)
      expect(characters.slice(span.start, span.end)).not.toContain('\n')
      expect(LABELS).toContain(span.label)
    }
    expect(doc.spans.some((s, i) => i > 0 && s.start < doc.spans[i - 1].end)).toBe(true)
  })

  it('name their case by size and span count', () => {
    expect(caseName({ bytes: 1_000_000, spans: 20_000 })).toBe('1 MB / 20,000 spans')
    expect(caseName({ bytes: 10_000, spans: 100 })).toBe('10 KB / 100 spans')
  })
})
