// Words for Ctrl+arrows and double-click: Intl.Segmenter with 'zh' finds Chinese words without spaces.
// Offsets here are UTF-16 units of the text; segment boundaries never split a surrogate pair.
import { lineEnd, lineIndexAt, type TextLines } from './textModel'

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** The word-like segment (or, between words, the segment) holding a UTF-16 offset, within its line. */
export function wordAt(lines: TextLines, utf16: number): { start: number; end: number } {
  const line = lineIndexAt(lines, utf16)
  const start = lines.starts[line]
  const text = lines.texts[line]
  if (text === '') return { start, end: start }
  const segment = segmenter.segment(text).containing(Math.min(utf16 - start, text.length - 1))
  if (!segment) return { start: utf16, end: utf16 }
  return { start: start + segment.index, end: start + segment.index + segment.segment.length }
}

/** The end of the next word after a UTF-16 offset, over punctuation, spaces and line breaks. */
export function nextWordEnd(lines: TextLines, utf16: number): number {
  for (let line = lineIndexAt(lines, utf16); line < lines.starts.length; line++) {
    const start = lines.starts[line]
    for (const segment of segmenter.segment(lines.texts[line])) {
      const end = start + segment.index + segment.segment.length
      if (segment.isWordLike && end > utf16) return end
    }
  }
  return lines.map.utf16Length
}

/** The start of the word before a UTF-16 offset, over punctuation, spaces and line breaks. */
export function previousWordStart(lines: TextLines, utf16: number): number {
  for (let line = lineIndexAt(lines, utf16); line >= 0; line--) {
    const start = lines.starts[line]
    let found = -1
    for (const segment of segmenter.segment(lines.texts[line])) {
      const at = start + segment.index
      if (at >= utf16) break
      if (segment.isWordLike) found = at
    }
    if (found >= 0) return found
  }
  return 0
}

/** The whole line (paragraph) holding a UTF-16 offset, for a triple click. */
export function paragraphAt(lines: TextLines, utf16: number): { start: number; end: number } {
  const line = lineIndexAt(lines, utf16)
  return { start: lines.starts[line], end: lineEnd(lines, line) }
}
