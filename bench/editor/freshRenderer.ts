// `factspan serve` serves the built renderer (out/renderer): built from older sources, it would report old numbers.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const SOURCES = ['src-renderer', path.join('src-main', 'shared')]

/** Builds the app (npx electron-vite build) when a renderer source is newer than out/renderer/index.html. */
export function ensureFreshRenderer(): void {
  const built = path.join(ROOT, 'out', 'renderer', 'index.html')
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0
  const stale = SOURCES.flatMap((dir) => newerFiles(path.join(ROOT, dir), builtAt))
  if (stale.length === 0) return
  process.stderr.write(`bench: out/renderer is older than ${path.relative(ROOT, stale[0])}${stale.length > 1 ? ` and ${stale.length - 1} more` : ''}; building it (npx electron-vite build)…\n`)
  const run = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] })
  if (run.status !== 0) throw new Error(`npx electron-vite build failed (exit ${run.status}): the editor benchmark needs the current renderer`)
}

function newerFiles(dir: string, than: number): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.statSync(file).mtimeMs > than)
}
