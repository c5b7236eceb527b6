import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpBridge, type HttpBridge } from '../../src-main/bridge/http'
import { importFiles } from '../../src-main/service/import'
import { argSchemas, methodNames, type Method, type Result } from '../../src-main/shared/api'
import { createService } from '../../src-main/service'
import { utf8 } from './helpers'

// Every method of the contract gets arbitrary arguments through the real HTTP bridge. Half are any JSON at all;
// the other half have the schema's shape with hostile contents (NUL, lone surrogates, huge numbers, paths that
// climb, ids that exist and ids that do not), so they pass validation and reach the service. The answer must be a
// value, a validation error or a domain error, never 'internal', and the server must go on serving.

const RUNS = Number(process.env.FACTSPAN_FUZZ_RUNS ?? 40)
const LONE_SURROGATES = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit))

let bridge: HttpBridge
let project: ReturnType<typeof createService> & { dir: string; file: string }
let hostilePaths: string[]

beforeAll(async () => {
  // Its own folder, not tempDir(): that one is removed after each test, and this project serves them all.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-fuzz-'))
  const file = path.join(dir, 'fuzz.factspan')
  project = { ...createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: file, createProject: true }), dir, file }
  project.workspace.settings.setAnnotator('fuzzer')
  const db = project.workspace.database()
  const text = JSON.stringify({ id: 'd1', text: '𠮷野家2月25日营收增长5%😀', spans: [{ start: 3, end: 8, label: 'date' }] })
  importFiles(db, [{ name: 'd.jsonl', bytes: utf8(`${text}\n${JSON.stringify({ id: 'd2', text: '杭州高新区(滨江)' })}`) }], { annotator: 'fuzzer' })
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a project')
  fs.writeFileSync(path.join(dir, 'notes.factspan'), 'not a project either')
  fs.writeFileSync(path.join(dir, 'empty.factspan'), '')
  fs.mkdirSync(path.join(dir, 'folder.factspan'))
  hostilePaths = [
    path.join(dir, 'notes.txt'),
    path.join(dir, 'notes.factspan'),
    path.join(dir, 'empty.factspan'),
    path.join(dir, 'folder.factspan'),
    path.join(dir, 'missing', 'deep.factspan'),
    path.join(dir, 'fresh.factspan'),
    path.join(dir, '..', path.basename(dir), 'fuzz.factspan'),
    `${dir}/\0.factspan`,
  ]
  bridge = await startHttpBridge({ service: project.service, workspace: project.workspace, staticDir: path.join(import.meta.dirname, '..', '..', 'out', 'renderer'), token: 't' })
})

afterAll(async () => {
  await bridge.close()
  project.workspace.close()
  fs.rmSync(project.dir, { recursive: true, force: true })
})

async function call(method: string, body: string): Promise<Result<unknown>> {
  const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, { method: 'POST', headers: { 'x-factspan-token': 't', 'content-type': 'application/json' }, body })
  return (await response.json()) as Result<unknown>
}

const PLAUSIBLE = ['d1', 'd2', 'metric', 'date', 'organization', 'measure', 'fuzzer', 'gold', 'all', 'train', 'x', '', '#f59e0b', 'open', 'create', 'native', 'bio', 'brat', 'done', 'new']

function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: fc.oneof(LONE_SURROGATES, fc.constantFrom('a', '\0', '𠮷')), maxLength: 6 }),
    fc.constantFrom(' ', '\0', 'a\0b', 'metric\0', '\ud800', 'x\udc00', '𠮷', '😀', 'GOLD', ' gold ', '__proto__', 'constructor', 'toString'),
    fc.constantFrom('../../etc/passwd', '..\\..\\win.ini', '/etc/passwd', 'C:\\x', 'x'.repeat(5000), '\u202e\u200b', 'a/b', '#fff', 'red', '\n', '\t'),
  )
}

/** The bytes of a file to import: real texts with traps in them, or noise. */
function fileBytes(): fc.Arbitrary<string> {
  const texts = fc.constantFrom(
    '<script>alert(1)</script>',
    '杭州𠮷\0野家',
    JSON.stringify({ id: 'd1', text: 'other text' }),
    JSON.stringify({ id: 'n', text: '𠮷野家', spans: [{ start: 0, end: 9, label: 'x' }] }),
    JSON.stringify({ id: 'n', text: '\ud800', spans: [] }),
    '[{"data":{"text":"a"},"annotations":[{"result":[{"value":{"start":-1,"end":1e308,"labels":["x"]}}]}]}]',
    'T1\tdate 0 99\tnope\n',
    '杭\tB-org\n州\tI-date\n',
    'SQLite format 3\0',
  )
  return fc.oneof(texts.map((t) => Buffer.from(t).toString('base64')), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('base64')), hostileString())
}

/** Mostly values the service accepts, so calls get past validation, with hostile ones mixed in. */
function leaf<T>(plausible: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: hostile, weight: 1 })
}

const PLAUSIBLE_BY_KEY: Record<string, string[]> = {
  color: ['#f59e0b', '#123456', '#ABCDEF'],
  hotkey: ['', 'x', '1', '9', 'a', 'l', 'Q'],
  description: ['', '日期', '<img src=x onerror=alert(1)>'],
  createdAt: ['2020-02-25T00:00:00.000Z', 'yesterday'],
  annotator: ['fuzzer', 'bob', 'gold'],
  jobId: ['job-1', 'job-2'],
}

function stringFor(key: string): fc.Arbitrary<string> {
  if (key in PLAUSIBLE_BY_KEY) return leaf(fc.constantFrom(...PLAUSIBLE_BY_KEY[key]), hostileString())
  if (key === 'path') return leaf(fc.constantFrom(...hostilePaths), hostileString())
  if (key === 'base64') return fileBytes()
  if (key === 'name') return leaf(fc.constantFrom('a.txt', 'b.jsonl', 'c.json', 'd.ann', 'd.txt', 'e.bio', 'f.factspan', '../../outside.txt', '/abs/x.txt', 'metric', 'person'), hostileString())
  return leaf(fc.constantFrom(...PLAUSIBLE), hostileString())
}

function hostileNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-1, -0, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 0.5, Number.MIN_VALUE),
  )
}

/** Values of the schema's shape; `key` is the field's name, for fields whose plausible values are special. */
function shaped(schema: z.ZodType, key = '', depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def
  const inner = (field: string) => shaped(def[field] as z.ZodType, key, depth + 1)
  switch (def.type) {
    case 'string':
      return stringFor(key)
    case 'number':
      return leaf(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0.5, 1)), hostileNumber())
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return leaf(fc.constantFrom(...Object.values(def.entries as Record<string, string>)), hostileString())
    case 'optional':
      return fc.oneof({ arbitrary: inner('innerType'), weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 })
    case 'array':
      return fc.array(inner('element'), { maxLength: depth > 2 ? 1 : 4 })
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const fields = Object.fromEntries(Object.entries(shape).map(([field, value]) => [field, shaped(value, field, depth + 1)]))
      return leaf(fc.record(fields), fc.record(fields, { requiredKeys: [] }))
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

function argumentsFor(method: Method): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: shaped(argSchemas[method]).map((value) => JSON.stringify(value)), weight: 8 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: fc.constantFrom('null', '[]', '"x"', '1e999', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}'), weight: 1 },
  )
}

const tallies = new Map<string, Map<string, number>>()
function tally(method: string, answer: Result<unknown>) {
  const counts = tallies.get(method) ?? new Map<string, number>()
  const key = answer.ok ? 'ok' : answer.error.code
  counts.set(key, (counts.get(key) ?? 0) + 1)
  tallies.set(method, counts)
}
afterAll(() => {
  if (process.env.FACTSPAN_FUZZ_TALLY) for (const [method, counts] of tallies) console.log(method, JSON.stringify(Object.fromEntries(counts)))
})

describe('hostile API calls through the HTTP bridge', () => {
  for (const method of methodNames) {
    it(`${method}: every answer is a value or a clean refusal, and the server goes on serving`, async () => {
      await fc.assert(
        fc.asyncProperty(argumentsFor(method), async (body) => {
          const answer = await call(method, body)
          if (process.env.FACTSPAN_FUZZ_TALLY) tally(method, answer)
          if (!answer.ok) expect(answer.error.code, `${method} ${body.slice(0, 300)}: ${answer.error.message}`).not.toBe('internal')
        }),
        { numRuns: RUNS },
      )
      expect(await call('labels.list', '{}')).toMatchObject({ ok: true })
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      // A method that switched or closed the project leaves the next one its own.
      if (!project.workspace.isOpen || project.workspace.path !== project.file) project.workspace.open(project.file, false)
    })
  }
})
