// The benchmark's dataset: documents of 6–12 corpus sentences with 10 spans each, the same for a given seed, built
// one at a time so neither the generator nor the raw baseline holds the whole set unless it chooses to.
import fs from 'node:fs'
import path from 'node:path'
import { seededRandom } from '../../src-main/shared/random'
import type { NativeRecord } from '../../src-main/shared/formats/native'

const CORPUS = path.join(import.meta.dirname, '..', '..', 'resources', 'corpus')
export const SPANS_PER_DOCUMENT = 10
// Skewed like real reports: figures everywhere, measures rare.
const LABELS = [...Array(50).fill('metric'), ...Array(25).fill('date'), ...Array(15).fill('organization'), ...Array(10).fill('measure')] as string[]

function corpusSentences(): string[] {
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) => fs.readFileSync(path.join(CORPUS, file), 'utf8').split(/(?<=[。！？])|\n/u))
    .map((s) => s.trim())
    .filter((s) => [...s].length >= 8)
}

/** `count` documents in id order; every 50th starts with 😀 and every 70th holds 𠮷, so offsets cross the BMP. */
export function* benchRecords(count: number, seed = 20260301): Generator<NativeRecord> {
  const sentences = corpusSentences()
  const random = seededRandom(seed)
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  for (let i = 0; i < count; i++) {
    const parts = Array.from({ length: int(6, 12) }, () => sentences[int(0, sentences.length - 1)])
    if (i % 50 === 0) parts.unshift('😀')
    if (i % 70 === 0) parts.push('𠮷野家2月25日')
    const characters = [...parts.join('')]
    const taken = new Set<string>()
    const spans = []
    while (spans.length < SPANS_PER_DOCUMENT) {
      const start = int(0, characters.length - 9)
      const end = start + int(2, 8)
      const label = LABELS[int(0, LABELS.length - 1)]
      const key = `${start}:${end}:${label}`
      if (taken.has(key)) continue
      taken.add(key)
      spans.push({ start, end, label, text: characters.slice(start, end).join(''), annotator: 'bench' })
    }
    spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    const id = `doc-${String(i).padStart(6, '0')}`
    yield { id, title: id, text: characters.join(''), meta: {}, spans }
  }
}
