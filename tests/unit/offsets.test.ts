import { describe, expect, it } from 'vitest'
import { codePointLength, OffsetMap } from '../../src-main/shared/offsets'

// 𠮷 (U+20BB7) and 😀 (U+1F600) are one code point each but two UTF-16 units.
const text = '𠮷野家😀a𠮷'
//            code points: 𠮷=0 野=1 家=2 😀=3 a=4 𠮷=5, length 6
//            UTF-16:      𠮷=0-1 野=2 家=3 😀=4-5 a=6 𠮷=7-8, length 9

describe('codePointLength', () => {
  it('counts 𠮷 and 😀 as one character each', () => {
    expect(codePointLength(text)).toBe(6)
    expect(codePointLength('')).toBe(0)
    expect(codePointLength('经济')).toBe(2)
  })

  it('counts a lone surrogate as one character', () => {
    expect(codePointLength('a\ud842b')).toBe(3)
  })
})

describe('OffsetMap', () => {
  const map = new OffsetMap(text)

  it('knows both lengths of a text with astral characters', () => {
    expect(map.codePointLength).toBe(6)
    expect(map.utf16Length).toBe(9)
    expect(map.isBmpOnly).toBe(false)
    expect(new OffsetMap('复工复产').isBmpOnly).toBe(true)
  })

  it('turns code-point offsets into UTF-16 offsets, one extra unit per astral character before them', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => map.toUtf16(i))).toEqual([0, 2, 3, 4, 6, 7, 9])
  })

  it('turns UTF-16 offsets at character boundaries back into code points', () => {
    expect([0, 2, 3, 4, 6, 7, 9].map((i) => map.toCodePoint(i))).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('snaps a UTF-16 offset inside 𠮷 or 😀 before or after the character', () => {
    expect(map.toCodePoint(1, 'before')).toBe(0)
    expect(map.toCodePoint(1, 'after')).toBe(1)
    expect(map.toCodePoint(5, 'before')).toBe(3)
    expect(map.toCodePoint(5, 'after')).toBe(4)
    expect(map.toCodePoint(8, 'before')).toBe(5)
    expect(map.toCodePoint(8, 'after')).toBe(6)
    expect(map.toCodePoint(8)).toBe(5)
  })

  it('slices by code points without splitting a surrogate pair', () => {
    expect(map.slice(0, 1)).toBe('𠮷')
    expect(map.slice(3, 5)).toBe('😀a')
    expect(map.slice(5, 6)).toBe('𠮷')
    expect(map.slice(0, 6)).toBe(text)
    expect(map.slice(2, 2)).toBe('')
  })

  it('rejects offsets outside the text or not integers', () => {
    expect(() => map.toUtf16(-1)).toThrow(RangeError)
    expect(() => map.toUtf16(7)).toThrow(/outside 0…6/)
    expect(() => map.toUtf16(1.5)).toThrow(RangeError)
    expect(() => map.toCodePoint(10)).toThrow(/outside 0…9/)
    expect(() => map.toCodePoint(-1)).toThrow(RangeError)
  })

  it('steps to the next and previous character boundary over whole surrogate pairs', () => {
    expect(map.nextBoundary(0)).toBe(2)
    expect(map.nextBoundary(2)).toBe(3)
    expect(map.nextBoundary(4)).toBe(6)
    expect(map.nextBoundary(9)).toBe(9)
    expect(map.previousBoundary(9)).toBe(7)
    expect(map.previousBoundary(6)).toBe(4)
    expect(map.previousBoundary(2)).toBe(0)
    expect(map.previousBoundary(0)).toBe(0)
  })

  it('handles the empty text and a text that is only one astral character', () => {
    const empty = new OffsetMap('')
    expect(empty.toUtf16(0)).toBe(0)
    expect(empty.toCodePoint(0)).toBe(0)
    const one = new OffsetMap('😀')
    expect(one.toUtf16(1)).toBe(2)
    expect(one.toCodePoint(1, 'after')).toBe(1)
    expect(one.slice(0, 1)).toBe('😀')
  })

  it('round-trips every code-point offset of random texts mixing BMP and astral characters', () => {
    const alphabet = ['a', '经', '济', '𠮷', '😀', '\n', '，', '𝑥', 'é']
    let seed = 42
    // A fixed-seed generator, so a failure can be replayed.
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    for (let round = 0; round < 300; round++) {
      const chars = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)])
      const sample = chars.join('')
      const sampleMap = new OffsetMap(sample)
      expect(sampleMap.codePointLength).toBe(chars.length)
      for (let i = 0; i <= chars.length; i++) {
        const utf16 = sampleMap.toUtf16(i)
        expect(utf16).toBe(chars.slice(0, i).join('').length)
        expect(sampleMap.toCodePoint(utf16)).toBe(i)
        expect(sampleMap.toCodePoint(utf16, 'after')).toBe(i)
        if (i < chars.length) expect(sampleMap.slice(i, i + 1)).toBe(chars[i])
      }
    }
  })
})
