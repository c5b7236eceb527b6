import fs from 'node:fs'
import path from 'node:path'
import { FactspanError } from '../shared/errors'
import type { ImportFormat } from '../shared/api'
import { isImportableFile } from '../shared/importableFiles'

const LINK_SKIPPED = 'a link: a folder import reads only the files in the folder, so it is skipped'

/**
 * Expands files and folders (recursively, sorted, hidden entries skipped) into files to import. A folder's own
 * files only: a symbolic link inside it could lead anywhere on the disk, so it is skipped and `onSkipped` told. A
 * brat file named on its own brings its partner from its own folder: an .ann its .txt, and with `format` brat a .txt
 * its .ann; a partner that is a link is skipped the same way.
 */
export function collectFiles(paths: string[], format?: ImportFormat, onSkipped: (path: string, reason: string) => void = () => {}): Array<{ path: string; name: string }> {
  const files: Array<{ path: string; name: string }> = []
  const taken = new Set<string>()
  const add = (file: string, name: string) => {
    if (taken.has(path.resolve(file))) return
    taken.add(path.resolve(file))
    files.push({ path: file, name })
  }
  for (const given of paths) {
    if (!fs.existsSync(given)) throw new FactspanError('not-found', `${given}: no such file or folder`)
    if (!fs.statSync(given).isDirectory()) {
      add(given, path.basename(given))
      const partner = bratPartner(given, format)
      if (partner !== undefined && fs.existsSync(partner)) {
        if (fs.lstatSync(partner).isSymbolicLink()) onSkipped(partner, LINK_SKIPPED)
        else add(partner, path.basename(partner))
      }
      continue
    }
    // Names inside a folder keep their sub-path so two "a.txt" in different subfolders stay distinct.
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.name.startsWith('.')) continue
        const full = path.join(dir, entry.name)
        if (entry.isSymbolicLink()) onSkipped(full, LINK_SKIPPED)
        else if (entry.isDirectory()) walk(full)
        else if (isImportableFile(entry.name)) add(full, path.relative(given, full).split(path.sep).join('/'))
      }
    }
    walk(given)
  }
  return files
}

/** The other half of a brat document beside a file named on its own, whatever folder the command runs in. */
function bratPartner(file: string, format: ImportFormat | undefined): string | undefined {
  if (/\.ann$/i.test(file) && (format === undefined || format === 'brat')) return file.replace(/\.ann$/i, '.txt')
  if (/\.txt$/i.test(file) && format === 'brat') return file.replace(/\.txt$/i, '.ann')
  return undefined
}
