// Which files an import reads: one list for the command line's folder walk and the app's file pickers. Pure and free
// of zod, so the renderer can import it.

/** The extensions a folder import picks up; a file named on its own is read whatever its name. */
export const IMPORTABLE_EXTENSIONS = ['.txt', '.text', '.md', '.jsonl', '.ndjson', '.json', '.ann', '.bio', '.bioes', '.bmes', '.conll'] as const

/** The manifest an export writes beside its files describes them; it is not data. */
const MANIFEST = /\.manifest\.json$/i

/**
 * True for a file a folder import reads, by its path inside the folder: an importable extension, not an export's
 * manifest, and nothing hidden (a name starting with "."), as folder walks skip .git and editors' backups.
 */
export function isImportableFile(path: string): boolean {
  const lower = path.toLowerCase()
  if (path.split(/[\\/]/).some((part) => part.startsWith('.'))) return false
  return IMPORTABLE_EXTENSIONS.some((extension) => lower.endsWith(extension)) && !MANIFEST.test(path)
}
