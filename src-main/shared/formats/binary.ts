// Files that are not text, told from their first bytes, so a compressed or binary file named .txt or .jsonl is
// refused as what it is rather than as undecodable bytes, and UTF-16 without a byte order mark is named.

const SIGNATURES: Array<{ bytes: number[]; at?: number; what: string }> = [
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file, not text: decompress it first (gunzip)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (as .docx and .xlsx files are), not text: extract or export its text first' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive, not text' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file, not text: decompress it first (unxz)' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file, not text: decompress it first (unzstd)' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive, not text: extract it first' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file, not text: decompress it first (bunzip2)' },
  { bytes: [0x75, 0x73, 0x74, 0x61, 0x72], at: 257, what: 'a tar archive, not text: extract it first' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document, not text: export its text first' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'a Microsoft Office document (.doc, .xls), not text: save it as text first' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image, not text' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image, not text' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image, not text' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF), not text' },
  {
    bytes: [...'SQLite format 3'].map((c) => c.charCodeAt(0)).concat(0),
    what: 'an SQLite database, not text: open a Factspan project with "Switch project", or bring in another annotator\'s with merge',
  },
]

/** Why these bytes (a file's first few kilobytes) are not text, or undefined when they may be. */
export function notTextReason(head: Uint8Array): string | undefined {
  for (const { bytes, at = 0, what } of SIGNATURES) {
    if (bytes.every((byte, i) => head[at + i] === byte)) {
      // "BZh" also starts words; bzip2 follows it with a block size digit and its block magic.
      if (bytes[0] === 0x42 && !(head[3] >= 0x31 && head[3] <= 0x39 && head[4] === 0x31 && head[5] === 0x41)) continue
      return `is ${what}`
    }
  }
  const utf16 = utf16WithoutMark(head)
  if (utf16) {
    return `looks like ${utf16} without a byte order mark (every other byte is 0): save it as UTF-8, or as UTF-16 with a byte order mark, so its encoding is known`
  }
  return undefined
}

/**
 * UTF-16 text without a BOM shows as NUL bytes on one side of most pairs: ASCII, line ends and digits have a zero high
 * byte. A stray NUL in UTF-8 text does not make that pattern; the NUL check reports it instead.
 */
function utf16WithoutMark(head: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2)
  let even = 0
  let odd = 0
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) even++
    if (head[2 * i + 1] === 0) odd++
  }
  const zeros = even + odd
  if (zeros < 2 || Math.max(even, odd) < pairs * 0.05 || Math.min(even, odd) > zeros * 0.1) return undefined
  return odd > even ? 'UTF-16LE' : 'UTF-16BE'
}
