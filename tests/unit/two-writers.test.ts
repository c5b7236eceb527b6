// Two programs writing one project: the CLI importing while factspan serve takes edits, and the CLI meeting a project
// another program holds locked. Either a write lands whole or it is refused as "in use", never half or garbled.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { benchRecords } from '../../bench/dataset-io/records'
import { serializeNative } from '../../src-main/shared/formats/native'
import { appPaths } from '../../src-main/service/paths'
import { ROOT, tempDir } from './helpers'
import { runCli, startCli, startServer } from './cli-helpers'

const IN_USE = 'the project is in use by another program, which holds it locked. Try again once it is done (an import holds the project until it ends), or close the project there.'

/** Another program holding the project's write lock, as a long import does, until released. */
async function holdWriteLock(file: string): Promise<() => void> {
  const holder = spawn(process.execPath, ['-e', `const db = new (require('better-sqlite3'))(${JSON.stringify(file)}); db.exec('BEGIN IMMEDIATE'); console.log('writing'); setInterval(() => {}, 1000)`], { cwd: ROOT })
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('writing') && resolve())
    holder.on('exit', (code) => reject(new Error(`the other program exited with ${code}`)))
  })
  return () => holder.kill()
}

describe('two programs writing one project', () => {
  it('imports while the server takes edits: every acknowledged edit is kept, a refused one says the project is in use', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'p.factspan')
    expect(runCli(dir, ['import', appPaths.corpus, '--db', file]).code).toBe(0)
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ annotator: 'alice', recentProjects: [] }))
    const big = path.join(dir, 'big.jsonl')
    fs.writeFileSync(big, [...benchRecords(5000)].map((record) => `${serializeNative(record)}\n`).join(''))

    const server = await startServer(dir, file)
    const acknowledged: number[] = []
    const refusals: Array<{ code: string; message: string }> = []
    let importing = true
    let next = 0
    const lane = async () => {
      while (importing) {
        const start = next++
        const answer = await server.call('spans.add', { documentId: '003_330e636537e98c68', start, end: start + 1, label: 'date' })
        if (answer.ok) acknowledged.push((answer.value as { id: number }).id)
        else refusals.push(answer.error)
      }
    }
    try {
      const lanes = Array.from({ length: 8 }, lane)
      const cli = startCli(dir, ['import', big, '--db', file])
      const { code } = await cli.exited
      importing = false
      await Promise.all(lanes)
      expect(cli.output.stderr).toBe('')
      expect(code).toBe(0)
      expect(cli.output.stdout).toContain('big.jsonl: 5000 documents, 50000 spans imported')
    } finally {
      server.child.kill()
      await server.exited
    }

    console.log(`CLI import while serve took edits: ${acknowledged.length} edits acknowledged, ${refusals.length} refused as in use`)
    expect(acknowledged.length).toBeGreaterThan(0)
    for (const refusal of refusals) {
      expect(refusal.code).toBe('in-use')
      expect(refusal.message).toBe(`${file}: ${IN_USE}`)
    }
    const db = new Database(file)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const stored = new Set(db.prepare("SELECT id FROM spans WHERE annotator = 'alice'").pluck().all() as number[])
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(5005)
    db.close()
  }, 180_000)

  it('waits out the busy timeout, then says the project is in use by another program, and changes nothing', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'p.factspan')
    expect(runCli(dir, ['import', appPaths.corpus, '--db', file]).code).toBe(0)
    fs.writeFileSync(path.join(dir, 'new.txt'), '新的報告:𠮷野家2月25日復工。')
    fs.writeFileSync(path.join(dir, 'bob.jsonl'), `${JSON.stringify({ id: 'bob-1', text: '𠮷野家2月25日復工。', spans: [{ start: 3, end: 8, label: 'date' }] })}\n`)
    // Another program in the middle of a long write (as a long import in the app or serve is).
    const release = await holdWriteLock(file)
    try {
      const imported = runCli(dir, ['import', 'new.txt', '--db', file])
      expect(imported.code).toBe(1)
      expect(imported.stderr).toBe(
        `error: new.txt: not imported: ${file}: ${IN_USE}\n`,
      )
      const merged = runCli(dir, ['merge', 'bob.jsonl', '--db', file, '--annotator', 'bob'])
      expect(merged.code).toBe(1)
      expect(merged.stderr).toBe(`not merged: bob.jsonl: ${file}: ${IN_USE}\n`)
      expect(merged.stderr).not.toMatch(/SQLITE_BUSY|database is locked|\n\s+at /)
    } finally {
      release()
    }
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(5)
    db.close()
  }, 60_000)

  it("answers an edit that meets a project another program holds locked with 'in-use', and takes it once the lock is gone", async () => {
    const dir = tempDir()
    const file = path.join(dir, 'p.factspan')
    expect(runCli(dir, ['import', appPaths.corpus, '--db', file]).code).toBe(0)
    const server = await startServer(dir, file)
    try {
      const release = await holdWriteLock(file)
      const refused = await server.call('spans.add', { documentId: '003_330e636537e98c68', start: 0, end: 2, label: 'date' })
      expect(refused).toEqual({ ok: false, error: { code: 'in-use', message: `${file}: ${IN_USE}` } })
      release()
      const added = await server.call('spans.add', { documentId: '003_330e636537e98c68', start: 0, end: 2, label: 'date' })
      expect(added.ok).toBe(true)
    } finally {
      server.child.kill()
      await server.exited
    }
  }, 60_000)
})
