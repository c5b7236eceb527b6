import fs from 'node:fs'
import path from 'node:path'
import type { ImportReport } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { importFiles } from './import'
import type { Workspace } from './workspace'

/** Creates a project holding the sample articles, for a first launch with nothing to open yet. */
export function createSampleProject(ws: Workspace, file: string, corpusDir: string): ImportReport {
  ws.open(file, true)
  const files = fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(corpusDir, name)) }))
  return importFiles(ws.database(), files, { annotator: ws.settings.annotator })
}

/** Opens the last project the user had open, else the sample project (made on first use). */
export function openLastOrSample(ws: Workspace, sampleFile: string, corpusDir: string): void {
  const last = ws.settings.lastProject
  if (last && fs.existsSync(last)) {
    try {
      ws.open(last, false)
      return
    } catch (error) {
      // A last project that no longer opens must not keep the app from starting; the app is told why once.
      console.error(`factspan: could not reopen ${last}: ${(error as Error).message}`)
      ws.reopenFailed = { path: last, code: error instanceof FactspanError ? error.code : 'internal', message: (error as Error).message }
    }
  }
  if (fs.existsSync(sampleFile)) ws.open(sampleFile, false)
  else createSampleProject(ws, sampleFile, corpusDir)
}
