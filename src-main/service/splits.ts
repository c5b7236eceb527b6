// Which split each document of a dataset goes to: by document, reproducible from a seed, stratified by label.
//
// The method is iterative stratification (Sechidis, Tsoumakas & Vlahavas, "On the stratification of multi-label
// data", ECML PKDD 2011), weighted by span counts: each split wants its ratio of every label's spans and of the
// documents. The label with the fewest spans still unplaced goes first; each document that has it goes to the split
// that still wants the most of that label (ties: the split that wants the most documents, then the seeded generator).
// The documents left without spans then fill the splits that still want documents. The documents are sorted by id
// and shuffled with the seed first, so the order they were added to the project in changes nothing.
import type { SplitRatio } from '../shared/splitSpec'
import { seededRandom } from '../shared/random'

/** Spans per document and label, as a matrix, so a plan of 100,000 documents takes a few megabytes. */
export interface SpanCounts {
  /** One document id per row. */
  ids: readonly string[]
  /** How many labels (columns) there are. */
  labels: number
  /** Row-major: the spans of document `row` with label `column` are at row × labels + column. */
  counts: Int32Array
}

/** The index in `splits` of each document's split, in the order of `ids`. */
export function assignSplits({ ids, labels, counts }: SpanCounts, splits: readonly SplitRatio[], seed: number): Uint8Array {
  const random = seededRandom(seed)
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0))
  shuffle(order, random)

  const unplaced = new Float64Array(labels)
  const withLabel: number[][] = Array.from({ length: labels }, () => [])
  for (const i of order) {
    for (let l = 0; l < labels; l++) {
      const n = counts[i * labels + l]
      if (n === 0) continue
      unplaced[l] += n
      withLabel[l].push(i)
    }
  }
  const wantedSpans = splits.map((s) => Float64Array.from(unplaced, (total) => total * s.ratio))
  const wantedDocuments = splits.map((s) => ids.length * s.ratio)

  const NONE = 255
  const chosen = new Uint8Array(ids.length).fill(NONE)
  const place = (i: number, s: number) => {
    chosen[i] = s
    wantedDocuments[s]--
    for (let l = 0; l < labels; l++) {
      const n = counts[i * labels + l]
      wantedSpans[s][l] -= n
      unplaced[l] -= n
    }
  }
  const mostWanting = (want: (s: number) => number, tie: (s: number) => number) => {
    let best: number[] = []
    for (let s = 0; s < splits.length; s++) {
      if (best.length === 0) best = [s]
      else {
        const [b] = best
        const order = want(s) - want(b) || tie(s) - tie(b)
        if (order > 0) best = [s]
        else if (order === 0) best.push(s)
      }
    }
    return best.length === 1 ? best[0] : best[Math.floor(random() * best.length)]
  }

  for (;;) {
    let rarest = -1
    for (let l = 0; l < labels; l++) if (unplaced[l] > 0 && (rarest === -1 || unplaced[l] < unplaced[rarest])) rarest = l
    if (rarest === -1) break
    for (const i of withLabel[rarest]) {
      if (chosen[i] === NONE) place(i, mostWanting((s) => wantedSpans[s][rarest], (s) => wantedDocuments[s]))
    }
  }
  for (const i of order) {
    if (chosen[i] === NONE) place(i, mostWanting((s) => wantedDocuments[s], () => 0))
  }
  return chosen
}

/** Fisher–Yates, in place. */
function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
}
