import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src-main/shared/formats/text'
import { inputError } from './helpers'

// Encoded with iconv from corpus sentences by tests/fixtures/encodings/make.sh.
const fixtures = path.join(__dirname, '../fixtures/encodings')
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)))
const utf8 = (text: string) => new TextEncoder().encode(text)
const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)))

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    out.push(...(order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]))
  }
  return new Uint8Array(out)
}

const REPORT_GB = '以六稳六保为抓手推动高质量发展\n2020/09/02 13:34\n杭州市作为浙江省建设重要窗口的领头雁，做好六稳工作，落实六保任务成效如何？\n'
const REPORT_BIG5 = '芙蓉區:打好精準復工復產組合拳\n\n堅持在有序有效中復工復產,長沙市芙蓉區打好精準施策的組合拳。\n'
const HEADLINE_TRADITIONAL = '復工復產,濱江的誠意與信心\n'

describe('decoding UTF-8', () => {
  it('keeps a UTF-8 text exactly, spaces, tabs, 𠮷 and 😀 included', () => {
    const text = '  原题：\t复工复产 \n\u3000𠮷野家😀\n\n'
    expect(decodeText(utf8(text), 'a.txt')).toEqual({ text, encoding: 'utf-8' })
  })

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeText(fixture('utf-8-bom.txt'), 'bom.txt')).toEqual({ text: '原题：\n以六稳六保为抓手推动高质量发展\n', encoding: 'utf-8' })
  })

  it('turns CRLF and lone CR line ends into LF', () => {
    expect(decodeText(utf8('第一行\r\n第二行\r第三行\n\r\n'), 'a.txt').text).toBe('第一行\n第二行\n第三行\n\n')
  })

  it('turns CRLF into LF in GB18030 too', () => {
    expect(decodeText(bytes([0xd6, 0xd0, 0x0d, 0x0a, 0xce, 0xc4, 0x0d]), 'a.txt', 'gb18030')).toEqual({ text: '中\n文\n', encoding: 'gb18030' })
  })

  it('names the byte and column of invalid UTF-8 when UTF-8 is named', () => {
    const error = inputError(() => decodeText(bytes('ab\ncd', [0xe4, 0x41], 'x'), 'bad.txt', 'utf-8'))
    expect(error.message).toBe('bad.txt:2: not valid UTF-8 at byte 5, column 3')
    expect(error.line).toBe(2)
  })

  it('names the start of a UTF-8 sequence cut off at the end of the file', () => {
    expect(() => decodeText(bytes('a\rb中', [0xe4, 0xb8]), 'cut.txt', 'utf-8')).toThrow('cut.txt:2: not valid UTF-8 at byte 6, column 3')
  })

  it('counts columns in characters, so 𠮷 before a bad byte is one column', () => {
    expect(() => decodeText(bytes('经济\n𠮷', [0x80]), 'x.txt', 'utf-8')).toThrow('x.txt:2: not valid UTF-8 at byte 11, column 2')
  })

  it('counts the byte order mark in the byte offset of an error', () => {
    expect(() => decodeText(bytes([0xef, 0xbb, 0xbf], 'a', [0x80]), 'bom.txt', 'gb18030')).toThrow('bom.txt:1: not valid UTF-8 at byte 4, column 2')
  })
})

describe('decoding UTF-16 with a byte order mark', () => {
  it('decodes UTF-16LE and UTF-16BE and drops the mark', () => {
    expect(decodeText(utf16('吉𠮷\r\n', 'le'), 'le.txt')).toEqual({ text: '吉𠮷\n', encoding: 'utf-16le' })
    expect(decodeText(utf16('吉𠮷', 'be'), 'be.txt', 'gb18030')).toEqual({ text: '吉𠮷', encoding: 'utf-16be' })
  })

  it('names the byte of a lone surrogate', () => {
    const bad = new Uint8Array([...utf16('A\n', 'le'), 0x00, 0xd8, 0x41, 0x00])
    expect(() => decodeText(bad, 'lone.txt')).toThrow('lone.txt:2: not valid UTF-16LE at byte 6, column 1')
  })
})

describe('decoding GB18030', () => {
  it('decodes a named GB18030 report', () => {
    expect(decodeText(fixture('gb18030-report.txt'), 'r.txt', 'gb18030')).toEqual({ text: REPORT_GB, encoding: 'gb18030' })
  })

  it('detects a GB18030 report', () => {
    expect(decodeText(fixture('gb18030-report.txt'), 'r.txt')).toEqual({ text: REPORT_GB, encoding: 'gb18030' })
  })

  it('detects a six-character GB18030 phrase', () => {
    expect(decodeText(fixture('gb18030-short.txt'), 's.txt')).toEqual({ text: '畅通市内流动\n', encoding: 'gb18030' })
  })

  it('decodes 𠮷, which GB18030 writes in four bytes, named and detected', () => {
    const expected = { text: '𠮷野家的“𠮷”不是“吉”\n', encoding: 'gb18030' }
    expect(decodeText(fixture('gb18030-astral.txt'), 'a.txt', 'gb18030')).toEqual(expected)
    expect(decodeText(fixture('gb18030-astral.txt'), 'a.txt')).toEqual(expected)
  })

  it('detects traditional characters written in GB18030 as GB18030, not Big5', () => {
    expect(decodeText(fixture('gb18030-traditional.txt'), 't.txt')).toEqual({ text: HEADLINE_TRADITIONAL, encoding: 'gb18030' })
  })

  it('drops the GB18030 byte order mark, 84 31 95 33', () => {
    expect(decodeText(bytes([0x84, 0x31, 0x95, 0x33, 0xd6, 0xd0]), 'bom.txt', 'gb18030')).toEqual({ text: '中', encoding: 'gb18030' })
  })

  it('names the byte and column of invalid GB18030 when GB18030 is named', () => {
    // 吉, then 81 30 81 that needs a digit as its fourth byte.
    const error = inputError(() => decodeText(bytes('A\n', [0xbc, 0xaa, 0x81, 0x30, 0x81, 0x41]), 'gb.txt', 'gb18030'))
    expect(error.message).toBe('gb.txt:2: not valid GB18030 at byte 4, column 2')
  })
})

describe('decoding Big5', () => {
  it('decodes a named Big5 report', () => {
    expect(decodeText(fixture('big5-report.txt'), 'r.txt', 'big5')).toEqual({ text: REPORT_BIG5, encoding: 'big5' })
  })

  it('detects a Big5 report', () => {
    expect(decodeText(fixture('big5-report.txt'), 'r.txt')).toEqual({ text: REPORT_BIG5, encoding: 'big5' })
  })

  it('detects a one-line Big5 headline', () => {
    expect(decodeText(fixture('big5-short.txt'), 'h.txt')).toEqual({ text: HEADLINE_TRADITIONAL, encoding: 'big5' })
  })

  it('refuses the GB18030 bytes of 𠮷 when Big5 is named, since Big5 has no 𠮷', () => {
    expect(() => decodeText(fixture('gb18030-astral.txt'), 'a.txt', 'big5')).toThrow('a.txt:1: not valid Big5 at byte 0, column 1')
  })
})

describe('rejecting input', () => {
  it('names the line and column of a NUL character', () => {
    const error = inputError(() => decodeText(utf8('a\r\nb\r𠮷中\u0000d'), 'nul.txt'))
    expect(error.message).toBe('nul.txt:3: contains a NUL character at column 3')
    expect(error.line).toBe(3)
    expect(error.reason).toBe('contains a NUL character at column 3')
  })

  it('finds a NUL character in GB18030 text too', () => {
    expect(() => decodeText(bytes([0xd6, 0xd0, 0x00]), 'nul.txt', 'gb18030')).toThrow('nul.txt:1: contains a NUL character at column 2')
  })

  it('names the line where bytes stop decoding as UTF-8, GB18030 and Big5', () => {
    const error = inputError(() => decodeText(bytes('ok\n', [0xa4, 0x30, 0xff]), 'junk.bin'))
    expect(error.message).toBe('junk.bin:2: cannot decode as UTF-8, GB18030 or Big5 (first bad byte at line 2)')
  })

  it('reports where the encoding that gets furthest stops', () => {
    // Two good GB18030 lines (not UTF-8 from the first byte), then bytes nothing decodes.
    const error = inputError(() => decodeText(bytes([0xd6, 0xd0, 0x0a, 0xce, 0xc4, 0x0a, 0xa4, 0x30, 0xff]), 'junk.txt'))
    expect(error.line).toBe(3)
  })

  it('rejects an empty file', () => {
    const error = inputError(() => decodeText(new Uint8Array(), 'empty.txt'))
    expect(error.message).toBe('empty.txt:1: file is empty')
  })

  it('rejects a file that holds only a byte order mark', () => {
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf]), 'bom.txt')).toThrow('bom.txt:1: file is empty')
  })
})
