// A text as an array of code points, the unit of every offset the suggestion engine gives; the matcher and the
// tagger walk this array, so a character outside the BMP (𠮷, 😀) is one step, never two.

export function codePointsOf(text: string): Int32Array {
  const out = new Int32Array(text.length)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000
        i++
        continue
      }
    }
    out[n++] = c
  }
  return out.subarray(0, n)
}
