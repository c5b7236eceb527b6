import fs from 'node:fs'
import path from 'node:path'
import { FactspanError } from '../shared/errors'
import { isImportableFile } from '../shared/importableFiles'

/**
 * Expands files and folders (recursively, sorted, hidden entries skipped) into files to import. A folder's own
 * files only: a symbolic link inside it could lead anywhere on the disk, so it is skipped and `onSkipped` told.
 */
export function collectFiles(paths: string[], onSkipped: (path: string, reason: string) => void = () => {}): Array<{ path: string; name: string }> {
  const files: Array<{ path: string; name: string }> = []
  for (const given of paths) {
    if (!fs.existsSync(given)) throw new FactspanError('not-found', `${given}: no such file or folder`)
    if (!fs.statSync(given).isDirectory()) {
      files.push({ path: given, name: path.basename(given) })
      continue
    }
    // Names inside a folder keep their sub-path so two "a.txt" in different subfolders stay distinct.
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.name.startsWith('.')) continue
        const full = path.join(dir, entry.name)
        if (entry.isSymbolicLink()) onSkipped(full, 'a link: a folder import reads only the files in the folder, so it is skipped')
        else if (entry.isDirectory()) walk(full)
        else if (isImportableFile(entry.name)) files.push({ path: full, name: path.relative(given, full).split(path.sep).join('/') })
      }
    }
    walk(given)
  }
  return files
}
