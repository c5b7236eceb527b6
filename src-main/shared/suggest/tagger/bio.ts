// Spans as BIO tags over characters and back: tag 0 is O, then B-label and I-label for each label in order
// (label i: B = 1 + 2i, I = 2 + 2i). BIO holds no overlap, so of overlapping spans the longest is kept.
import { longestFirst } from '../suggestion'

export interface LabelledRange {
  start: number
  end: number
  label: string
}

export function tagCount(labels: readonly string[]): number {
  return 1 + 2 * labels.length
}

export function tagNames(labels: readonly string[]): string[] {
  return ['O', ...labels.flatMap((label) => [`B-${label}`, `I-${label}`])]
}

/** The tags of a text of `length` characters; spans of other labels are left out. Returns how many spans were dropped. */
export function tagsOf(spans: readonly LabelledRange[], length: number, labelIndex: Map<string, number>): { tags: Uint8Array; dropped: number } {
  const known = spans.filter((s) => labelIndex.has(s.label) && s.start >= 0 && s.end <= length && s.start < s.end)
  const kept = longestFirst(known, length)
  const tags = new Uint8Array(length)
  for (const { start, end, label } of kept) {
    const i = labelIndex.get(label)!
    tags[start] = 1 + 2 * i
    for (let p = start + 1; p < end; p++) tags[p] = 2 + 2 * i
  }
  return { tags, dropped: spans.length - kept.length }
}

/** The spans of a tag sequence; an I without its B starts a span, as conlleval reads it. */
export function spansOf(tags: ArrayLike<number>, labels: readonly string[]): LabelledRange[] {
  const spans: LabelledRange[] = []
  let open: LabelledRange | undefined
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 0
    const label = tag === 0 ? -1 : (tag - 1) >> 1
    const begins = tag !== 0 && (tag % 2 === 1 || !open || open.label !== labels[label])
    if (open && (tag === 0 || begins)) {
      open.end = i
      spans.push(open)
      open = undefined
    }
    if (begins) open = { start: i, end: i + 1, label: labels[label] }
  }
  return spans
}
