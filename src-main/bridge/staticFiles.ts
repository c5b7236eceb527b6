// The built renderer's files, as browser mode (HTTP) and the desktop app (the app:// protocol) serve them: one rule
// for which URL path names which file, so neither can be talked into reading outside the app folder.
import path from 'node:path'

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
}

/** The policy both servers send with the page, the same as the one in index.html. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The file under `root` that a URL's path (still percent-encoded) names: index.html for `/`. Null when the path is
 * malformed or could name anything outside `root`: a `..` segment, encoded or not, a backslash, a NUL, a drive
 * letter or a colon, an encoded slash. Whether the file exists is for the caller to find out.
 */
export function staticFilePath(root: string, urlPath: string): string | null {
  if (!urlPath.startsWith('/')) return null
  const segments: string[] = []
  for (const raw of urlPath.split('/').slice(1)) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '' || segment === '.') continue
    if (segment === '..' || /[/\\:\0]/.test(segment)) return null
    segments.push(segment)
  }
  const file = path.resolve(root, ...(segments.length === 0 ? ['index.html'] : segments))
  const relative = path.relative(path.resolve(root), file)
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? null : file
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
}
