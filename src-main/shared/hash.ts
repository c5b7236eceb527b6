// Hashes of document texts, so a span is never attached to a text that changed under it.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

type TextHasher = (text: string) => string

const pureSha256Hex: TextHasher = (text) => bytesToHex(sha256(utf8ToBytes(text)))
let hashText = pureSha256Hex

/** SHA-256 of the text's UTF-8 bytes, as lowercase hex. Synchronous and pure, so the renderer can use it too. */
export function sha256Hex(text: string): string {
  return hashText(text)
}

/** Lets the main side hash with node:crypto, several times faster on large imports and exports; the digest is the same. */
export function setTextHasher(hasher: TextHasher): void {
  hashText = hasher
}
