// Files travel to the main side as base64 (see 'import.files').

// A multiple of 3, so the encoded chunks join without padding in between.
const CHUNK = 3 * 8192

/** Base64 of bytes, a chunk at a time: one String.fromCharCode over a large file would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))))
  }
  return parts.join('')
}
