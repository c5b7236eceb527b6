/** The last part of a path, for a file's name in a list; the path itself is shown beside it. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
