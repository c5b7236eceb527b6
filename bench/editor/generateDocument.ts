// Deterministic benchmark documents: corpus sentences drawn by a seeded generator up to a UTF-8 size, a few
// characters outside the BMP mixed in, and spans of 2–12 characters inside paragraphs, some overlapping others.
import { lowerBound } from '../../src-main/shared/lowerBound'
import { pick, randomInt, seededRandom, type Random } from './prng'
import { LABELS, type BenchDocumentData, type BenchSpan } from './protocol'

export interface DocumentSize {
  /** UTF-8 bytes of the text, reached within one sentence. */
  bytes: number
  spans: number
}

const OUTSIDE_BMP = ['𠮷', '😀']
/** One sentence in this many gets 𠮷 or 😀, so offsets in code points and UTF-16 differ all along the text. */
const OUTSIDE_BMP_EVERY = 25
/** This share of the spans starts inside an earlier span and runs past its end. */
const OVERLAPPING_SHARE = 0.1
const MIN_SPAN = 2
const MAX_SPAN = 12

export function caseName(size: DocumentSize): string {
  const bytes = size.bytes >= 1_000_000 ? `${size.bytes / 1_000_000} MB` : `${size.bytes / 1000} KB`
  return `${bytes} / ${size.spans.toLocaleString('en-US')} spans`
}

export function generateDocument(sentences: readonly string[], size: DocumentSize, seed: number): BenchDocumentData {
  const random = seededRandom(seed)
  const text = generateText(random, sentences, size.bytes)
  const spans = generateSpans(random, text, size.spans)
  const bytes = size.bytes >= 1_000_000 ? `${size.bytes / 1_000_000}mb` : `${size.bytes / 1000}kb`
  return { id: `bench-${bytes}-${size.spans}`, title: `Benchmark ${caseName(size)}`, text, spans }
}

function generateText(random: Random, sentences: readonly string[], bytes: number): string {
  const paragraphs: string[] = []
  let paragraph = ''
  let paragraphLeft = randomInt(random, 1, 6)
  let size = 0
  for (;;) {
    let sentence = pick(random, sentences)
    if (random() < 1 / OUTSIDE_BMP_EVERY) {
      const characters = [...sentence]
      characters.splice(randomInt(random, 0, characters.length), 0, pick(random, OUTSIDE_BMP))
      sentence = characters.join('')
    }
    // A new paragraph costs its line break.
    const cost = Buffer.byteLength(sentence) + (paragraph === '' && paragraphs.length > 0 ? 1 : 0)
    if (size + cost > bytes) break
    size += cost
    paragraph += sentence
    if (--paragraphLeft === 0) {
      paragraphs.push(paragraph)
      paragraph = ''
      paragraphLeft = randomInt(random, 1, 6)
    }
  }
  if (paragraph !== '') paragraphs.push(paragraph)
  return paragraphs.join('\n')
}

/** Spans in text order, unique by start, end and label, never crossing a line break. */
function generateSpans(random: Random, text: string, count: number): BenchSpan[] {
  const characters = [...text]
  const lineEnds: number[] = []
  characters.forEach((c, i) => c === '\n' && lineEnds.push(i))
  lineEnds.push(characters.length)
  /** Code-point offset where the line holding `offset` ends. */
  const lineEndAfter = (offset: number) => lineEnds[lowerBound(lineEnds.length - 1, (i) => lineEnds[i] < offset)]
  const spans: Array<Omit<BenchSpan, 'id'>> = []
  const seen = new Set<string>()
  let attempts = 0
  while (spans.length < count) {
    if (++attempts > count * 50) throw new Error(`cannot place ${count} distinct spans in a text of ${characters.length} characters`)
    const overlapping = spans.length > 0 && random() < OVERLAPPING_SHARE
    const start = overlapping ? startInside(random, pick(random, spans)) : randomInt(random, 0, characters.length - 1)
    if (characters[start] === '\n') continue
    const end = Math.min(start + randomInt(random, MIN_SPAN, MAX_SPAN), lineEndAfter(start))
    if (end - start < MIN_SPAN) continue
    const label = pick(random, LABELS)
    const key = `${start}:${end}:${label}`
    if (seen.has(key)) continue
    seen.add(key)
    spans.push({ start, end, label })
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
  return spans.map((span, i) => ({ id: `s${i}`, ...span }))
}

function startInside(random: Random, span: Omit<BenchSpan, 'id'>): number {
  return randomInt(random, span.start + 1, span.end - 1)
}
