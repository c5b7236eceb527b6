// Factspan's side of the editor benchmark: the generated documents imported as native JSONL with the CLI into a
// temporary project, `factspan serve` on it, and a read-only check afterwards that every add reached SQLite.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { serializeNative } from '../../src-main/shared/formats/native'
import { OffsetMap } from '../../src-main/shared/offsets'
import { listSpans } from '../../src-main/store/spans'
import { serveProject } from '../../tests/e2e/fixtures'
import type { BenchDocumentData } from './protocol'

export const BENCH_ANNOTATOR = 'bench'

export interface FactspanProject {
  /** The address `factspan serve` printed, token included. */
  url: string
  db: string
  stop(): void
}

/** Serves a fresh project in a temporary folder, opened as `annotator`; `stop` ends the server and deletes the folder. */
export async function serveGeneratedProject(documents: readonly BenchDocumentData[], annotator = BENCH_ANNOTATOR): Promise<FactspanProject> {
  const served = await serveProject({ annotator, importCorpus: false })
  const stop = () => {
    served.stop()
    fs.rmSync(served.dir, { recursive: true, force: true })
  }
  try {
    const file = path.join(served.dir, 'bench.jsonl')
    const lines = documents.map((d) => {
      const map = new OffsetMap(d.text)
      const spans = d.spans.map((s) => ({ start: s.start, end: s.end, label: s.label, text: map.slice(s.start, s.end), annotator: s.annotator ?? BENCH_ANNOTATOR }))
      return serializeNative({ id: d.id, title: d.title, text: d.text, meta: {}, spans })
    })
    fs.writeFileSync(file, lines.join('\n') + '\n')
    const imported = served.cli('import', file, '--db', served.db, '--format', 'jsonl')
    if (imported.code !== 0) throw new Error(`factspan import ${file} failed: ${imported.stderr}`)
    return { url: served.url, db: served.db, stop }
  } catch (error) {
    stop()
    throw error
  }
}

/** Throws unless the project holds a span for every range added, with the label the adds used. */
export function checkAddsSaved(db: string, documentId: string, label: string, added: ReadonlyArray<{ start: number; end: number }>, annotator = BENCH_ANNOTATOR): void {
  const project = new Database(db, { readonly: true, fileMustExist: true })
  try {
    const saved = new Set(listSpans(project, documentId, annotator).filter((s) => s.label === label).map((s) => `${s.start}:${s.end}`))
    const missing = added.filter((a) => !saved.has(`${a.start}:${a.end}`))
    if (missing.length > 0) throw new Error(`${db}: ${missing.length} of ${added.length} added spans are not in SQLite, first ${missing[0].start}–${missing[0].end}`)
  } finally {
    project.close()
  }
}

