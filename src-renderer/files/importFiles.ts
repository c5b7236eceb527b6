// Reads picked files and sends them to 'import.files' in batches, merging the reports.
import type { ColumnSeparator, DiscontinuousSpans, ImportFormat, ImportReport, TextEncoding } from '../../src-main/shared/api'
import { pairAnnotationFiles } from '../../src-main/shared/formats/pairs'
import { ApiCallError, type ApiClient } from '../api'
import { bytesToBase64 } from './base64'

export interface ImportChoices {
  format?: ImportFormat
  encoding: TextEncoding
  lenient?: boolean
  separator?: ColumnSeparator
  discontinuous?: DiscontinuousSpans
  textField?: string
  labelField?: string
}

// Keeps each request well under the HTTP bridge's body limit and the memory of one JSON string.
const BATCH_BYTES = 48 * 1024 * 1024

/** The name a file is reported under: its path inside a picked folder, else its name. */
export function fileLabel(file: File): string {
  return file.webkitRelativePath || file.name
}

/** The job every batch of one import runs as, so the dialog can follow its progress and cancel it. */
export interface ImportJob {
  id: string
  /** True once the user cancelled: no further batch is sent. */
  cancelled(): boolean
}

export async function importFiles(
  api: ApiClient,
  files: readonly File[],
  options: ImportChoices,
  onBatch: (done: number, size: number) => void,
  job?: ImportJob,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], errors: [], warnings: [], newLabels: [] }
  let batch: { name: string; base64: string }[] = []
  let batchBytes = 0
  let done = 0
  const flush = async () => {
    if (batch.length === 0 || report.cancelled) return
    if (job?.cancelled()) {
      report.cancelled = true
      return
    }
    onBatch(done, batch.length)
    let part: ImportReport
    try {
      part = await api.call('import.files', { files: batch, ...options, ...(job ? { jobId: job.id } : {}) })
    } catch (error) {
      // A cancel that overtook its batch (it travels on its own connection): the batch never started, which is a
      // cancelled import, not a failed one.
      if (job?.cancelled() && error instanceof ApiCallError && error.error.code === 'cancelled') {
        report.cancelled = true
        return
      }
      throw error
    }
    report.imported.push(...part.imported)
    report.errors.push(...part.errors)
    report.warnings.push(...part.warnings)
    report.newLabels = [...new Set([...report.newLabels, ...part.newLabels])]
    if (part.cancelled) report.cancelled = true
    done += batch.length
    batch = []
    batchBytes = 0
  }
  // A brat .txt and its .ann travel in the same request, since the service reads them as one document.
  const units = pairAnnotationFiles(files.map((file) => ({ name: fileLabel(file), file })))
  for (const unit of units) {
    const together = unit.companion ? [unit.file, unit.companion] : [unit.file]
    const size = together.reduce((n, f) => n + f.file.size, 0)
    if (batchBytes > 0 && batchBytes + size > BATCH_BYTES) await flush()
    if (report.cancelled) break
    for (const { name, file } of together) batch.push({ name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })
    batchBytes += size
  }
  await flush()
  return report
}
