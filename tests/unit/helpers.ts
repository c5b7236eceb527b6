import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach } from 'vitest'
import { createService, type Service } from '../../src-main/service'
import type { ArgsOf } from '../../src-main/shared/api'
import { InputError } from '../../src-main/shared/errors'
import { migrations } from '../../src-main/store/migrations'
import { APPLICATION_ID } from '../../src-main/store/open'

const made: string[] = []

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder for one test, removed after it. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-test-'))
  made.push(dir)
  return dir
}

/** A service on a new project file in a fresh folder, with its own settings file. */
export function newProject(annotator = 'alice') {
  const dir = tempDir()
  const file = path.join(dir, 'test.factspan')
  const created = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: file, createProject: true })
  created.workspace.settings.setAnnotator(annotator)
  return { ...created, dir, file }
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

export const ROOT = path.resolve(import.meta.dirname, '..', '..')

/** The InputError a call throws; fails the test when it throws nothing or something else. */
export function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

/** What the app downloads for a one-file export (no splits): the text of its one file. */
export async function exportedText(service: Service, options: ArgsOf<'export.dataset'>): Promise<string> {
  const { files } = await service['export.dataset'](options)
  return files[0].content
}

/** A project file as Factspan 0.1 wrote it: schema version 1, with a document and a span in it. */
export function versionOneProject(): string {
  const file = path.join(tempDir(), 'old.factspan')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  migrations.find((m) => m.version === 1)!.up(db)
  db.pragma('user_version = 1')
  db.pragma(`application_id = ${APPLICATION_ID}`)
  db.prepare("INSERT INTO labels (name, color, position) VALUES ('date', '#d946ef', 0)").run()
  db.prepare("INSERT INTO documents (id, title, text, text_sha256, length, position, done_at, created_at) VALUES ('d', '𠮷', '𠮷2月', 'h', 3, 0, 'then', 'then')").run()
  db.prepare("INSERT INTO spans (document_id, start, \"end\", label, quote, annotator, created_at) VALUES ('d', 1, 3, 'date', '2月', 'alice', 'then')").run()
  db.close()
  return file
}
