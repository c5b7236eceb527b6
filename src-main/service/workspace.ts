import path from 'node:path'
import type { ApiEvents, EventMessage, EventName } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { DEFAULT_LABELS, type ProjectInfo } from '../shared/model'
import { OffsetMap } from '../shared/offsets'
import { writeTransaction, type ReadableDB, type WritableDB } from '../store/db'
import { addMissingLabels, listLabels } from '../store/labels'
import { openProject, openProjectReadOnly } from '../store/open'
import { backupIfDue, makeBackup } from './backups'
import { keepGuidelines } from './guidelines'
import type { SettingsFile } from './settings'

/** Told about every event of the contract; checking `message.event` narrows the payload. */
export type EventSink = (message: EventMessage) => void

/** The open project and the user's settings: the state every service feature works on. */
export class Workspace {
  private db: WritableDB | null = null
  private projectPath: string | null = null
  // Document texts never change, so their offset maps are kept for the documents being edited.
  private offsetMaps = new Map<string, OffsetMap>()
  private readonly listeners = new Set<EventSink>()
  /** Why the last project did not open at start, until the app has been told. */
  reopenFailed: ProjectInfo['reopenFailed'] = undefined

  constructor(
    readonly settings: SettingsFile,
    readonly nativeBinding?: string,
  ) {}

  get isOpen(): boolean {
    return this.db !== null
  }

  get path(): string {
    this.database()
    return this.projectPath!
  }

  /** The open project's database; a clear error when none is open. */
  database(): WritableDB {
    if (!this.db) throw new FactspanError('no-project', 'No project is open: create or open one first.')
    return this.db
  }

  /** Opens a project in place of the open one; `restored` tells the app a backup was just put back in its place. */
  open(file: string, create: boolean, restored = false): void {
    const absolute = path.resolve(file)
    if (create && !absolute.endsWith('.factspan')) {
      throw new FactspanError('bad-input', `${absolute}: a project file must end in .factspan`)
    }
    const db = openProject(absolute, { create, nativeBinding: this.nativeBinding, beforeMigration: (from, to) => this.backupBeforeUpgrade(absolute, from, to) })
    // A new project starts with the default label set; an opened one keeps its own.
    if (!db.readonly && listLabels(db).length === 0) writeTransaction(db, () => addMissingLabels(db, DEFAULT_LABELS))
    keepGuidelines(db)
    this.backupDaily(absolute, db)
    this.close()
    this.db = db
    this.projectPath = absolute
    this.settings.rememberProject(absolute)
    this.emit('project-changed', restored ? { path: absolute, restored } : { path: absolute })
  }

  /** A project is backed up before a migration changes it; when that fails, it is not changed. */
  private backupBeforeUpgrade(file: string, from: number, to: number): void {
    try {
      makeBackup(file, `before-upgrade-to-v${to}`, this.nativeBinding)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new FactspanError(error instanceof FactspanError ? error.code : 'io-error', `${file} was not upgraded from version ${from}, since it could not be backed up first: ${reason}`)
    }
  }

  /** A backup a day, when the project opens; one that fails is said, and the project opens all the same. */
  private backupDaily(file: string, db: ReadableDB): void {
    try {
      backupIfDue(file, db, this.nativeBinding)
    } catch (error) {
      console.error(`factspan: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  close(): void {
    this.db?.close()
    this.db = null
    this.projectPath = null
    this.offsetMaps.clear()
  }

  /** A second, read-only connection to the open project, for a long export that reads one snapshot while edits go on. */
  openReader(): ReadableDB {
    return openProjectReadOnly(this.path, { nativeBinding: this.nativeBinding, verify: false })
  }

  offsetMap(documentId: string, text: () => string): OffsetMap {
    let map = this.offsetMaps.get(documentId)
    if (!map) {
      if (this.offsetMaps.size >= 8) this.offsetMaps.delete(this.offsetMaps.keys().next().value!)
      map = new OffsetMap(text())
      this.offsetMaps.set(documentId, map)
    }
    return map
  }

  onEvent(listener: EventSink): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    const message = { event, payload } as EventMessage
    for (const listener of this.listeners) listener(message)
  }
}

export function now(): string {
  return new Date().toISOString()
}
