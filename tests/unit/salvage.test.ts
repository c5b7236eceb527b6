import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { appPaths } from '../../src-main/service/paths'
import { createSampleProject, openLastOrSample } from '../../src-main/service/sample'
import { runCli } from './cli-helpers'
import { newProject, tempDir } from './helpers'

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** The five sample articles, each with a span on its first two characters, closed so all of it is in the file. */
function sampleWithSpans(): { file: string; dir: string } {
  const dir = tempDir()
  const file = path.join(dir, 'reports.factspan')
  const { service, workspace } = createService({ settingsFile: path.join(dir, 'settings.json') })
  createSampleProject(workspace, file, appPaths.corpus)
  workspace.settings.setAnnotator('alice')
  for (const { id } of service['documents.list']({})) service['spans.add']({ documentId: id, start: 0, end: 2, label: 'date' })
  workspace.close()
  return { file, dir }
}

/** Writes noise over the first overflow page of one article's text, as a failing disk would. */
function garbleOneArticle(file: string): void {
  const db = new Database(file, { readonly: true })
  const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'overflow' ORDER BY pageno LIMIT 1").pluck().get() as number
  db.close()
  const bytes = fs.readFileSync(file)
  for (let i = (page - 1) * 4096; i < page * 4096; i++) bytes[i] = (i * 7919) % 251
  fs.writeFileSync(file, bytes)
}

/** The sample articles' texts as the corpus files hold them (they have no CR, BOM or other encoding). */
function corpusTexts(): string[] {
  return fs.readdirSync(appPaths.corpus).map((name) => fs.readFileSync(path.join(appPaths.corpus, name), 'utf8'))
}

describe('salvaging a damaged project', () => {
  it('exports every document and span it can still read whole, leaves out the damaged one, and never writes to the file', () => {
    const { file, dir } = sampleWithSpans()
    garbleOneArticle(file)
    const damaged = sha256(file)

    const salvaged = runCli(dir, ['salvage', '--db', file, '--out', 'saved.jsonl'])
    expect(salvaged.stderr).toBe('')
    expect(salvaged.stdout).toBe(`saved.jsonl: 4 documents, 4 spans saved from ${file}\nleft out, as they cannot be read whole: 1 documents, 0 spans\n`)
    expect(sha256(file)).toBe(damaged)

    const lines = fs.readFileSync(path.join(dir, 'saved.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    expect(lines).toHaveLength(4)
    const texts = corpusTexts()
    for (const line of lines) {
      expect(texts).toContain(line.text)
      expect(line.spans).toEqual([{ start: 0, end: 2, label: 'date', text: [...line.text].slice(0, 2).join(''), annotator: 'alice' }])
    }
    // What was saved is a native export: it imports into a new project as it is.
    const imported = runCli(dir, ['import', 'saved.jsonl', '--db', 'new.factspan'])
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toContain('saved.jsonl: 4 documents, 4 spans imported')
  })

  it('is offered when a damaged project is opened from the command line', () => {
    const { file, dir } = sampleWithSpans()
    garbleOneArticle(file)
    const opened = runCli(dir, ['stats', '--db', file])
    expect(opened.code).toBe(1)
    expect(opened.stderr).toContain(`factspan salvage --db ${file} --out FILE.jsonl  exports what can still be read, as native JSONL`)
  })

  it('is told to the app once when the last project turns out damaged at start, and the sample opens instead', () => {
    const { file, dir } = sampleWithSpans()
    garbleOneArticle(file)
    const { service, workspace } = createService({ settingsFile: path.join(dir, 'settings.json') })
    openLastOrSample(workspace, path.join(dir, 'sample.factspan'), appPaths.corpus)
    const first = service['project.info']({})
    expect(first.path).toBe(path.join(dir, 'sample.factspan'))
    expect(first.reopenFailed).toMatchObject({ path: file, code: 'corrupt' })
    expect(first.reopenFailed!.message).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')} is damaged \\(SQLite's check of its pages found: `))
    expect(service['project.info']({}).reopenFailed).toBeUndefined()
    workspace.close()
  })

  it('gives the app the readable part to download', () => {
    const { file } = sampleWithSpans()
    garbleOneArticle(file)
    // Another project is open; the damaged one is named by its path, as the project dialog does.
    const { service } = newProject()
    const salvage = service['project.salvage']({ path: file })
    expect(salvage).toMatchObject({ fileName: 'reports-salvaged.jsonl', documents: 4, spans: 4, skippedDocuments: 1, skippedSpans: 0 })
    expect(salvage.content.trim().split('\n')).toHaveLength(4)
  })

  it('says so when nothing can be read, and writes no file', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'noise.factspan'), Buffer.alloc(8192, 7))
    const salvaged = runCli(dir, ['salvage', '--db', 'noise.factspan', '--out', 'saved.jsonl'])
    expect(salvaged.code).toBe(1)
    expect(salvaged.stderr).toBe(`factspan: ${path.join(dir, 'noise.factspan')}: nothing can be read: file is not a database\n`)
    expect(fs.readdirSync(dir)).toEqual(['noise.factspan'])
  })
})
