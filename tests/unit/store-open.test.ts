import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { appPaths } from '../../src-main/service/paths'
import { createSampleProject } from '../../src-main/service/sample'
import { FactspanError } from '../../src-main/shared/errors'
import { LATEST_VERSION } from '../../src-main/store/migrations'
import { APPLICATION_ID, openProject } from '../../src-main/store/open'
import { ROOT, tempDir } from './helpers'

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** Opening must fail with exactly this code and message, and leave the file's bytes as they were. */
function expectRefusedUntouched(file: string, code: string, message: string) {
  const before = sha256(file)
  let refused: unknown
  try {
    openProject(file).close()
  } catch (error) {
    refused = error
  }
  expect(refused).toBeInstanceOf(FactspanError)
  expect({ code: (refused as FactspanError).code, message: (refused as FactspanError).message }).toEqual({ code, message })
  expect(sha256(file)).toBe(before)
}

/** A real project with the five sample articles, closed, so all of it is in the file itself. */
function sampleProjectFile(): string {
  const dir = tempDir()
  const file = path.join(dir, 'reports.factspan')
  const { workspace } = createService({ settingsFile: path.join(dir, 'settings.json') })
  createSampleProject(workspace, file, appPaths.corpus)
  workspace.close()
  expect(fs.existsSync(`${file}-wal`)).toBe(false)
  return file
}

describe('opening a project file', () => {
  it('sets WAL, synchronous FULL, foreign keys and a busy timeout', () => {
    const db = openProject(path.join(tempDir(), 'p.factspan'), { create: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    db.close()
  })

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = path.join(tempDir(), 'notes.factspan')
    fs.writeFileSync(file, '这不是数据库 — just some text\n'.repeat(200))
    expectRefusedUntouched(file, 'bad-input', `${file}: not a Factspan project (not an SQLite database)`)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses an empty file and leaves it empty', () => {
    const file = path.join(tempDir(), 'empty.factspan')
    fs.writeFileSync(file, '')
    expectRefusedUntouched(file, 'bad-input', `${file}: not a Factspan project (the file is empty)`)
    expect(fs.statSync(file).size).toBe(0)
  })

  it("refuses another application's SQLite database and leaves it untouched", () => {
    const file = path.join(tempDir(), 'other.db')
    const other = new Database(file)
    other.exec('CREATE TABLE things (x); INSERT INTO things VALUES (1)')
    other.close()
    expectRefusedUntouched(file, 'bad-input', `${file}: not a Factspan project (an SQLite database of another application)`)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a project from a newer Factspan and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.factspan')
    const future = new Database(file)
    future.pragma(`application_id = ${APPLICATION_ID}`)
    future.pragma('user_version = 99')
    future.exec('CREATE TABLE later (x)')
    future.close()
    expectRefusedUntouched(file, 'bad-input', `${file}: made by a newer Factspan (schema version 99; this one reads up to ${LATEST_VERSION}). Update Factspan to open it.`)
  })

  it('refuses a project cut short (a copy that stopped half way) as damaged, and leaves it untouched', () => {
    const file = sampleProjectFile()
    const size = fs.statSync(file).size
    expect(size).toBeGreaterThan(8 * 4096)
    fs.truncateSync(file, 4 * 4096)
    expectRefusedUntouched(
      file,
      'corrupt',
      `${file} is damaged (the file is cut short: 16384 bytes of the ${size} its header gives). Restore its newest backup, or export what can still be read.`,
    )
  })

  it('refuses a project whose pages are garbled as damaged, and leaves it untouched', () => {
    const file = sampleProjectFile()
    const bytes = fs.readFileSync(file)
    // Page 3 and after hold the tables' b-trees; a disk error writes noise over one of them.
    for (let i = 2 * 4096; i < 3 * 4096; i++) bytes[i] = (i * 7919) % 251
    fs.writeFileSync(file, bytes)
    expectRefusedUntouched(
      file,
      'corrupt',
      `${file} is damaged (SQLite's check of its pages found: Tree 3 page 3: btreeInitPage() returns error code 11). Restore its newest backup, or export what can still be read.`,
    )
  })

  it('refuses to open a missing file unless asked to create it', () => {
    const file = path.join(tempDir(), 'missing.factspan')
    expect(() => openProject(file)).toThrow(new FactspanError('not-found', `${file}: no such project file`))
    expect(fs.existsSync(file)).toBe(false)
  })

  it('refuses a project that another program holds locked, saying it is in use, and leaves it untouched', async () => {
    const file = sampleProjectFile()
    // Another program with the project open in exclusive locking mode, as some database tools do, in a write transaction.
    const holder = spawn(
      process.execPath,
      ['-e', `const db = new (require('better-sqlite3'))(${JSON.stringify(file)}); db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); console.log('locked'); setInterval(() => {}, 1000)`],
      { cwd: ROOT },
    )
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
        holder.on('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)))
      })
      expectRefusedUntouched(
        file,
        'in-use',
        `${file}: the project is in use by another program, which holds it locked. Try again once it is done (an import holds the project until it ends), or close the project there.`,
      )
    } finally {
      holder.kill()
    }
  }, 30_000)
})
