import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, openProject } from '../../src-main/store/open'
import { tempDir } from './helpers'

function expectRefusedUntouched(file: string, message: RegExp) {
  const before = fs.readFileSync(file)
  expect(() => openProject(file)).toThrow(message)
  expect(fs.readFileSync(file).equals(before)).toBe(true)
  expect(fs.existsSync(`${file}-wal`)).toBe(false)
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
    expectRefusedUntouched(file, /notes\.factspan: not a Factspan project/)
  })

  it("refuses another application's SQLite database and leaves it untouched", () => {
    const file = path.join(tempDir(), 'other.db')
    const other = new Database(file)
    other.exec('CREATE TABLE things (x); INSERT INTO things VALUES (1)')
    other.close()
    expectRefusedUntouched(file, /other\.db: not a Factspan project \(an SQLite database of another application\)/)
  })

  it('refuses a project from a newer Factspan and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.factspan')
    const future = new Database(file)
    future.pragma(`application_id = ${APPLICATION_ID}`)
    future.pragma('user_version = 99')
    future.exec('CREATE TABLE later (x)')
    future.close()
    expectRefusedUntouched(file, /made by a newer Factspan \(schema version 99/)
  })

  it('refuses to open a missing file unless asked to create it', () => {
    const file = path.join(tempDir(), 'missing.factspan')
    expect(() => openProject(file)).toThrow(/missing\.factspan: no such project file/)
    expect(fs.existsSync(file)).toBe(false)
  })
})
