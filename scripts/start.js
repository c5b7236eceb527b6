#!/usr/bin/env node
// npm start: builds the app, then runs the desktop app where Electron's binary can be had, else browser mode.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
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
async function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt')
  const binary = () => (fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')) : null)
  if (binary() && fs.existsSync(binary())) return { path: binary() }
  // Offline, the download could wait minutes on a silent network: find out first, in a few seconds at most.
  const cached = downloadIsCached()
  if (!cached && !(await canReach(downloadHost()))) return { path: null, reason: `${downloadHost().host} cannot be reached` }
  if (!cached) console.log("Downloading Electron's binary (about 100 MB) for the first launch…")
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 300_000 })
  if (install.status === 0 && binary() && fs.existsSync(binary())) return { path: binary() }
  const reason = `${install.stderr ?? ''}`.split('\n').find((line) => /error|failed/i.test(line))?.trim() ?? 'the download failed'
  return { path: null, reason }
}

/** Where @electron/get downloads from: the mirror or github.com, through the proxy when one is set. */
function downloadHost() {
  const proxy = process.env.HTTPS_PROXY ?? process.env.https_proxy
  const url = new URL(proxy ?? process.env.ELECTRON_MIRROR ?? 'https://github.com/')
  return { host: url.hostname, port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443) }
}

/** True when a TCP connection to the host opens within five seconds (name lookup included). */
function canReach({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (reachable) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(reachable)
    }
    const timer = setTimeout(() => done(false), 5000)
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** True when @electron/get's cache already holds this version's zip, so installing needs no network. */
function downloadIsCached() {
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version
  const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`
  const cacheRoot =
    process.env.electron_config_cache ??
    (process.platform === 'darwin'
      ? path.join(os.homedir(), 'Library', 'Caches', 'electron')
      : process.platform === 'win32'
        ? path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'electron', 'Cache')
        : path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'electron'))
  if (!fs.existsSync(cacheRoot)) return false
  return fs.readdirSync(cacheRoot).some((entry) => fs.existsSync(path.join(cacheRoot, entry, zip)))
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

/** True when out/ was built after the last change to any source, so a second start needs no build. */
function buildIsCurrent() {
  const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((file) => path.join(root, file))
  if (!built.every((file) => fs.existsSync(file))) return false
  const builtAt = Math.min(...built.map((file) => fs.statSync(file).mtimeMs))
  const sources = ['src-main', 'src-renderer'].flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  )
  sources.push(...['package.json', 'electron.vite.config.ts', 'tsconfig.base.json'].map((file) => path.join(root, file)))
  return sources.every((file) => fs.statSync(file).mtimeMs <= builtAt)
}

if (!buildIsCurrent() && !run(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) process.exit(1)

const electron = await electronBinary()
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
