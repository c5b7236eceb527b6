import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AgreementReport } from '../../src-main/shared/agreementReport'
import { ROOT, tempDir } from './helpers'

const BIN = path.join(ROOT, 'bin', 'factspan.js')

/** Runs `factspan ...args` the way a user does, in its own folder and settings home. */
function factspan(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FACTSPAN_HOME: cwd } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A project where 王芳 and bob tag 𠮷野家 alike, the date one character apart, and only bob the figure. */
function projectOfTwo(): string {
  const cwd = tempDir()
  const spans = [
    { start: 0, end: 3, label: 'organization', annotator: '王芳' },
    { start: 3, end: 8, label: 'date', annotator: '王芳' },
    { start: 0, end: 3, label: 'organization', annotator: 'bob' },
    { start: 3, end: 7, label: 'date', annotator: 'bob' },
    { start: 8, end: 16, label: 'metric', annotator: 'bob' },
  ]
  fs.writeFileSync(path.join(cwd, 'layers.jsonl'), JSON.stringify({ id: 'd1', text: '𠮷野家2月25日复工率91.9%', spans }) + '\n')
  expect(factspan(cwd, 'import', 'layers.jsonl', '--db', 'review.factspan').code).toBe(0)
  // Agreement counts what both finished.
  for (const annotator of ['王芳', 'bob']) expect(factspan(cwd, 'status', '--db', 'review.factspan', '--set', 'done', '--annotator', annotator, 'd1').code).toBe(0)
  return cwd
}

describe('factspan agreement', () => {
  it('prints spans per annotator and a table of pairs × measures, overall and per label', () => {
    const cwd = projectOfTwo()
    const result = factspan(cwd, 'agreement', '--db', 'review.factspan')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('Agreement of bob, 王芳 over 1 document (16 characters)')
    expect(lines).toContain('spans  metric  measure  organization  date  total')
    expect(lines).toContain('王芳        0        0             1     1      2')
    expect(result.stdout).toMatch(/^overall +F1 exact +F1 overlap +kappa +alpha_U$/m)
    // Organization: the same span on both sides.
    expect(result.stdout).toMatch(/^organization[^\n]*\nbob × 王芳 +1\.000 +1\.000 +1\.000 +1\.000$/m)
    // Date: no exact match, but an overlap.
    expect(result.stdout).toMatch(/^date[^\n]*\nbob × 王芳 +0\.000 +1\.000 +0\.\d{3} +0\.\d{3}$/m)
    // Nobody tagged a measure: nothing to measure.
    expect(result.stdout).toMatch(/^measure[^\n]*\nbob × 王芳 +— +— +— +—$/m)
  })

  it('prints the report as JSON with --json, for the annotators named', () => {
    const cwd = projectOfTwo()
    const result = factspan(cwd, 'agreement', '--db', 'review.factspan', '--annotators', '王芳, bob', '--json')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as AgreementReport
    expect(report.annotators).toEqual(['王芳', 'bob'])
    expect(report.characters).toBe(16)
    // 王芳 is the reference: one of bob's three spans is hers, one of her two is bob's.
    const { precision, recall, f1 } = report.pairs[0].overall.exactF1
    expect([precision, recall, f1].map((x) => x!.toFixed(6))).toEqual(['0.333333', '0.500000', '0.400000'])
    expect(report.pairs[0].labels.measure.cohenKappa).toBeNull()
  })

  it('refuses an annotator the project does not have, naming the ones it has', () => {
    const cwd = projectOfTwo()
    const result = factspan(cwd, 'agreement', '--db', 'review.factspan', '--annotators', 'bob,nobody')
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('no spans by "nobody" in this project; its annotators are "bob", "王芳"')
    expect(result.stdout).toBe('')
  })

  it('says there is nothing to compare with a single annotator', () => {
    const cwd = projectOfTwo()
    const result = factspan(cwd, 'agreement', '--db', 'review.factspan', '--annotators', 'bob')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Fewer than two annotators: nothing to compare.')
  })
})
