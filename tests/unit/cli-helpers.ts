import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'

// Shared with the browser tests, so it imports neither vitest nor Playwright.
export const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'factspan.js')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** An environment whose home folder is `home` and nothing else, as on a new user's machine. */
export function freshHomeEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') }
  delete env.FACTSPAN_HOME
  return env
}

/** Who the command runs as: another user's uid and gid, or this process's. */
export type RunAs = { uid?: number; gid?: number }

/** Runs `factspan ...args` in `cwd`, its settings in `cwd` unless `env` says otherwise. */
export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = { ...process.env, FACTSPAN_HOME: cwd }, as: RunAs = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, ...as })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Starts `factspan ...args` without waiting for it, its output gathered as it comes. */
export function startCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = { ...process.env, FACTSPAN_HOME: cwd }, as: RunAs = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd, env, ...as })
  const output = { stdout: '', stderr: '' }
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, output, exited }
}

/** `factspan serve` on a project: resolves with its address once it prints it. */
export async function startServer(cwd: string, db: string, env?: NodeJS.ProcessEnv, as: RunAs = {}) {
  const server = startCli(cwd, ['serve', '--db', db, '--port', '0'], env, as)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = server.output.stdout.match(/(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/)
      if (match) {
        clearInterval(timer)
        resolve(match[0])
      }
    }, 20)
    void server.exited.then(({ code }) => {
      clearInterval(timer)
      reject(new Error(`factspan serve exited with ${code}: ${server.output.stderr}`))
    })
  })
  const { origin, searchParams } = new URL(url)
  const token = searchParams.get('token')!
  /** Calls one method of the contract over HTTP, as the page does. */
  const call = async (method: string, args: unknown = {}) => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-factspan-token': token },
      body: JSON.stringify(args),
    })
    return (await response.json()) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
  }
  return { ...server, url, call }
}
