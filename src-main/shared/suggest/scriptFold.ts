// Traditional and simplified script as one: each code point is folded to its simplified form with opencc-js
// (Taiwan standard → mainland, characters only), so 杭州高新區 and 杭州高新区 meet. Only a conversion that gives
// one code point for one is taken, which keeps every offset exact; phrase conversions, which may change a word's
// length (隨身碟 ↔ U盘), are never used.
import { Converter } from 'opencc-js/t2cn'

const toSimplified = Converter({ from: 'tw', to: 'cn' })
// Below the CJK radicals there is nothing to fold; above the CJK ideograph planes neither.
const FIRST = 0x2e80
const LAST = 0x3ffff
// Filled as characters are met: 0 = not looked up yet, else the folded code point.
const folded = new Int32Array(LAST - FIRST + 1)

/** The simplified form of one code point, or the code point itself. */
export function foldScript(codePoint: number): number {
  if (codePoint < FIRST || codePoint > LAST) return codePoint
  const known = folded[codePoint - FIRST]
  if (known !== 0) return known
  const converted = toSimplified(String.fromCodePoint(codePoint))
  const first = converted.codePointAt(0)
  const one = first !== undefined && converted.length === (first > 0xffff ? 2 : 1)
  const result = one ? first : codePoint
  folded[codePoint - FIRST] = result
  return result
}

/** A text folded code point by code point: the same length in code points, so offsets carry over. */
export function foldText(text: string): string {
  // UTF-16 units in, units out: a 1 MB text folds in a few milliseconds, where joining strings took ~100.
  const units = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < FIRST) {
      units[i] = c
      continue
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        const folded = foldScript(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)
        if (folded <= 0xffff) return foldSlowly(text)
        units[i] = 0xd800 + ((folded - 0x10000) >> 10)
        units[++i] = 0xdc00 + ((folded - 0x10000) & 0x3ff)
        continue
      }
    }
    const folded = foldScript(c)
    if (folded > 0xffff) return foldSlowly(text)
    units[i] = folded
  }
  let out = ''
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192))
  return out
}

/** For the rare text where folding moves a character into or out of the BMP, so UTF-16 lengths differ. */
function foldSlowly(text: string): string {
  let out = ''
  for (const character of text) out += String.fromCodePoint(foldScript(character.codePointAt(0)!))
  return out
}
