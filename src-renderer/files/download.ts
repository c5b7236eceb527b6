/** Saves text as a file through a Blob link: the browser downloads it, Electron asks where to save it. */
export function downloadText(fileName: string, content: string): void {
  const type = fileName.endsWith('.json') || fileName.endsWith('.jsonl') ? 'application/json' : 'text/plain'
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }))
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
