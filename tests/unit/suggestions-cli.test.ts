import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { runCli } from './cli-helpers'
import { tempDir, utf8 } from './helpers'
import { dateRecords, DATES, NEW_TEXT } from './suggestions-helpers'


/** A project with alice's dates finished and one new document, made as the app would. */
function projectFolder(): string {
  const cwd = tempDir()
  const { service, workspace } = createService({ settingsFile: path.join(cwd, 'settings.json'), projectPath: path.join(cwd, 'p.factspan'), createProject: true, retrainDelayMs: -1 })
  workspace.settings.setAnnotator('alice')
  importFiles(workspace.database(), [{ name: 'dates.jsonl', bytes: utf8(dateRecords().map((r) => JSON.stringify(r)).join('\n')) }], { annotator: 'alice' })
  for (const { id } of DATES.map((_, i) => ({ id: `d${i}` }))) service['documents.setDone']({ id, done: true })
  workspace.close()
  return cwd
}

describe('factspan suggest, model train, export --layer suggestions, import --as suggestions', () => {
  it('trains a model and prints its scores, writes suggestions with it and the rules, and exports them as spans', () => {
    const cwd = projectFolder()
    const trained = runCli(cwd, ['model', 'train', '--db', 'p.factspan', '--layer', 'alice', '--eval', '0.25', '--seed', '5', '--out', 'dates.fsmodel'])
    expect(trained.stderr).toBe('')
    expect(trained.code).toBe(0)
    expect(trained.stdout).toMatch(/^trained on 6 documents of the layer "alice", evaluated on 2 held out, in \d+\.\d s$/m)
    expect(trained.stdout).toMatch(/^label {2}precision {2}recall {2}f1 {5}support$/m)
    expect(trained.stdout).toMatch(/^date {3}\d\.\d{3} {6}\d\.\d{3} {3}\d\.\d{3} {2}2$/m)
    expect(trained.stdout).toMatch(/^micro {2}\d\.\d{3} {6}\d\.\d{3} {3}\d\.\d{3}$/m)
    expect(fs.statSync(path.join(cwd, 'dates.fsmodel')).size).toBeGreaterThan(100)

    const suggested = runCli(cwd, ['suggest', '--db', 'p.factspan', '--sources', 'rules,model', '--status', 'new'])
    expect(suggested.code).toBe(0)
    expect(suggested.stdout).toContain('1 documents, suggestions written: 1 from rule, 1 from model')

    const exported = runCli(cwd, ['export', '--db', 'p.factspan', '--layer', 'suggestions', '--status', 'new', '--format', 'doccano', '--out', 's.jsonl'])
    expect(exported.code).toBe(0)
    // doccano counts UTF-16 units: 𠮷 takes two, so 5月20日 is 4–9; the rule's and the model's suggestion are one span.
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 's.jsonl'), 'utf8'))).toMatchObject({ text: NEW_TEXT, label: [[4, 9, 'date']] })
    // The suggestions are nobody's spans.
    const plain = runCli(cwd, ['export', '--db', 'p.factspan', '--layer', 'all', '--status', 'new', '--format', 'doccano', '--out', 'all.jsonl'])
    expect(plain.code).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'all.jsonl'), 'utf8')).label).toEqual([])
  })

  it('writes suggestions with a model file given by --model, and refuses a file that is not a model, naming it', () => {
    const cwd = projectFolder()
    expect(runCli(cwd, ['model', 'train', '--db', 'p.factspan', '--layer', 'alice', '--eval', '0', '--out', 'm.fsmodel']).stdout).toContain('nothing was held out')
    const other = projectFolder()
    fs.copyFileSync(path.join(cwd, 'm.fsmodel'), path.join(other, 'm.fsmodel'))
    const suggested = runCli(other, ['suggest', '--db', 'p.factspan', '--sources', 'model', '--model', 'm.fsmodel'])
    expect(suggested.code).toBe(0)
    expect(suggested.stdout).toMatch(/9 documents, suggestions written: \d+ from model/)
    fs.writeFileSync(path.join(other, 'notes.fsmodel'), 'not a model')
    const refused = runCli(other, ['suggest', '--db', 'p.factspan', '--model', 'notes.fsmodel'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('notes.fsmodel: not a Factspan tagger model')
    expect(runCli(other, ['suggest', '--db', 'p.factspan', '--sources', 'rules,magic']).stderr).toContain('--sources: "magic" is not a source; the sources are rule, dictionary, model')
    expect(runCli(other, ['model', 'train', '--db', 'p.factspan', '--layer', 'bob', '--out', 'b.fsmodel']).stderr).toContain('No finished document has spans in the layer "bob"')
  })

  it('imports a doccano file as suggestions: counted as such, and no span is made', () => {
    const cwd = projectFolder()
    fs.writeFileSync(path.join(cwd, 'predicted.jsonl'), `${JSON.stringify({ text: '😀截至2月25日', label: [[4, 9, 'date']] })}\n`)
    const imported = runCli(cwd, ['import', 'predicted.jsonl', '--db', 'p.factspan', '--format', 'doccano', '--as', 'suggestions'])
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toContain('predicted.jsonl: 1 documents, 0 spans, 1 suggestions imported')
    const stats = JSON.parse(runCli(cwd, ['stats', '--db', 'p.factspan', '--json']).stdout)
    expect(stats).toMatchObject({ documents: 10, spans: 8 })
    const exported = runCli(cwd, ['export', '--db', 'p.factspan', '--layer', 'suggestions', '--format', 'native', '--out', 's.jsonl'])
    expect(exported.code).toBe(0)
    const records = fs.readFileSync(path.join(cwd, 's.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    // 😀 is one code point: 2月25日 at 3–8.
    expect(records.filter((r) => r.spans.length > 0).map((r) => r.spans)).toEqual([[{ start: 3, end: 8, label: 'date', text: '2月25日', annotator: 'suggestions' }]])
  })
})
