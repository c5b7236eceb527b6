import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli-helpers'
import { tempDir } from './helpers'

// 😀 is outside the BMP: the CLI must count it as one code point.
const lines = [
  { id: 'd1', text: '😀截至2月25日', spans: [{ start: 3, end: 8, label: 'date', annotator: 'alice' }, { start: 3, end: 8, label: 'date', annotator: 'bob' }] },
  { id: 'd2', text: '复工率91.9%', spans: [{ start: 0, end: 3, label: 'metric', annotator: 'alice' }, { start: 0, end: 3, label: 'metric', annotator: 'bob' }] },
  { id: 'd3', text: '𠮷野家', spans: [{ start: 0, end: 3, label: 'organization', annotator: 'bob' }] },
]

function teamFolder(): string {
  const cwd = tempDir()
  fs.writeFileSync(path.join(cwd, 'team.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  expect(runCli(cwd, ['import', 'team.jsonl', '--db', 'team.factspan']).code).toBe(0)
  return cwd
}

describe('factspan status', () => {
  it('sets one annotator’s status of documents and lists everyone’s, as text and JSON', () => {
    const cwd = teamFolder()
    const set = runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', '--annotator', 'alice', 'd1', 'd2'])
    expect(set.stderr).toBe('')
    expect(set.stdout).toBe('alice: 2 documents marked done\n')
    expect(runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'in-progress', '--annotator', 'bob', 'd3']).stdout).toBe('bob: 1 document marked in progress\n')

    const listed = runCli(cwd, ['status', '--db', 'team.factspan'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toBe(['document  alice  bob', 'd1        done   in progress', 'd2        done   in progress', 'd3        new    in progress', ''].join('\n'))

    const json = JSON.parse(runCli(cwd, ['status', '--db', 'team.factspan', '--annotator', 'alice', '--json']).stdout)
    expect(json.annotators).toEqual(['alice'])
    expect(json.documents.map((d: { documentId: string; statuses: object }) => [d.documentId, d.statuses])).toEqual([
      ['d1', { alice: 'done' }],
      ['d2', { alice: 'done' }],
      ['d3', { alice: 'new' }],
    ])
  })

  it('refuses the gold layer, an unknown document, a status it does not know and --set without --annotator, changing nothing', () => {
    const cwd = teamFolder()
    const gold = runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', '--annotator', 'gold', 'd1'])
    expect(gold.code).toBe(1)
    expect(gold.stderr).toMatch(/gold layer has no status of its own/)
    const unknown = runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', '--annotator', 'alice', 'd1', 'nope'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/No document "nope" in this project: no status was changed/)
    expect(runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'finished', '--annotator', 'alice', 'd1']).stderr).toMatch(/Allowed choices are done, in-progress, new/)
    expect(runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', 'd1']).stderr).toMatch(/--set needs --annotator NAME/)
    expect(runCli(cwd, ['status', '--db', 'team.factspan', '--annotator', 'alice']).stdout).toContain('d1        in progress')
  })
})

describe('factspan agreement and stats on a team’s finished work', () => {
  it('counts only finished documents, lists those left out, and --all-documents counts them all', () => {
    const cwd = teamFolder()
    runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', '--annotator', 'alice', 'd1', 'd2'])
    runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', '--annotator', 'bob', 'd1', 'd2', 'd3'])
    const finished = runCli(cwd, ['agreement', '--db', 'team.factspan'])
    expect(finished.code).toBe(0)
    expect(finished.stdout).toContain('Agreement of alice, bob over 2 documents')
    expect(finished.stdout).toContain('2 counted: finished by every annotator compared; 1 left out:\n  d3: alice has not finished')
    const all = JSON.parse(runCli(cwd, ['agreement', '--db', 'team.factspan', '--all-documents', '--json']).stdout)
    expect(all).toMatchObject({ documents: 3, allDocuments: true, leftOut: [] })
  })

  it('stats gives statuses, spans per label per annotator, finished over time and agreement per label, as text and JSON', () => {
    const cwd = teamFolder()
    runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', '--annotator', 'alice', 'd1', 'd2'])
    runCli(cwd, ['status', '--db', 'team.factspan', '--set', 'done', '--annotator', 'bob', 'd1', 'd2', 'd3'])
    const today = new Date().toISOString().slice(0, 10)
    const { team } = JSON.parse(runCli(cwd, ['stats', '--db', 'team.factspan', '--json']).stdout)
    expect(team.annotators).toEqual(['alice', 'bob'])
    expect(team.byStatus).toEqual({ alice: { new: 1, in_progress: 0, done: 2 }, bob: { new: 0, in_progress: 0, done: 3 } })
    expect(team.spansByLabel.bob).toEqual({ metric: 1, measure: 0, organization: 1, date: 1 })
    expect(team.finishedOverTime).toEqual([{ day: today, finished: { alice: 2, bob: 3 } }])
    // d1 and d2: the same date and the same metric, so both labels agree fully.
    expect(team.agreement).toMatchObject({ counted: 2, leftOut: 1, labels: { date: { overlapF1: 1 }, metric: { overlapF1: 1 } } })

    const text = runCli(cwd, ['stats', '--db', 'team.factspan']).stdout
    expect(text).toContain('documents by status\n  annotator  new  in progress  done\n  alice        1            0     2\n  bob          0            0     3')
    expect(text).toContain(`  ${today}      2    3`)
    expect(text).toContain('agreement per label on finished documents (2 counted, 1 left out: not finished by every annotator)')
  })
})
