import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportDataset } from '../../src-main/service/datasetExport'
import { importFiles } from '../../src-main/service/import'
import { listDocuments } from '../../src-main/store/documents'
import { exportedText, newProject, ROOT, utf8 } from './helpers'

const SAMPLE = path.join(ROOT, 'tests/fixtures/native/sample.jsonl')
const CORPUS = path.join(ROOT, 'resources/corpus')

function readCorpus() {
  return fs.readdirSync(CORPUS).sort().map((name) => ({ name, bytes: fs.readFileSync(path.join(CORPUS, name)) }))
}

describe('import', () => {
  it('imports the sample articles as documents with titles from their headlines', () => {
    const { workspace } = newProject()
    const report = importFiles(workspace.database(), readCorpus(), { annotator: 'alice' })
    expect(report.errors).toEqual([])
    const docs = listDocuments(workspace.database(), 'alice')
    expect(docs.map((d) => d.id)).toEqual(fs.readdirSync(CORPUS).sort().map((n) => n.replace('.txt', '')))
    expect(docs[1].title).toBe('復工復產,濱江的誠意與信心')
    expect(docs.every((d) => d.status === 'new' && d.length > 1000)).toBe(true)
  })

  it('turns CRLF and CR into LF in plain text and drops a UTF-8 BOM', () => {
    const { service, workspace } = newProject()
    importFiles(workspace.database(), [{ name: 'crlf.txt', bytes: utf8('\uFEFF标题\r\n第二行\r第三行𠮷\n') }], { annotator: 'alice' })
    expect(service['documents.get']({ id: 'crlf' })).toMatchObject({ text: '标题\n第二行\n第三行𠮷\n', length: 12 })
  })

  it('keeps JSONL text exactly as given, CRLF included', () => {
    const { service, workspace } = newProject()
    importFiles(workspace.database(), [{ name: 'sample.jsonl', bytes: fs.readFileSync(SAMPLE) }], { annotator: 'alice' })
    expect((service['documents.get']({ id: 'crlf-kept' }) as { text: string }).text).toBe('第一行\r\n防疫惠企28条\r\n截至2月25日')
  })

  it('refuses a malformed JSONL file with its line and imports nothing of it, while the good files are kept', () => {
    const { workspace } = newProject()
    const good = fs.readFileSync(SAMPLE, 'utf8').split('\n')[0]
    const bad = `${good.replace('emoji-and-rare', 'first')}\n{"id": "second", "text": "半行\n`
    const report = importFiles(
      workspace.database(),
      [
        { name: 'bad.jsonl', bytes: utf8(bad) },
        { name: 'ok.txt', bytes: utf8('好的文本') },
      ],
      { annotator: 'alice' },
    )
    expect(report.errors).toHaveLength(1)
    expect(report.errors[0]).toMatchObject({ file: 'bad.jsonl', line: 2 })
    expect(report.errors[0].message).toMatch(/^bad\.jsonl:2: malformed JSON/)
    expect(listDocuments(workspace.database(), 'alice').map((d) => d.id)).toEqual(['ok'])
    expect(workspace.database().prepare('SELECT count(*) FROM spans').pluck().get()).toBe(0)
  })

  it('refuses a file with a NUL byte, naming its line', () => {
    const { workspace } = newProject()
    const report = importFiles(workspace.database(), [{ name: 'nul.txt', bytes: utf8('第一行\n第二\u0000行') }], { annotator: 'alice' })
    expect(report.errors[0].message).toMatch(/^nul\.txt:2: .*NUL/)
    expect(listDocuments(workspace.database(), 'alice')).toEqual([])
  })

  it('skips a document already present with the same text, and refuses one with the same id and another text', () => {
    const { workspace } = newProject()
    const db = workspace.database()
    importFiles(db, [{ name: 'a.txt', bytes: utf8('原文') }], { annotator: 'alice' })
    const again = importFiles(db, [{ name: 'a.txt', bytes: utf8('原文') }], { annotator: 'alice' })
    expect(again.imported[0]).toMatchObject({ documents: 0, skipped: 1 })
    const changed = importFiles(db, [{ name: 'a.txt', bytes: utf8('改过的原文') }], { annotator: 'alice' })
    expect(changed.errors[0].message).toBe('a.txt: document "a" is already in the project with a different text')
    expect(listDocuments(db, 'alice')).toHaveLength(1)
  })

  it('adds labels that arrive with imported spans to the label set', () => {
    const { service, workspace } = newProject()
    const line = JSON.stringify({ id: 'x', text: '张三在杭州', spans: [{ start: 0, end: 2, label: 'person' }] })
    const report = importFiles(workspace.database(), [{ name: 'x.jsonl', bytes: utf8(line) }], { annotator: 'carol' })
    expect(report.newLabels).toEqual(['person'])
    expect(service['project.info']({}).labels.map((l) => l.name)).toEqual(['metric', 'measure', 'organization', 'date', 'person'])
    expect(service['spans.list']({ documentId: 'x' })).toMatchObject([{ label: 'person', annotator: 'carol', text: '张三' }])
  })
})

describe('export', () => {
  it('native: importing an export into an empty project and exporting again gives the same file', async () => {
    const first = newProject()
    importFiles(first.workspace.database(), [{ name: 'sample.jsonl', bytes: fs.readFileSync(SAMPLE) }], { annotator: 'alice' })
    const exported = await exportedText(first.service, { format: 'native' })
    expect(exported).toBe(fs.readFileSync(SAMPLE, 'utf8'))

    const second = newProject()
    importFiles(second.workspace.database(), [{ name: 'again.jsonl', bytes: utf8(exported) }], { annotator: 'zed' })
    expect(await exportedText(second.service, { format: 'native' })).toBe(exported)
  })

  it('native: one annotator layer holds only their spans', async () => {
    const { service, workspace } = newProject()
    importFiles(workspace.database(), [{ name: 'sample.jsonl', bytes: fs.readFileSync(SAMPLE) }], { annotator: 'alice' })
    const first = JSON.parse((await exportedText(service, { format: 'native', annotator: 'bob' })).split('\n')[0])
    expect(first.spans).toEqual([{ start: 18, end: 23, label: 'organization', text: '杭州高新区', annotator: 'bob' }])
  })

  it('doccano: offsets in UTF-16 units, shifted once per character outside the BMP before them', async () => {
    const { service, workspace } = newProject()
    importFiles(workspace.database(), [{ name: 'sample.jsonl', bytes: fs.readFileSync(SAMPLE) }], { annotator: 'alice' })
    const first = JSON.parse((await exportedText(service, { format: 'doccano' })).split('\n')[0])
    expect(Object.keys(first)).toEqual(['id', 'text', 'label'])
    // 𠮷 before every span adds one unit; 😀 inside the metric span adds one to its end and to later spans.
    expect(first.label).toEqual([
      [0, 4, 'organization'],
      [4, 9, 'date'],
      [9, 19, 'metric'],
      [20, 25, 'organization'],
      [20, 29, 'organization'],
    ])
    for (const [start, end] of first.label) expect(first.text.slice(start, end)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
    expect(first.text.slice(9, 19)).toBe('复工率91.9%😀')
  })

  it('writes the file whole or not at all', async () => {
    const { workspace, dir, file } = newProject()
    importFiles(workspace.database(), readCorpus(), { annotator: 'alice' })
    const out = path.join(dir, 'out.jsonl')
    const { files } = await exportDataset(workspace.database(), { format: 'native' }, out, file)
    expect(files).toMatchObject([{ documents: 5, spans: 0 }])
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(5)
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([])
    // A folder that does not exist yet is made.
    const { files: again } = await exportDataset(workspace.database(), { format: 'native' }, path.join(dir, 'new-folder', 'x.jsonl'), file)
    expect(again).toMatchObject([{ documents: 5 }])
  })
})

describe('import conflicts', () => {
  it('names the JSONL line of a document whose id the project has with another text, blank lines counted', () => {
    const { workspace } = newProject()
    importFiles(workspace.database(), [{ name: 'a.txt', bytes: utf8('原文') }], { annotator: 'alice' })
    const lines = `${JSON.stringify({ id: 'b', text: '别的' })}\n\n${JSON.stringify({ id: 'a', text: '改过' })}\n`
    const report = importFiles(workspace.database(), [{ name: 'two.jsonl', bytes: utf8(lines) }], { annotator: 'alice' })
    expect(report.errors[0].message).toBe('two.jsonl:3: document "a" is already in the project with a different text')
    expect(listDocuments(workspace.database(), 'alice').map((d) => d.id)).toEqual(['a'])
  })
})
