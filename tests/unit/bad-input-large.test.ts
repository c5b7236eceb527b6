import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appProblem, cliProblem, factspan, importThroughApp, projectHash, seedProject, type Refusal } from './bad-input-helpers'

// Made here, never committed: a 200 MB file has no place in the repository.
const MB = 1024 * 1024
const SENTENCE = '杭州高新区(滨江)发布惠企28条，截至2月25日企业复工率91.9%，𠮷野家复工😀。'

/** A native JSONL line whose text repeats the sentence to about `bytes` of UTF-8. */
function documentLine(id: string, bytes: number): string {
  const text = SENTENCE.repeat(Math.ceil(bytes / Buffer.byteLength(SENTENCE)))
  return JSON.stringify({ id, text, spans: [{ start: 0, end: 9, label: 'organization', text: '杭州高新区(滨江)' }] })
}

/** Writes a file of `lines` made one at a time, so the test never holds 200 MB in memory as one string. */
function writeLines(file: string, count: number, line: (i: number) => string): void {
  const fd = fs.openSync(file, 'w')
  try {
    for (let i = 0; i < count; i++) fs.writeSync(fd, line(i) + '\n')
  } finally {
    fs.closeSync(fd)
  }
}

describe('bad input too large to keep in the repository', () => {
  let dir: string
  let pristine: string
  let hash: string
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-large-'))
    pristine = await seedProject(dir)
    hash = projectHash(pristine)
  })
  const tally = { files: 0, crashed: 0, changed: 0 }
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
    console.log(`large bad inputs: ${tally.files} files, ${tally.files * 2} imports tried (CLI and app), ${tally.crashed} crashed, ${tally.changed} changed the project`)
  })

  /** Imports one generated file both ways a user can, and returns what went wrong, with whether the project changed. */
  async function tryBoth(name: string, expected: Refusal) {
    const cli = path.join(dir, `cli-${name}.factspan`)
    const app = path.join(dir, `app-${name}.factspan`)
    fs.copyFileSync(pristine, cli)
    fs.copyFileSync(pristine, app)
    const run = await factspan(dir, 'import', path.join(dir, name), '--db', cli)
    const answer = await importThroughApp(app, path.join(dir, 'settings.json'), [{ name, bytes: fs.readFileSync(path.join(dir, name)) }])
    const outcome = { cli: cliProblem(run, expected), app: appProblem(answer, expected), changed: [cli, app].filter((file) => projectHash(file) !== hash).length }
    tally.files++
    tally.crashed += [outcome.cli, outcome.app].filter((problem) => problem?.startsWith('crashed')).length
    tally.changed += outcome.changed
    return outcome
  }

  it('refuses a malformed 10,000th line, keeping none of the 9,999 before it', async () => {
    writeLines(path.join(dir, 'line-10000.jsonl'), 10_000, (i) => (i === 9_999 ? '{"id": "last", "text": "截至2月25日",' : documentLine(`d${i}`, 200)))
    expect(await tryBoth('line-10000.jsonl', { file: 'line-10000.jsonl', line: 10_000, reason: 'malformed JSON' })).toEqual({ cli: undefined, app: undefined, changed: 0 })
  }, 300_000)

  it('refuses 10 MB single lines that are cut off, have a Latin-1 byte at their end, or a lone surrogate in their text', async () => {
    const long = documentLine('long', 10 * MB)
    fs.writeFileSync(path.join(dir, 'long-cut.jsonl'), long.slice(0, -2))
    const latin1 = Buffer.concat([Buffer.from(documentLine('short', 100) + '\n'), Buffer.from(long.slice(0, -3)), Buffer.from([0xe9]), Buffer.from('"}]}\n')])
    fs.writeFileSync(path.join(dir, 'long-latin1.jsonl'), latin1)
    fs.writeFileSync(path.join(dir, 'long-surrogate.jsonl'), long.replace('"text":"杭州', '"text":"\\ud800杭州') + '\n')
    const badByte = latin1.lastIndexOf(0xe9)
    expect(badByte).toBeGreaterThan(10 * MB)
    expect(await tryBoth('long-cut.jsonl', { file: 'long-cut.jsonl', line: 1, reason: 'malformed JSON' })).toEqual({ cli: undefined, app: undefined, changed: 0 })
    expect(await tryBoth('long-latin1.jsonl', { file: 'long-latin1.jsonl', line: 2, reason: `not valid UTF-8 at byte ${badByte}` })).toEqual({ cli: undefined, app: undefined, changed: 0 })
    expect(await tryBoth('long-surrogate.jsonl', { file: 'long-surrogate.jsonl', line: 1, reason: 'text has a lone surrogate \\ud800 at offset 0' })).toEqual({
      cli: undefined,
      app: undefined,
      changed: 0,
    })
  }, 300_000)

  it('imports a good 10 MB line: the refusals above are for what is wrong, not for size', async () => {
    fs.writeFileSync(path.join(dir, 'long-good.jsonl'), documentLine('long', 10 * MB) + '\n')
    const run = await factspan(dir, 'import', path.join(dir, 'long-good.jsonl'), '--db', path.join(dir, 'good.factspan'))
    // Nothing but the progress lines a slow machine gets every 5 s: no warning, no refusal.
    expect(run.stderr.split('\n').filter((line) => line !== '' && !/^import: \d+%/.test(line))).toEqual([])
    expect(run.stdout).toContain('long-good.jsonl: 1 documents, 1 spans imported')
  }, 300_000)

  it('refuses a 200 MB text file, more than one document holds, and a 200 MB JSONL file whose last line is broken', async () => {
    const chunk = `${SENTENCE}\n`.repeat(Math.ceil(MB / Buffer.byteLength(SENTENCE)))
    writeLines(path.join(dir, 'huge.txt'), 200, () => chunk)
    expect(fs.statSync(path.join(dir, 'huge.txt')).size).toBeGreaterThan(200 * MB)
    expect(await tryBoth('huge.txt', { file: 'huge.txt', line: 1, reason: 'more text than one document holds (at most 10,000,000 characters)' })).toEqual({
      cli: undefined,
      app: undefined,
      changed: 0,
    })
    fs.rmSync(path.join(dir, 'huge.txt'))
    // Documents of 60 KB: 3,400 of them reach 200 MB.
    const count = Math.ceil((200 * MB) / Buffer.byteLength(documentLine('d0', 60_000)))
    writeLines(path.join(dir, 'huge.jsonl'), count + 1, (i) => (i === count ? '{"id": "last"' : documentLine(`d${i}`, 60_000)))
    expect(fs.statSync(path.join(dir, 'huge.jsonl')).size).toBeGreaterThan(200 * MB)
    expect(await tryBoth('huge.jsonl', { file: 'huge.jsonl', line: count + 1, reason: 'malformed JSON' })).toEqual({ cli: undefined, app: undefined, changed: 0 })
  }, 600_000)
})
