/** Saves text as a file through a Blob link: the browser downloads it, Electron asks where to save it. */
export function downloadText(fileName: string, content: string): void {
  const type = fileName.endsWith('.json') || fileName.endsWith('.jsonl') ? 'application/json' : 'text/plain'
  downloadBlob(fileName, new Blob([content], { type: `${type};charset=utf-8` }))
}

/** Saves bytes sent as base64 (a model file) the same way. */
export function downloadBase64(fileName: string, base64: string): void {
  downloadBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'application/octet-stream' }))
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

