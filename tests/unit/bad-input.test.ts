import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appProblem, cliProblem, factspan, importThroughApp, inTurns, projectHash, seedProject, type Refusal } from './bad-input-helpers'
import { ROOT, utf8 } from './helpers'

const BAD = path.join(ROOT, 'tests/fixtures/bad')

interface Case extends Refusal {
  class: 'encodings' | 'JSON' | 'spans' | 'files'
  /** Files the app must be given with it (a brat .ann's .txt); the CLI finds them itself. */
  with?: string[]
}

const { cases } = JSON.parse(fs.readFileSync(path.join(BAD, 'expected.json'), 'utf8')) as { cases: Case[] }

describe('the bad input corpus', () => {
  let pristine: string
  let hash: string
  let dir: string
  // One folder for all the cases, kept until the last test: each case works on its own copy of the project.
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bad-'))
    pristine = await seedProject(dir)
    hash = projectHash(pristine)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const copyOfProject = (name: string) => {
    const file = path.join(dir, `${name}.factspan`)
    fs.copyFileSync(pristine, file)
    return file
  }

  it('has at least 60 files, each in the table, several of each class', () => {
    const listed = cases.flatMap((c) => [c.file, ...(c.with ?? [])])
    const files = fs.readdirSync(BAD).filter((name) => !['make.py', 'expected.json'].includes(name))
    expect([...files].sort()).toEqual([...new Set(listed)].sort())
    expect(cases.length).toBeGreaterThanOrEqual(60)
    for (const kind of ['encodings', 'JSON', 'spans', 'files']) expect(cases.filter((c) => c.class === kind).length).toBeGreaterThanOrEqual(5)
  })

  it('hashes honestly: opening and closing the project changes nothing, and importing a good file changes the hash', async () => {
    const opened = copyOfProject('opened')
    const result = await importThroughApp(opened, path.join(dir, 'settings.json'), [])
    expect(result.ok).toBe(false)
    expect(projectHash(opened)).toBe(hash)
    const changed = copyOfProject('changed')
    const good = await importThroughApp(changed, path.join(dir, 'settings.json'), [{ name: 'good.jsonl', bytes: utf8('{"id": "new", "text": "新文章"}\n') }])
    expect(good.ok).toBe(true)
    expect(projectHash(changed)).not.toBe(hash)
  })

  it('refuses each through the CLI and the app with its file, line and reason, never crashes, and leaves the project byte-for-byte as it was', async () => {
    const outcomes = await inTurns(cases, 2, async (badCase) => {
      const cli = copyOfProject(`cli-${badCase.file}`)
      const run = await factspan(dir, 'import', path.join(BAD, badCase.file), '--db', cli)
      const app = copyOfProject(`app-${badCase.file}`)
      const files = [badCase.file, ...(badCase.with ?? [])].map((name) => ({ name, bytes: fs.readFileSync(path.join(BAD, name)) }))
      const answer = await importThroughApp(app, path.join(dir, `settings-${badCase.file}.json`), files)
      const problems = { cli: cliProblem(run, badCase), app: appProblem(answer, badCase) }
      return {
        file: badCase.file,
        problems,
        crashed: Object.values(problems).filter((p) => p?.startsWith('crashed')).length,
        changed: [cli, app].filter((file) => projectHash(file) !== hash).length,
      }
    })
    const tried = outcomes.length * 2
    const crashed = outcomes.reduce((n, o) => n + o.crashed, 0)
    const changed = outcomes.reduce((n, o) => n + o.changed, 0)
    console.log(`bad input corpus: ${outcomes.length} files, ${tried} imports tried (CLI and app), ${crashed} crashed, ${changed} changed the project`)
    expect(outcomes.filter((o) => o.problems.cli || o.problems.app)).toEqual([])
    expect({ crashed, changed }).toEqual({ crashed: 0, changed: 0 })
  }, 600_000)
})
