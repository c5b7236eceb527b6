import path from 'node:path'
import { fileURLToPath } from 'node:url'

// This module sits two folders below the project root both as source (src-main/service) and bundled (out/main).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export const appPaths = {
  root,
  renderer: path.join(root, 'out', 'renderer'),
  corpus: path.join(root, 'resources', 'corpus'),
  electronSqlite: path.join(root, 'build', 'electron-native', 'better_sqlite3.node'),
}
