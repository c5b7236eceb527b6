import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { dispatcher } from '../../src-main/bridge/dispatch'
import { checkArgs, UsageError } from '../../src-main/cli/contract'
import { argSchemas } from '../../src-main/shared/api'
import { runCli } from './cli-helpers'
import { newProject, tempDir } from './helpers'

// The rules as a user reads them, written out by hand: the CLI, the contract and the export dialog all say these words.
const SEED_RULE = 'the seed is a whole number from 0 to 4294967295'
const STATUS_RULE = '"finished" is not a status; the statuses are new, in_progress, done, reviewed'

/** A folder with a project of one document (with 𠮷 in its text) made by the CLI. */
function projectFolder(): string {
  const cwd = tempDir()
  fs.writeFileSync(path.join(cwd, 'in.jsonl'), JSON.stringify({ id: 'd1', text: '营收增长𠮷12%', spans: [{ start: 0, end: 2, label: 'metric' }] }) + '\n')
  expect(runCli(cwd, ['import', 'in.jsonl']).code).toBe(0)
  return cwd
}

describe('the CLI checks its arguments by the contract', () => {
  it('refuses a bad --seed with the rule the contract gives, naming the option, with exit code 2', async () => {
    const cwd = projectFolder()
    for (const seed of ['-1', '1.5', 'abc', '4294967296']) {
      const run = runCli(cwd, ['export', '--out', 'x.jsonl', '--split', 'train=0.5,test=0.5', '--seed', seed])
      expect(run.stderr).toBe(`factspan: --seed "${seed}": ${SEED_RULE}\n`)
      expect(run.code).toBe(2)
    }
    expect(fs.readdirSync(cwd).filter((f) => f.startsWith('x'))).toEqual([])

    // The same rule, through the dispatcher as the app calls it.
    const { service } = newProject()
    const answer = await dispatcher(service)('export.preview', { format: 'native', split: [{ name: 'train', ratio: 1 }], seed: 4294967296 })
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid-arguments')
      expect(answer.error.message).toContain(SEED_RULE)
    }
  })

  it('takes the largest seed and the smallest, as the contract does', () => {
    const cwd = projectFolder()
    for (const seed of ['0', '4294967295']) {
      const run = runCli(cwd, ['export', '--out', `s${seed}.jsonl`, '--split', 'train=0.5,test=0.5', '--seed', seed])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`seed ${seed})`)
    }
  })

  it('refuses splits whose shares do not add up to 1 by one rule, in the CLI and in the contract', async () => {
    const cwd = projectFolder()
    const run = runCli(cwd, ['export', '--out', 'x.jsonl', '--split', 'train=0.9,test=0.2'])
    expect(run.stderr).toBe('factspan: split "train=0.9,test=0.2": the ratios add up to 1.1, not 1\n')
    expect(run.code).toBe(2)

    const { service } = newProject()
    const answer = await dispatcher(service)('export.preview', { format: 'native', split: [{ name: 'train', ratio: 0.9 }, { name: 'test', ratio: 0.2 }] })
    expect(answer.ok ? '' : answer.error.message).toContain('the ratios add up to 1.1, not 1')
    const twice = await dispatcher(service)('export.preview', { format: 'native', split: [{ name: 'a', ratio: 0.5 }, { name: 'a', ratio: 0.5 }] })
    expect(twice.ok ? '' : twice.error.message).toContain('a is named twice')
  })

  it('refuses an unknown status in the words of the contract', async () => {
    const cwd = projectFolder()
    const run = runCli(cwd, ['export', '--out', 'x.jsonl', '--status', 'done,finished'])
    expect(run.stderr).toBe(`factspan: --status: ${STATUS_RULE}\n`)
    expect(run.code).toBe(2)

    const { service } = newProject()
    const answer = await dispatcher(service)('export.preview', { format: 'native', status: ['done', 'finished'] as never })
    expect(answer.ok ? '' : answer.error.message).toContain(STATUS_RULE)
  })

  it('asks the contract for agreement: a bad annotator name is refused by its schema, naming --annotators', () => {
    const cwd = projectFolder()
    const run = runCli(cwd, ['agreement', '--annotators', 'alice,b\u0007ob'])
    expect(run.stderr).toBe('factspan: --annotators: must not contain control characters or lone surrogates\n')
    expect(run.code).toBe(2)
  })

  it('answers stats through the contract as before', () => {
    const cwd = projectFolder()
    const run = runCli(cwd, ['stats', '--json'])
    expect(run.code).toBe(0)
    // One document imported with one span of metric by the settings' annotator.
    expect(JSON.parse(run.stdout)).toMatchObject({ documents: 1, spans: 1, byLabel: { metric: 1 } })
  })
})

describe('checkArgs', () => {
  const schema = z.object({ seed: z.number().max(9, 'at most 9'), textField: z.string().min(1, 'names a field') })

  it('names the option an argument came from, and quotes what was typed when asked to', () => {
    expect(() => checkArgs(schema, { seed: 10, textField: 'text' }, { seed: { option: '--seed', typed: '10' } })).toThrow(new UsageError('--seed "10": at most 9'))
    // Without a source, the option is the argument's name in kebab case.
    expect(() => checkArgs(schema, { seed: 1, textField: '' }, {})).toThrow(new UsageError('--text-field: names a field'))
  })

  it('returns what the schema makes of the arguments', () => {
    expect(checkArgs(argSchemas['merge.files'].pick({ annotator: true }), { annotator: '  ana𠮷 ' }, {})).toEqual({ annotator: 'ana𠮷' })
  })
})
