// The review benchmark's document: one generated text and three annotators' layers of it, each as many spans as the
// generated set. Every annotator keeps most spans, and differs from the others on some: a label, a boundary one
// character off, or a span placed elsewhere, so the compare view has agreements and every kind of disagreement.
import type { DocumentSize } from './generateDocument'
import { generateDocument } from './generateDocument'
import { pick, seededRandom } from './prng'
import { LABELS, type BenchDocumentData, type BenchSpan } from './protocol'

export const REVIEW_ANNOTATORS = ['alice', 'bob', 'carol'] as const
/** How often one annotator's span differs from the generated one. */
const OTHER_LABEL = 0.05
const OTHER_BOUNDARY = 0.05
const ELSEWHERE = 0.04

export function layeredDocument(sentences: readonly string[], size: DocumentSize, seed: number): { doc: BenchDocumentData; layer(annotator: string): BenchDocumentData } {
  const base = generateDocument(sentences, size, seed)
  const characters = [...base.text]
  // The text's end stands with the line breaks: no span may run past either.
  const lineBreaks = new Set<number>([characters.length])
  characters.forEach((c, i) => c === '\n' && lineBreaks.add(i))
  const spans: BenchSpan[] = []
  REVIEW_ANNOTATORS.forEach((annotator, k) => {
    const random = seededRandom(seed * 31 + k)
    const seen = new Set<string>()
    for (const span of base.spans) {
      const r = random()
      let { start, end, label } = span
      if (r < OTHER_LABEL) label = pick(random, LABELS.filter((l) => l !== label))
      else if (r < OTHER_LABEL + OTHER_BOUNDARY && !lineBreaks.has(end)) end += 1
      else if (r < OTHER_LABEL + OTHER_BOUNDARY + ELSEWHERE) {
        const shift = 1 + Math.floor(random() * 40)
        const crosses = [...Array(end - start + shift).keys()].some((i) => lineBreaks.has(start + i))
        if (!crosses) {
          start += shift
          end += shift
        }
      }
      // A change that meets another span of the layer exactly is not made; a span met twice is left out.
      if (seen.has(`${start}:${end}:${label}`)) ({ start, end, label } = span)
      const key = `${start}:${end}:${label}`
      if (seen.has(key)) continue
      seen.add(key)
      spans.push({ id: `${annotator}-${span.id}`, start, end, label, annotator })
    }
  })
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  const doc = { ...base, id: `${base.id}-layers`, title: `Review ${base.title}`, spans }
  return { doc, layer: (annotator) => ({ ...doc, spans: spans.filter((s) => s.annotator === annotator) }) }
}
