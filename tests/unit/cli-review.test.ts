import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { ROOT, tempDir } from './helpers'

const BIN = path.join(ROOT, 'bin', 'factspan.js')
const TEXT = '😀截至2月25日，复工率91.9%'

function factspan(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FACTSPAN_HOME: cwd } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function writeLines(file: string, records: object[]): void {
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
}

describe('factspan merge and export of the gold layer', () => {
  it('merges a project file and a JSONL export, reports counts, and changes nothing the second time', () => {
    const cwd = tempDir()
    writeLines(path.join(cwd, 'alice.jsonl'), [{ id: 'd1', text: TEXT, spans: [{ start: 3, end: 8, label: 'date', annotator: 'alice' }] }])
    expect(factspan(cwd, 'import', 'alice.jsonl', '--db', 'alice.factspan').code).toBe(0)
    writeLines(path.join(cwd, 'bob.jsonl'), [{ id: 'd1', text: TEXT, spans: [{ start: 3, end: 8, label: 'date' }, { start: 9, end: 17, label: 'metric' }] }])

    const first = factspan(cwd, 'merge', 'alice.factspan', 'bob.jsonl', '--annotator', 'bob', '--db', 'review.factspan')
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('alice.factspan: alice — documents: 0 matched, 1 added; spans: 1 added, 0 already present')
    expect(first.stdout).toContain('bob.jsonl: bob — documents: 1 matched, 0 added; spans: 2 added, 0 already present')

    const again = factspan(cwd, 'merge', 'alice.factspan', 'bob.jsonl', '--annotator', 'bob', '--db', 'review.factspan')
    expect(again.stdout).toContain('alice.factspan: alice — documents: 1 matched, 0 added; spans: 0 added, 1 already present')
    expect(again.stdout).toContain('bob.jsonl: bob — documents: 1 matched, 0 added; spans: 0 added, 2 already present')
    expect(JSON.parse(factspan(cwd, 'stats', '--db', 'review.factspan', '--json').stdout)).toMatchObject({ spans: 3, annotators: ['alice', 'bob'] })
  })

  it('reports a conflicting document on stderr with file, document and reason, and exits non-zero', () => {
    const cwd = tempDir()
    writeLines(path.join(cwd, 'mine.jsonl'), [{ id: 'd1', text: TEXT }])
    expect(factspan(cwd, 'import', 'mine.jsonl', '--db', 'review.factspan').code).toBe(0)
    writeLines(path.join(cwd, 'theirs.jsonl'), [{ id: 'd1', text: TEXT + '。', spans: [{ start: 3, end: 8, label: 'date', annotator: 'carol' }] }])
    const result = factspan(cwd, 'merge', 'theirs.jsonl', '--db', 'review.factspan')
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/^not merged: theirs\.jsonl:1: document "d1": the project has a different text under this id/m)
    expect(JSON.parse(factspan(cwd, 'stats', '--db', 'review.factspan', '--json').stdout).spans).toBe(0)
  })

  it('exports the gold layer by default once there is one, says so, and still exports an annotator or every layer on request', () => {
    const cwd = tempDir()
    writeLines(path.join(cwd, 'both.jsonl'), [
      {
        id: 'd1',
        text: TEXT,
        spans: [
          { start: 3, end: 8, label: 'date', annotator: 'alice' },
          { start: 3, end: 8, label: 'date', annotator: 'bob' },
        ],
      },
    ])
    expect(factspan(cwd, 'merge', 'both.jsonl', '--db', 'review.factspan').code).toBe(0)
    const before = factspan(cwd, 'export', '--db', 'review.factspan', '--out', 'all.jsonl')
    expect(before.stdout).toContain('all.jsonl: 1 documents (0 reviewed), 2 spans (native, every layer (the default while the project has no gold layer))')

    // The reviewer accepts the date into gold, as the compare view does.
    const { service, workspace } = createService({ settingsFile: path.join(cwd, 'settings.json'), projectPath: path.join(cwd, 'review.factspan') })
    service['review.editGold']({ documentId: 'd1', add: [{ start: 3, end: 8, label: 'date' }], remove: [] })
    service['review.setReviewed']({ id: 'd1', reviewed: true })
    workspace.close()

    const gold = factspan(cwd, 'export', '--db', 'review.factspan', '--out', 'gold.jsonl')
    expect(gold.code).toBe(0)
    expect(gold.stdout).toContain('gold.jsonl: 1 documents (1 reviewed), 1 spans (native, the gold layer (the default once a project has one')
    const line = JSON.parse(fs.readFileSync(path.join(cwd, 'gold.jsonl'), 'utf8'))
    expect(line.spans).toEqual([{ start: 3, end: 8, label: 'date', text: '2月25日', annotator: 'gold' }])

    expect(factspan(cwd, 'export', '--db', 'review.factspan', '--annotator', 'alice', '--out', 'alice.jsonl').stdout).toContain("(native, alice's layer)")
    const doccano = factspan(cwd, 'export', '--db', 'review.factspan', '--layer', 'gold', '--format', 'doccano', '--out', 'gold-doccano.jsonl')
    expect(doccano.stdout).toContain('(doccano, the gold layer)')
    // doccano counts UTF-16 units: 😀 takes two.
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'gold-doccano.jsonl'), 'utf8')).label).toEqual([[4, 9, 'date']])
    expect(factspan(cwd, 'export', '--db', 'review.factspan', '--layer', 'all', '--out', 'every.jsonl').stdout).toContain('3 spans (native, every layer)')
  })
})
