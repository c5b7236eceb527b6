// What can still be read of a damaged project, saved as native JSONL (see store/salvage.ts for how it is read): a
// file for the CLI, a download for the app. It reads the damaged file read-only and never writes to it.
import path from 'node:path'
import type { Api, Salvage } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { codecs } from '../shared/formats'
import type { ReadableDB } from '../store/db'
import { openDamagedProject, salvageRecords, type SalvageCounts } from '../store/salvage'
import { fileTarget, memoryTarget, type ExportTarget } from './exportTargets'
import type { Workspace } from './workspace'

/** Writes the readable documents and spans of `project` to `out`, whole or not at all. */
export function salvageToFile(project: string, out: string, nativeBinding?: string): SalvageCounts {
  return salvageInto(project, fileTarget(out), nativeBinding)
}

export function salvageMethods(ws: Workspace): Pick<Api, 'project.salvage'> {
  return {
    'project.salvage': ({ path: file }) => {
      const project = file === undefined ? ws.path : path.resolve(file)
      const fileName = `${path.basename(project, '.factspan')}-salvaged.jsonl`
      const target = memoryTarget(fileName)
      const counts = salvageInto(project, target, ws.nativeBinding)
      return { fileName, content: target.content!(), ...counts } satisfies Salvage
    },
  }
}

function salvageInto(project: string, target: ExportTarget, nativeBinding: string | undefined): SalvageCounts {
  const counts: SalvageCounts = { documents: 0, spans: 0, skippedDocuments: 0, skippedSpans: 0 }
  let db: ReadableDB
  try {
    db = openDamagedProject(project, nativeBinding)
  } catch (error) {
    target.abort()
    throw new FactspanError('corrupt', `${project}: nothing can be read: ${(error as Error).message}`)
  }
  try {
    for (const chunk of codecs.native.write(salvageRecords(db, counts))) target.write(chunk)
    if (counts.documents === 0) {
      throw new FactspanError('corrupt', `${project}: nothing can be read: no document of it is whole${counts.skippedDocuments ? ` (${counts.skippedDocuments} damaged)` : ''}`)
    }
    target.finish()
    target.commit()
    return counts
  } catch (error) {
    target.abort()
    if (error instanceof FactspanError) throw error
    // Even the list of tables cannot be read.
    throw new FactspanError('corrupt', `${project}: nothing can be read: ${(error as Error).message}`)
  } finally {
    db.close()
  }
}
