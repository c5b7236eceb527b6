// Where an export's files go: a file or a folder written beside its destination and renamed into place only once
// every file of the export is complete, or a string for the app to download. Aborting removes what was written.
import fs from 'node:fs'
import path from 'node:path'
import type { FolderEntry } from '../shared/formats'
import { FactspanError } from '../shared/errors'
import { onDisk, partialPath, sweepPartials } from './partialFiles'

export interface ExportTarget {
  /** Where it ends up, for messages and the manifest. */
  readonly path: string
  write(chunk: string | FolderEntry): void
  /** Flushes and closes what was written; nothing is in place yet. */
  finish(): void
  /** Moves the finished output into place. */
  commit(): void
  /** Removes everything written so far; safe to call at any point, and more than once. */
  abort(): void
  /** The content of an in-memory target, once finished; it can be taken once. */
  content?(): string
}

// Chunks are gathered up to this size before a write: one system call per line would dominate small documents.
const FLUSH_CHARS = 1 << 16

/** A file written as `.NAME.partial-PID` beside its destination and renamed over it (see partialFiles.ts). */
export function fileTarget(file: string): ExportTarget {
  const temporary = partialPath(file)
  let fd: number | null = onDisk(file, () => {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    sweepPartials(file)
    return fs.openSync(temporary, 'w')
  })
  let pending: string[] = []
  let pendingChars = 0
  const flush = () => {
    if (pendingChars > 0) onDisk(file, () => fs.writeSync(fd!, pending.join('')))
    pending = []
    pendingChars = 0
  }
  const close = () => {
    if (fd === null) return
    fs.closeSync(fd)
    fd = null
  }
  return {
    path: file,
    write(chunk) {
      if (typeof chunk !== 'string') throw new Error(`${file}: a file export was given a folder entry`)
      pending.push(chunk)
      pendingChars += chunk.length
      if (pendingChars >= FLUSH_CHARS) flush()
    },
    finish() {
      flush()
      onDisk(file, () => fs.fsyncSync(fd!))
      close()
    },
    commit() {
      onDisk(file, () => fs.renameSync(temporary, file))
    },
    abort() {
      close()
      fs.rmSync(temporary, { force: true })
    },
  }
}

/** A folder (brat) built as `.NAME.partial-PID` beside its destination, which must be new or empty, and renamed into place. */
export function folderTarget(folder: string, format: string): ExportTarget {
  if (fs.existsSync(folder) && (!fs.statSync(folder).isDirectory() || fs.readdirSync(folder).length > 0)) {
    throw new FactspanError('conflict', `${folder} already exists and is not an empty folder: ${format} exports into a new or empty folder`)
  }
  const temporary = partialPath(folder)
  onDisk(folder, () => {
    fs.mkdirSync(path.dirname(folder), { recursive: true })
    sweepPartials(folder)
    fs.rmSync(temporary, { recursive: true, force: true })
    fs.mkdirSync(temporary)
  })
  return {
    path: folder,
    write(entry) {
      if (typeof entry === 'string') throw new Error(`${folder}: a folder export was given a chunk of a file`)
      const target = path.join(temporary, ...entry.path.split('/'))
      onDisk(folder, () => {
        fs.mkdirSync(path.dirname(target), { recursive: true })
        fs.writeFileSync(target, entry.text, { flag: 'wx' })
      })
    },
    finish() {},
    commit() {
      onDisk(folder, () => {
        if (fs.existsSync(folder)) fs.rmdirSync(folder)
        fs.renameSync(temporary, folder)
      })
    },
    abort() {
      fs.rmSync(temporary, { recursive: true, force: true })
    },
  }
}

/** A file kept as a string, for the app to download. */
export function memoryTarget(fileName: string): ExportTarget {
  let parts: string[] = []
  return {
    path: fileName,
    write(chunk) {
      if (typeof chunk !== 'string') throw new FactspanError('bad-input', `${fileName}: a folder format cannot be downloaded as one file`)
      parts.push(chunk)
    },
    finish() {},
    commit() {},
    abort() {
      parts = []
    },
    content() {
      // Joined once and handed over, so the export is not held twice.
      const text = parts.join('')
      parts = []
      return text
    },
  }
}
