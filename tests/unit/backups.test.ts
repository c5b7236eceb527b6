import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { backupFolder, listBackups } from '../../src-main/service/backups'
import { LATEST_VERSION } from '../../src-main/store/migrations'
import { runCli, startServer } from './cli-helpers'
import { newProject, utf8, versionOneProject } from './helpers'

const TEXT = '𠮷野家2月25日,長沙市芙蓉區企業復工率91.9%。'

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** A project holding one document; spans are added by the test. */
async function projectWithDocument() {
  const project = newProject('alice')
  await project.service['import.files']({ files: [{ name: 'report.txt', base64: Buffer.from(utf8(TEXT)).toString('base64') }] })
  return project
}

function spanTexts(db: Database.Database): string[] {
  return db.prepare('SELECT quote FROM spans ORDER BY start').pluck().all() as string[]
}

describe('backups', () => {
  it('backs up a project before a migration changes it, in the backups folder beside it', () => {
    const file = versionOneProject()
    const { workspace } = createService({ settingsFile: path.join(path.dirname(file), 'settings.json'), projectPath: file })
    expect(workspace.database().pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    workspace.close()

    const backups = listBackups(file)
    expect(backups.map((b) => b.reason)).toEqual([`before-upgrade-to-v${LATEST_VERSION}`])
    expect(path.dirname(backups[0].file)).toBe(path.join(path.dirname(file), 'old.backups'))
    const backup = new Database(backups[0].file, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(spanTexts(backup)).toEqual(['2月'])
    backup.close()
  })

  it('refuses to migrate a project it cannot back up first, and leaves the file as it was', () => {
    const file = versionOneProject()
    // A file where the backups folder should be: the backup cannot be written.
    fs.writeFileSync(backupFolder(file), 'in the way')
    const before = sha256(file)
    expect(() => createService({ settingsFile: path.join(path.dirname(file), 'settings.json'), projectPath: file })).toThrow(
      new RegExp(`^${file.replace(/[.]/g, '\\.')} was not upgraded from version 1, since it could not be backed up first: `),
    )
    expect(sha256(file)).toBe(before)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    db.close()
  })

  it('backs up a project when it opens and its newest backup is over a day old, once a day', async () => {
    const { workspace, file, dir } = await projectWithDocument()
    workspace.close()
    const reopen = () => createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: file }).workspace.close()
    reopen()
    reopen()
    expect(listBackups(file).map((b) => b.reason)).toEqual(['daily'])
    // Make that backup two days old, as if the project had not been opened since.
    const [old] = listBackups(file)
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString().replace(/:/g, '')
    fs.renameSync(old.file, path.join(path.dirname(old.file), `test-${twoDaysAgo}-daily.factspan`))
    reopen()
    expect(listBackups(file).map((b) => b.reason)).toEqual(['daily', 'daily'])
  })

  it('makes no backup of a new, empty project', () => {
    const { workspace, file, dir } = newProject()
    workspace.close()
    createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: file }).workspace.close()
    expect(fs.existsSync(backupFolder(file))).toBe(false)
  })

  it('keeps the newest five backups', async () => {
    const { service, workspace, file } = await projectWithDocument()
    const made = Array.from({ length: 7 }, () => service['project.backup']({}))
    expect(listBackups(file).map((b) => b.file)).toEqual(made.slice(2).map((b) => b.file).reverse())
    expect(made.every((b) => b.reason === 'manual' && b.bytes > 0)).toBe(true)
    workspace.close()
  })

  it('restores the newest backup while the project is open, after backing up what it replaces, and goes on taking edits', async () => {
    const { service, workspace, file } = await projectWithDocument()
    service['spans.add']({ documentId: 'report', start: 3, end: 8, label: 'date' })
    const backup = service['project.backup']({})
    service['spans.add']({ documentId: 'report', start: 9, end: 15, label: 'organization' })

    const restored = service['project.restore']({})
    expect(restored.from).toBe(backup.file)
    expect(restored.project.path).toBe(file)
    expect(service['spans.list']({ documentId: 'report' }).map((s) => s.text)).toEqual(['2月25日'])
    // What the restore replaced is a backup of its own.
    expect(restored.saved!.reason).toBe('before-restore')
    const saved = new Database(restored.saved!.file, { readonly: true })
    expect(spanTexts(saved)).toEqual(['2月25日', '長沙市芙蓉區'])
    saved.close()

    service['spans.add']({ documentId: 'report', start: 15, end: 25, label: 'metric' })
    expect(service['spans.list']({ documentId: 'report' }).map((s) => s.text)).toEqual(['2月25日', '企業復工率91.9%'])
    expect(workspace.database().pragma('integrity_check', { simple: true })).toBe('ok')
    workspace.close()
  })

  it('restores a damaged project from the command line, keeping the damaged file byte for byte', async () => {
    const { service, workspace, file, dir } = await projectWithDocument()
    service['spans.add']({ documentId: 'report', start: 3, end: 8, label: 'date' })
    const backup = service['project.backup']({})
    workspace.close()
    const bytes = fs.readFileSync(file)
    for (let i = 2 * 4096; i < 3 * 4096; i++) bytes[i] = (i * 7919) % 251
    fs.writeFileSync(file, bytes)
    const damaged = sha256(file)

    const opened = runCli(dir, ['stats', '--db', file])
    expect(opened.code).toBe(1)
    expect(opened.stderr).toContain(`factspan: ${file} is damaged (SQLite's check of its pages found: `)
    expect(opened.stderr).toContain(`factspan restore --db ${file}`)

    const restore = runCli(dir, ['restore', '--db', file])
    expect(restore.stderr).toBe('')
    const kept = listBackups(file).find((b) => b.reason === 'damaged-before-restore')!
    expect(restore.stdout).toBe(`${file}: restored from ${backup.file}\nthe project as it was is kept in ${kept.file}\n`)
    expect(sha256(kept.file)).toBe(damaged)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(spanTexts(db)).toEqual(['2月25日'])
    db.close()
  })

  it('backs up and lists backups from the command line', async () => {
    const { workspace, file, dir } = await projectWithDocument()
    workspace.close()
    const made = runCli(dir, ['backup', '--db', file])
    expect(made.stderr).toBe('')
    const [backup] = listBackups(file)
    expect(made.stdout).toBe(`${file}: backed up to ${backup.file}\n`)
    const listed = runCli(dir, ['backup', '--list', '--db', file])
    expect(listed.stdout).toBe(`${backupFolder(file)}: 1 backup\n${backup.createdAt}  manual  ${backup.bytes} bytes  ${backup.file}\n`)
  })

  it('refuses to restore from a file that is not a whole project, and leaves the project as it was', async () => {
    const { workspace, file, dir } = await projectWithDocument()
    workspace.close()
    fs.writeFileSync(path.join(dir, 'notes.factspan'), '不是項目')
    const before = sha256(file)
    const restore = runCli(dir, ['restore', '--db', file, '--from', 'notes.factspan'])
    expect(restore.code).toBe(1)
    expect(restore.stderr).toBe(`factspan: Cannot restore from this backup: ${path.join(dir, 'notes.factspan')}: not a Factspan project (not an SQLite database)\n`)
    expect(sha256(file)).toBe(before)
    expect(fs.existsSync(backupFolder(file))).toBe(false)
  })

  it('restores a project that factspan serve has open: the server reads the restored content', async () => {
    const { service, workspace, file, dir } = await projectWithDocument()
    service['spans.add']({ documentId: 'report', start: 3, end: 8, label: 'date' })
    service['project.backup']({})
    workspace.close()
    const server = await startServer(dir, file)
    try {
      expect((await server.call('spans.add', { documentId: 'report', start: 9, end: 15, label: 'organization' })).ok).toBe(true)
      const restore = runCli(dir, ['restore', '--db', file])
      expect(restore.stderr).toBe('')
      const listed = (await server.call('spans.list', { documentId: 'report' })) as { ok: true; value: Array<{ text: string }> }
      expect(listed.value.map((s) => s.text)).toEqual(['2月25日'])
      expect((await server.call('spans.add', { documentId: 'report', start: 15, end: 25, label: 'metric' })).ok).toBe(true)
    } finally {
      server.child.kill()
      await server.exited
    }
    const db = new Database(file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(spanTexts(db)).toEqual(['2月25日', '企業復工率91.9%'])
    db.close()
  })
})
