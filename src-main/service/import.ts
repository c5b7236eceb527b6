import { randomUUID } from 'node:crypto'
import type { Api, ImportReport } from '../shared/api'
import type { WritableDB } from '../store/db'
import type { ImportFile, ImportOptions } from './importFile'
import { importJob } from './importJob'
import { runJobSync, type Jobs } from './jobs'
import type { Workspace } from './workspace'

export { readImportFile, type ImportFile, type ImportOptions } from './importFile'

/**
 * Imports files one transaction each: a file that fails is reported with its file, line and reason and
 * leaves nothing behind, while the good files of the same batch are kept.
 */
export function importFiles(db: WritableDB, files: readonly ImportFile[], options: ImportOptions): ImportReport {
  return runJobSync(importJob(db, files, options))
}

export function importMethods(ws: Workspace, jobs: Jobs): Pick<Api, 'import.files'> {
  return {
    // A job the app can cancel (by its jobId) and follow through 'job-progress' events.
    'import.files': async ({ files, jobId, ...options }) => {
      const decoded = files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }))
      const report = await jobs.run(jobId ?? randomUUID(), 'import', () => importJob(ws.database(), decoded, { ...options, annotator: ws.settings.annotator }))
      if (report.imported.length > 0) ws.emit('documents-changed', {})
      return report
    },
  }
}
