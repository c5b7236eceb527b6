// Importing a bad file the two ways a user can, and judging what came back: a message naming the file, line and
// reason, no crash, and a project byte-for-byte as it was.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { dispatcher } from '../../src-main/bridge/dispatch'
import { createService } from '../../src-main/service'
import type { ImportReport } from '../../src-main/shared/api'
import { ROOT } from './helpers'

const BIN = path.join(ROOT, 'bin', 'factspan.js')

/** A project holding one document, "seed-1", made as a user makes one: with the CLI. */
export async function seedProject(dir: string): Promise<string> {
  const seed = path.join(dir, 'seed.jsonl')
  fs.writeFileSync(seed, JSON.stringify({ id: 'seed-1', text: '种子文章𠮷', spans: [{ start: 0, end: 2, label: 'metric' }] }) + '\n')
  const file = path.join(dir, 'pristine.factspan')
  const made = await factspan(dir, 'import', seed, '--db', file)
  if (made.code !== 0) throw new Error(`seeding failed: ${made.stderr}`)
  return file
}

/**
 * The project's bytes, as its hash. A checkpoint first moves every committed page of the write-ahead log into the
 * file (and closing the last connection removes the log), so a change committed anywhere shows in the hash, and
 * uncommitted pages of a rolled-back import, which no reader ever sees, do not.
 */
export function projectHash(file: string): string {
  if (fs.existsSync(`${file}-wal`)) {
    const db = new Database(file)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
  }
  const leftovers = ['-wal', '-journal'].filter((suffix) => fs.existsSync(file + suffix))
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex') + leftovers.join('')
}

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs `factspan ...args` the way a user does, in its own folder and settings home. */
export function factspan(cwd: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, FACTSPAN_HOME: cwd } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** Imports files as the app does: their bytes through import.files, validated and dispatched as both bridges call it. */
export async function importThroughApp(projectFile: string, settingsFile: string, files: Array<{ name: string; bytes: Uint8Array }>, options: object = {}) {
  const { service, workspace } = createService({ settingsFile, projectPath: projectFile })
  try {
    const args = { files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })), ...options }
    return await dispatcher(service)('import.files', args)
  } finally {
    workspace.close()
  }
}

export interface Refusal {
  file: string
  line: number
  reason: string
}

/** What a crash looks like to a user: a stack trace, or a runtime error's name, instead of a reason. */
export function showsCrash(text: string): boolean {
  return /^\s+at\s/m.test(text) || /\b(TypeError|RangeError|ReferenceError|Maximum call stack|out of memory|FATAL ERROR)\b/.test(text)
}

/** Why the CLI's answer to a bad file is wrong, or undefined when it refused the file as it must. */
export function cliProblem(run: CliRun, expected: Refusal): string | undefined {
  if (run.signal !== null || (run.code !== 0 && run.code !== 1) || showsCrash(run.stderr)) return `crashed (code ${run.code}, signal ${run.signal}): ${run.stderr.slice(0, 500)}`
  if (run.code !== 1) return `exit code ${run.code}, not 1`
  const lines = run.stderr.trimEnd().split('\n')
  const refusal = lines.find((l) => l.startsWith(`error: ${expected.file}:${expected.line}: `))
  if (refusal === undefined || !refusal.includes(expected.reason)) return `no "error: ${expected.file}:${expected.line}: …${expected.reason}…" in ${JSON.stringify(run.stderr)}`
  if (run.stdout.includes(`${expected.file}:`)) return `reported as imported: ${run.stdout}`
  return undefined
}

/** Why the app's answer to a bad file is wrong, or undefined when it refused the file as it must. */
export function appProblem(result: Awaited<ReturnType<typeof importThroughApp>>, expected: Refusal): string | undefined {
  if (!result.ok) {
    if (result.error.code === 'internal' || showsCrash(result.error.message)) return `crashed: ${result.error.message}`
    return `refused the call instead of the file: ${result.error.code}: ${result.error.message}`
  }
  const report = result.value as ImportReport
  const [error, ...others] = report.errors
  if (error === undefined) return `imported it: ${JSON.stringify(report.imported)}`
  if (showsCrash(error.message)) return `crashed: ${error.message}`
  if (others.length > 0 || report.imported.length > 0) return `more than one refusal: ${JSON.stringify(report)}`
  if (error.file !== expected.file || error.line !== expected.line || !error.reason.includes(expected.reason)) {
    return `refused as ${JSON.stringify({ file: error.file, line: error.line, reason: error.reason })}`
  }
  if (error.message !== `${error.file}:${error.line}: ${error.reason}`) return `its message does not name file, line and reason: ${error.message}`
  return undefined
}

/** Runs tasks at most `width` at a time: the machine's two cores are shared. */
export async function inTurns<T, R>(items: readonly T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await run(items[i])
  }
  await Promise.all(Array.from({ length: width }, worker))
  return results
}
