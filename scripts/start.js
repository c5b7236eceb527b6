#!/usr/bin/env node
// npm start: builds the app, then runs the desktop app where Electron's binary can be had, else browser mode.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = path.join(root, 'node_modules', 'electron')
const electronSqlite = path.join(root, 'build', 'electron-native', 'better_sqlite3.node')

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  return result.status === 0
}

/** Electron's binary, downloading it on first launch; null with the reason where it cannot be had. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt')
  const binary = () => (fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')) : null)
  if (binary() && fs.existsSync(binary())) return { path: binary() }
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 300_000 })
  if (install.status === 0 && binary() && fs.existsSync(binary())) return { path: binary() }
  const reason = `${install.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim() ?? 'the download failed'
  return { path: null, reason }
}

/** better-sqlite3 built for Electron's ABI, kept apart from Node's build that the tests use. */
function ensureElectronSqlite() {
  if (fs.existsSync(electronSqlite)) return true
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-sqlite-'))
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) })
  const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  const built = run(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work })
  if (!built) return false
  fs.mkdirSync(path.dirname(electronSqlite), { recursive: true })
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), electronSqlite)
  return true
}

if (!run(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) process.exit(1)

const electron = electronBinary()
if (electron.path && ensureElectronSqlite()) {
  const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const why = electron.path ? 'better-sqlite3 could not be built for Electron' : `Electron's binary is not available (${electron.reason})`
  console.log(`${why}: starting browser mode instead.`)
  const child = spawn(process.execPath, [path.join(root, 'bin', 'factspan.js'), 'serve', '--open-last'], { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}
