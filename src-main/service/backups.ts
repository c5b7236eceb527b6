// Backups of a project, made with SQLite's online backup: before every migration, when a project opens and its
// newest backup is over a day old, and on demand. They are kept beside the project in NAME.backups/ (reports.factspan
// keeps them in reports.backups/), the newest KEEP_BACKUPS of them, each a project file that opens like any other.
import fs from 'node:fs'
import path from 'node:path'
import type { Api, Backup } from '../shared/api'
import { FactspanError, StorageError } from '../shared/errors'
import { CopyFailure, copyDatabase, useRollbackJournal } from '../store/backup'
import type { ReadableDB } from '../store/db'
import { countDocuments } from '../store/documents'
import { openProjectReadOnly } from '../store/open'
import { storageError } from '../store/storageErrors'
import type { Jobs } from './jobs'
import { onDisk, partialPath, sweepFolder } from './partialFiles'
import { projectInfo } from './project'
import type { Workspace } from './workspace'

export const KEEP_BACKUPS = 5
const DAY_MS = 24 * 60 * 60 * 1000
/** The reason of a raw copy of a damaged project, kept before a restore replaces it; never restored by default. */
const DAMAGED = 'damaged-before-restore'
const NAME = /^(.+)-(\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z)-([a-z0-9-]+)\.factspan$/

export function backupFolder(project: string): string {
  return path.join(path.dirname(project), `${stem(project)}.backups`)
}

/** The project's backups, newest first. */
export function listBackups(project: string): Backup[] {
  const folder = backupFolder(project)
  if (!fs.existsSync(folder)) return []
  const backups: Backup[] = []
  for (const name of fs.readdirSync(folder)) {
    const match = NAME.exec(name)
    if (!match || match[1] !== stem(project)) continue
    const file = path.join(folder, name)
    backups.push({ file, createdAt: isoOf(match[2]), reason: match[3], bytes: fs.statSync(file).size })
  }
  return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/** Backs up the project now, then keeps only the newest KEEP_BACKUPS. */
export function makeBackup(project: string, reason: string, nativeBinding?: string): Backup {
  const folder = backupFolder(project)
  const file = backupFile(project, reason)
  onDisk(folder, () => fs.mkdirSync(folder, { recursive: true }))
  sweepFolder(folder)
  const partial = partialPath(file)
  try {
    copyDatabase(project, partial, { nativeBinding })
    useRollbackJournal(partial, nativeBinding)
    onDisk(file, () => fs.renameSync(partial, file))
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw notBackedUp(project, folder, error)
  }
  prune(project)
  return listBackups(project).find((b) => b.file === file)!
}

/** The daily backup: made when the project holds documents, may be written, and has no backup from the last day. */
export function backupIfDue(project: string, db: ReadableDB, nativeBinding?: string, now = Date.now()): Backup | null {
  if (db.readonly || countDocuments(db) === 0) return null
  const newest = listBackups(project)[0]
  if (newest && now - Date.parse(newest.createdAt) < DAY_MS) return null
  return makeBackup(project, 'daily', nativeBinding)
}

export interface Restored {
  /** The backup put back. */
  from: string
  /** The project as it was before, backed up first; null when there was no file. */
  saved: Backup | null
}

/**
 * Puts a backup back in place of the project (the newest, or `from`): the backup is checked first, the project as
 * it is is backed up, then the backup is copied in through SQLite, so a program that has the project open sees the
 * restored content. Close the project in this process first, and open it again after.
 */
export function restoreBackup(project: string, from: string | undefined, nativeBinding?: string): Restored {
  const source = from === undefined ? listBackups(project).find((b) => b.reason !== DAMAGED)?.file : path.resolve(from)
  if (!source) throw new FactspanError('not-found', `${project}: there is no backup to restore in ${backupFolder(project)}`)
  try {
    openProjectReadOnly(source, { nativeBinding }).close()
  } catch (error) {
    if (error instanceof FactspanError) throw new FactspanError(error.code, `Cannot restore from this backup: ${error.message}`)
    throw error
  }
  const saved = fs.existsSync(project) ? saveBeforeRestore(project, nativeBinding) : null
  try {
    copyDatabase(source, project, { nativeBinding })
  } catch (error) {
    // SQLite cannot write into a file it cannot read: the damaged file (kept above) is replaced as a whole.
    if (!(error instanceof CopyFailure && isDamage(error.code))) throw storageError(error, project) ?? error
    replaceFile(project, source)
  }
  prune(project)
  return { from: source, saved }
}

/**
 * Backs up the project before a restore replaces it. A damaged one is copied byte for byte instead, under a reason
 * of its own, so that restoring "the newest backup" never picks it.
 */
function saveBeforeRestore(project: string, nativeBinding: string | undefined): Backup {
  try {
    openProjectReadOnly(project, { nativeBinding }).close()
    return makeBackup(project, 'before-restore', nativeBinding)
  } catch (error) {
    if (!(error instanceof StorageError && error.code === 'corrupt')) throw error
  }
  const file = backupFile(project, DAMAGED)
  onDisk(file, () => {
    fs.copyFileSync(project, file)
    if (fs.existsSync(`${project}-wal`)) fs.copyFileSync(`${project}-wal`, `${file}-wal`)
  })
  return listBackups(project).find((b) => b.file === file)!
}

function replaceFile(project: string, source: string): void {
  const partial = partialPath(project)
  onDisk(project, () => {
    fs.copyFileSync(source, partial)
    const fd = fs.openSync(partial, 'r+')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    // The damaged file's journal belongs to it: SQLite would replay it over the restored pages.
    for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(project + side, { force: true })
    fs.renameSync(partial, project)
  })
}

/** Keeps the newest KEEP_BACKUPS; raw copies of damaged projects are left for the user to remove. */
function prune(project: string): void {
  const kept = listBackups(project).filter((b) => b.reason !== DAMAGED)
  for (const old of kept.slice(KEEP_BACKUPS)) {
    for (const side of ['', '-wal', '-shm']) fs.rmSync(old.file + side, { force: true })
  }
}

function backupFile(project: string, reason: string): string {
  const stamp = new Date().toISOString().replace(/:/g, '')
  return path.join(backupFolder(project), `${stem(project)}-${stamp}-${reason}.factspan`)
}

function stem(project: string): string {
  return path.basename(project, '.factspan')
}

function isoOf(stamp: string): string {
  return `${stamp.slice(0, 13)}:${stamp.slice(13, 15)}:${stamp.slice(15)}`
}

function isDamage(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

function notBackedUp(project: string, folder: string, error: unknown): FactspanError {
  if (error instanceof CopyFailure && isDamage(error.code)) return storageError(error, project)!
  const storage = storageError(error, folder)
  const reason = error instanceof Error ? error.message : String(error)
  return new FactspanError(storage?.code ?? 'io-error', `${project}: could not back it up into ${folder} (${reason})`)
}

export function backupMethods(ws: Workspace, jobs: Jobs): Pick<Api, 'project.backups' | 'project.backup' | 'project.restore'> {
  return {
    'project.backups': ({ path: file }) => {
      const project = file === undefined ? ws.path : path.resolve(file)
      return { project, folder: backupFolder(project), backups: listBackups(project) }
    },
    'project.backup': () => makeBackup(ws.path, 'manual', ws.nativeBinding),
    'project.restore': ({ path: file, from }) => {
      if (jobs.active) throw new FactspanError('conflict', 'An import or export is running: wait for it to end, or cancel it, then restore.')
      const project = file === undefined ? ws.path : path.resolve(file)
      // Closed while its file is replaced, and opened again after: nothing of the old state stays in this process.
      const wasOpen = ws.isOpen && ws.path === project
      if (wasOpen) ws.close()
      let restored: Restored
      try {
        restored = restoreBackup(project, from, ws.nativeBinding)
      } catch (error) {
        if (wasOpen) reopen(ws, project)
        throw error
      }
      ws.open(project, false, true)
      return { project: projectInfo(ws), ...restored }
    },
  }
}

/** Opens the project again after a restore that failed before it changed anything, so the app goes on as before. */
function reopen(ws: Workspace, project: string): void {
  try {
    ws.open(project, false)
  } catch {
    // The restore's own error says what matters; the project dialog offers the rest.
  }
}
