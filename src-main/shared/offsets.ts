// The one place where code-point offsets (stored, exported) meet UTF-16 offsets (DOM, JavaScript strings).
// A code point outside the BMP (𠮷, 😀) is one code point but two UTF-16 units.
import { lowerBound } from './lowerBound'

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/**
 * Converts offsets of one text between code points and UTF-16 units in O(log n),
 * by remembering where the surrogate pairs are. Build one per text and reuse it.
 */
export class OffsetMap {
  /** UTF-16 index of the high surrogate of every pair, ascending. */
  private readonly pairs: number[] = []
  readonly utf16Length: number
  readonly codePointLength: number

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.pairs.push(i)
        i++
      }
    }
    this.utf16Length = text.length
    this.codePointLength = text.length - this.pairs.length
  }

  /** True when the text has no character outside the BMP, so both units agree. */
  get isBmpOnly(): boolean {
    return this.pairs.length === 0
  }

  /** UTF-16 offset of a code-point offset. Throws outside 0…codePointLength. */
  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) {
      throw new RangeError(`code-point offset ${codePoint} is outside 0…${this.codePointLength}`)
    }
    // Pairs whose code-point index is below `codePoint` each add one unit: pair k sits at code point pairs[k] - k.
    return codePoint + lowerBound(this.pairs.length, (k) => this.pairs[k] - k < codePoint)
  }

  /**
   * Code-point offset of a UTF-16 offset. An offset inside a surrogate pair is snapped
   * to the start of that character ('before') or past it ('after'), so no span can split a pair.
   */
  toCodePoint(utf16: number, snap: 'before' | 'after' = 'before'): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.utf16Length) {
      throw new RangeError(`UTF-16 offset ${utf16} is outside 0…${this.utf16Length}`)
    }
    // Number of pairs that start before utf16.
    const lo = lowerBound(this.pairs.length, (k) => this.pairs[k] < utf16)
    if (lo > 0 && this.pairs[lo - 1] === utf16 - 1) {
      // utf16 points between the two halves of pair lo-1.
      return snap === 'before' ? utf16 - 1 - (lo - 1) : utf16 - (lo - 1)
    }
    return utf16 - lo
  }

  /** The text between two code-point offsets, end exclusive. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end))
  }

  /** The next and previous character boundary in UTF-16 units, never inside a pair. */
  nextBoundary(utf16: number): number {
    if (utf16 >= this.utf16Length) return this.utf16Length
    return isHighSurrogate(this.text.charCodeAt(utf16)) && isLowSurrogate(this.text.charCodeAt(utf16 + 1)) ? utf16 + 2 : utf16 + 1
  }

  previousBoundary(utf16: number): number {
    if (utf16 <= 0) return 0
    return isLowSurrogate(this.text.charCodeAt(utf16 - 1)) && isHighSurrogate(this.text.charCodeAt(utf16 - 2)) ? utf16 - 2 : utf16 - 1
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
