// The article as lines, in UTF-16 units of its text; pure, so caret moves and hit tests share it without a DOM.
import { lowerBound } from '../../src-main/shared/lowerBound'
import type { OffsetMap } from '../../src-main/shared/offsets'

/** Line i of the text starts at UTF-16 offset starts[i] and is rendered as the i-th line element. */
export interface TextLines {
  map: OffsetMap
  starts: number[]
  texts: string[]
}

export function splitLines(map: OffsetMap): TextLines {
  const texts = map.text.split('\n')
  const starts: number[] = []
  let start = 0
  for (const text of texts) {
    starts.push(start)
    start += text.length + 1
  }
  return { map, starts, texts }
}

/** The line holding a UTF-16 offset; the end of a line (where its newline sits) belongs to that line. */
export function lineIndexAt(lines: TextLines, utf16: number): number {
  return Math.max(0, lowerBound(lines.starts.length, (i) => lines.starts[i] <= utf16) - 1)
}

export function lineEnd(lines: TextLines, index: number): number {
  return lines.starts[index] + lines.texts[index].length
}

const WHITESPACE = /\s/u

/** Drops whitespace and line breaks from both ends of a selection, in code points; null when nothing is left. */
export function trimSelection(map: OffsetMap, start: number, end: number): { start: number; end: number } | null {
  const charAt = (cp: number) => map.text[map.toUtf16(cp)]
  while (start < end && WHITESPACE.test(charAt(start))) start++
  while (end > start && WHITESPACE.test(charAt(end - 1))) end--
  return start < end ? { start, end } : null
}
