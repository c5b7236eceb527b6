// Reads picked files and sends them to 'import.files' in batches, merging the reports.
import type { ImportFormat, ImportReport, TextEncoding } from '../../src-main/shared/api'
import { call } from '../api'
import { bytesToBase64 } from './base64'

export const IMPORTABLE = /\.(txt|jsonl|ndjson|json)$/i

// Keeps each request well under the HTTP bridge's body limit and the memory of one JSON string.
const BATCH_BYTES = 48 * 1024 * 1024

/** The name a file is reported under: its path inside a picked folder, else its name. */
export function fileLabel(file: File): string {
  return file.webkitRelativePath || file.name
}

export async function importFiles(
  files: readonly File[],
  options: { format?: ImportFormat; encoding: TextEncoding },
  onProgress: (done: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], errors: [], newLabels: [] }
  let batch: { name: string; base64: string }[] = []
  let batchBytes = 0
  let done = 0
  const flush = async () => {
    if (batch.length === 0) return
    const part = await call('import.files', { files: batch, format: options.format, encoding: options.encoding })
    report.imported.push(...part.imported)
    report.errors.push(...part.errors)
    report.newLabels = [...new Set([...report.newLabels, ...part.newLabels])]
    done += batch.length
    onProgress(done)
    batch = []
    batchBytes = 0
  }
  for (const file of files) {
    if (batchBytes > 0 && batchBytes + file.size > BATCH_BYTES) await flush()
    batch.push({ name: fileLabel(file), base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })
    batchBytes += file.size
  }
  await flush()
  return report
}
