import fs from 'node:fs'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import type { Api, ExportFormat } from '../shared/api'
import { exportFormats } from '../shared/formats'
import { iterateDocuments } from '../store/documents'
import { spanReader } from '../store/spans'
import type { Workspace } from './workspace'

export interface ExportOptions {
  format: ExportFormat
  /** One annotator's layer; every layer when absent. */
  annotator?: string
}

export interface ExportCounts {
  documents: number
  spans: number
}

/** The export as JSONL lines, one document each, in project order; counts are filled in as lines are read. */
export function* exportLines(db: Database, options: ExportOptions, counts: ExportCounts = { documents: 0, spans: 0 }): Generator<string> {
  const serialize = exportFormats[options.format]
  const spansOf = spanReader(db, options.annotator)
  for (const doc of iterateDocuments(db)) {
    const spans = spansOf(doc.id).map(({ start, end, label, text, annotator }) => ({ start, end, label, text, annotator }))
    counts.documents++
    counts.spans += spans.length
    yield serialize({ id: doc.id, title: doc.title, text: doc.text, meta: doc.meta, spans })
  }
}

/** Writes the export beside its destination and renames it into place, so a failure never leaves half a file. */
export function exportToFile(db: Database, options: ExportOptions, file: string): ExportCounts {
  const counts: ExportCounts = { documents: 0, spans: 0 }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  const fd = fs.openSync(temporary, 'w')
  try {
    for (const line of exportLines(db, options, counts)) fs.writeSync(fd, line + '\n')
    fs.fsyncSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(temporary, { force: true })
    throw error
  }
  fs.closeSync(fd)
  fs.renameSync(temporary, file)
  return counts
}

export function exportFileName(projectPath: string, options: ExportOptions): string {
  const layer = options.annotator ? `-${options.annotator.replace(/[^\p{L}\p{N}_-]+/gu, '_')}` : ''
  return `${path.basename(projectPath, '.factspan')}-${options.format}${layer}.jsonl`
}

export function exportMethods(ws: Workspace): Pick<Api, 'export.build'> {
  return {
    'export.build': (options) => {
      const counts: ExportCounts = { documents: 0, spans: 0 }
      let content = ''
      for (const line of exportLines(ws.database(), options, counts)) content += line + '\n'
      return { fileName: exportFileName(ws.path, options), content, ...counts }
    },
  }
}
