import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetLines, filesIn } from './dataset-helpers'
import { ROOT, tempDir } from './helpers'

const BIN = path.join(ROOT, 'bin', 'factspan.js')
// util-linux's script runs a command on a pseudo-terminal: stderr is a TTY there, as in a user's terminal.
const hasScript = spawnSync('script', ['--version']).status === 0

/** Runs `factspan ...args` the way a user does, in its own folder and settings home, with stdout and stderr piped. */
function factspan(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FACTSPAN_HOME: cwd } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * Runs `factspan ...args > stdout.txt` on a terminal; `interruptWhen` sees the terminal's output as it comes and
 * returning true presses Ctrl+C. Resolves with the exit code and what the terminal showed.
 */
function onTerminal(cwd: string, args: string[], interruptWhen?: (shown: string) => boolean): Promise<{ code: number | null; shown: string; stdout: string }> {
  const command = `exec ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')} > stdout.txt`
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env: { ...process.env, FACTSPAN_HOME: cwd } })
  let shown = ''
  let interrupted = false
  child.stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString()
    if (!interrupted && interruptWhen?.(shown)) {
      interrupted = true
      child.stdin.write('\x03')
    }
  })
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, shown, stdout: fs.readFileSync(path.join(cwd, 'stdout.txt'), 'utf8') })))
}

describe('factspan export with splits and filters, as a user runs it', () => {
  it('writes a file per split and the manifest, and says so on stdout alone when nothing is a terminal', () => {
    const cwd = tempDir()
    const lines = datasetLines(100)
    fs.writeFileSync(path.join(cwd, 'in.jsonl'), lines.join('\n'))
    const spans = lines.reduce((n, line) => n + JSON.parse(line).spans.length, 0)
    expect(factspan(cwd, 'import', 'in.jsonl', '--annotator', 'alice').stdout).toBe(`in.jsonl: 100 documents, ${spans} spans imported\n`)
    fs.mkdirSync(path.join(cwd, 'exports'))
    const exported = factspan(cwd, 'export', '--out', 'exports/set.jsonl', '--split', 'train=0.8,dev=0.1,test=0.1', '--seed', '4', '--labels', 'metric,measure')
    expect(exported.stderr).toBe('')
    expect(exported.code).toBe(0)
    const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'exports', 'set.manifest.json'), 'utf8'))
    const [train, dev, test] = manifest.files
    expect(exported.stdout).toBe(
      [
        `exports/set-train.jsonl: ${train.documents} documents, ${train.spans} spans (train)`,
        `exports/set-dev.jsonl: ${dev.documents} documents, ${dev.spans} spans (dev)`,
        `exports/set-test.jsonl: ${test.documents} documents, ${test.spans} spans (test)`,
        `exports/set.manifest.json: manifest of 100 documents (0 reviewed), ${manifest.total.spans} spans (native, every layer (the default while the project has no gold layer), seed 4)`,
        '',
      ].join('\n'),
    )
    expect([train.documents, dev.documents, test.documents]).toEqual([80, 10, 10])
    expect(Object.keys(train.labels)).toEqual(['metric', 'measure'])

    // A folder of exports imports again without its manifests.
    const reimported = factspan(cwd, 'import', 'exports', '--db', 'again.factspan')
    expect(reimported.stderr).toBe('')
    expect(reimported.stdout).toContain('set-train.jsonl: 80 documents')
  })

  it('refuses a bad split, status or seed with a message that says why', () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'in.jsonl'), datasetLines(3).join('\n'))
    factspan(cwd, 'import', 'in.jsonl')
    expect(factspan(cwd, 'export', '--out', 'x.jsonl', '--split', 'train=0.9,test=0.2').stderr).toBe('factspan: split "train=0.9,test=0.2": the ratios add up to 1.1, not 1\n')
    expect(factspan(cwd, 'export', '--out', 'x.jsonl', '--status', 'finished').stderr).toBe('factspan: --status: "finished" is not a status; the statuses are new, in_progress, done, reviewed\n')
    expect(factspan(cwd, 'export', '--out', 'x.jsonl', '--seed', '3').stderr).toBe('factspan: --seed only makes sense with --split\n')
    expect(filesIn(cwd).filter((f) => f.startsWith('x'))).toEqual([])
  })
})

describe.skipIf(!hasScript)('progress and Ctrl+C on a terminal', () => {
  let cwd: string
  beforeAll(() => {
    // Shared by the tests below, so made here rather than with tempDir, which empties after each test.
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-test-'))
    fs.writeFileSync(path.join(cwd, 'big.jsonl'), datasetLines(20_000).join('\n'))
    expect(factspan(cwd, 'import', 'big.jsonl').code).toBe(0)
  }, 60_000)
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }))

  it('draws a bar on stderr, clears it, and leaves stdout clean', async () => {
    const run = await onTerminal(cwd, ['export', '--out', 'set.jsonl', '--split', 'train=0.9,test=0.1'])
    expect(run.code).toBe(0)
    expect(run.shown).toMatch(/\r\x1b\[2Kexport \[█*░*\] +\d+% [\d,]+ documents/)
    // The bar is cleared at the end: the terminal's last line is empty.
    expect(run.shown.endsWith('\r\x1b[2K')).toBe(true)
    expect(run.stdout).toMatch(/^set-train\.jsonl: 18000 documents, \d+ spans \(train\)\nset-test\.jsonl: 2000 documents, \d+ spans \(test\)\nset\.manifest\.json: manifest of 20000 documents/)
    expect(run.stdout).not.toMatch(/[\r\x1b]/)
  })

  it('stops an export on Ctrl+C without leaving a file or a temporary file behind', async () => {
    const before = filesIn(cwd)
    const run = await onTerminal(cwd, ['export', '--out', 'stopped.jsonl', '--format', 'bio'], (shown) => /export \[█+/.test(shown))
    expect(run.code).toBe(130)
    expect(run.shown).toContain('export cancelled: nothing was written')
    expect(filesIn(cwd)).toEqual(before)
  })

  it('stops an import on Ctrl+C and leaves the project as it was', async () => {
    const stats = () => JSON.parse(factspan(cwd, 'stats', '--json').stdout)
    const before = stats()
    fs.writeFileSync(path.join(cwd, 'more.jsonl'), datasetLines(20_000).map((l) => l.replace(/"d0/g, '"m0')).join('\n'))
    const run = await onTerminal(cwd, ['import', 'more.jsonl'], (shown) => /import \[█*░*\] +\d+%/.test(shown))
    expect(run.code).toBe(130)
    expect(run.stdout).toBe('')
    expect(run.shown).toContain('error: more.jsonl: import cancelled: nothing of this file was imported')
    expect(stats()).toEqual(before)
  })
})
