import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Service } from '../../src-main/service'
import type { ExportWarning } from '../../src-main/shared/api'
import { exportDataset } from '../../src-main/service/datasetExport'
import { exportFileName } from '../../src-main/service/export'
import { importFiles, type ImportFile } from '../../src-main/service/import'
import { collectFiles } from '../../src-main/cli/files'
import { listDocuments } from '../../src-main/store/documents'
import { FIXTURES, spansOf } from './format-helpers'
import { exportedText, newProject, utf8 } from './helpers'

const fromFixtures = (...names: string[]): ImportFile[] => names.map((name) => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)) }))
const spansInProject = async (service: Service) => spansOf((await exportedText(service, { format: 'native' })).trim().split('\n').map((line) => JSON.parse(line)))

describe('importing the new formats into a project', () => {
  it('pairs each brat .txt with its .ann, reads a lone .txt as text, and refuses an .ann without its .txt', () => {
    const { workspace } = newProject()
    const db = workspace.database()
    const files = [
      ...fromFixtures('brat/crlf-kept.ann', 'brat/crlf-kept.txt', 'brat/emoji-and-rare.txt', 'brat/emoji-and-rare.ann'),
      { name: 'brat/plain.txt', bytes: utf8('没有标注\r\n的文本') },
      { name: 'brat/orphan.ann', bytes: utf8('T1\tdate 0 1\t甲\n') },
    ]
    const report = importFiles(db, files, { annotator: 'alice' })
    expect(report.imported.map((f) => [f.file, f.documents, f.spans])).toEqual([
      ['brat/crlf-kept.txt', 1, 2],
      ['brat/emoji-and-rare.txt', 1, 5],
      ['brat/plain.txt', 1, 0],
    ])
    expect(report.errors.map((e) => e.message)).toEqual(['brat/orphan.ann:1: no brat/orphan.txt beside it: a brat document is a .txt with its .ann'])
    expect(listDocuments(db, 'alice').map((d) => d.id)).toEqual(['brat/crlf-kept', 'brat/emoji-and-rare', 'brat/plain'])
  })

  it('hands brat the .txt with its own line ends, so offsets that count CRLF twice get the hint', () => {
    const { workspace } = newProject()
    const report = importFiles(
      workspace.database(),
      [
        { name: 'a.txt', bytes: utf8('第一行\r\n防疫惠企28条') },
        { name: 'a.ann', bytes: utf8('T1\tmeasure 5 12\t防疫惠企28条\n') },
      ],
      { annotator: 'alice' },
    )
    expect(report.errors[0].message).toMatch(/^a\.ann:1: T1 has start 5 and end 12, but offsets must satisfy 0 ≤ start < end ≤ 11/)
    const hinted = importFiles(
      workspace.database(),
      [
        { name: 'b.txt', bytes: utf8('第一行\r\n防疫惠企28条。') },
        { name: 'b.ann', bytes: utf8('T1\tmeasure 5 11\t防疫惠企28\n') },
      ],
      { annotator: 'alice' },
    )
    expect(hinted.errors[0].message).toMatch(/^b\.ann:1: T1 quotes "防疫惠企28" but the text at 5 11 is "疫惠企28条"; these offsets count each CRLF as two characters/)
    expect(listDocuments(workspace.database(), 'alice')).toEqual([])
  })

  it('tells a Label Studio list from CLUENER lines, both named .json', () => {
    const { workspace } = newProject()
    const fixtures = fromFixtures('labelstudio.json', 'clue.json')
    const report = importFiles(workspace.database(), [fixtures[0], { ...fixtures[1], name: 'train.json' }], { annotator: 'alice' })
    expect(report.errors).toEqual([])
    expect(report.imported.map((f) => [f.file, f.documents, f.spans])).toEqual([
      ['labelstudio.json', 2, 7],
      ['train.json', 2, 7],
    ])
  })

  it('reads a tagged-character file in the scheme its tags show, and says which it chose', () => {
    const { workspace } = newProject()
    const unnamed = importFiles(workspace.database(), [...fromFixtures('msra.bio', 'doc.bioes', 'resume.bmes'), { name: 'bioes-named.bio', bytes: utf8('杭\tB-org\n州\tE-org\n市\tS-org\n') }], {
      annotator: 'alice',
    })
    expect(unnamed.errors).toEqual([])
    expect(unnamed.imported.map((f) => [f.file, f.spans, f.readAs])).toEqual([
      ['msra.bio', 6, 'BIO, since its tags use only B-, I- and O'],
      ['doc.bioes', 6, 'BIOES, since its tags use E-'],
      ['resume.bmes', 6, 'BMES, since its tags use M-'],
      // The tags decide, whatever the extension says.
      ['bioes-named.bio', 2, 'BIOES, since its tags use E- and S-'],
    ])
    const named = importFiles(newProject().workspace.database(), fromFixtures('msra.bio'), { annotator: 'alice', format: 'bio' })
    expect(named.imported[0]).toMatchObject({ documents: 2, spans: 6 })
    expect(named.imported[0].readAs).toBeUndefined()
  })

  it('in lenient mode imports the valid spans and reports the rest as warnings with file and line', () => {
    const { workspace } = newProject()
    const content = '甲\tB-org\n乙\tI-date\n\n丙\tB-date\n'
    const file = { name: 'bad.bio', bytes: utf8(content) }
    const strict = importFiles(workspace.database(), [file], { annotator: 'alice', format: 'bio' })
    expect(strict.errors[0].message).toBe('bad.bio:2: I-date does not continue a span of date: it follows B-org')
    expect(listDocuments(workspace.database(), 'alice')).toEqual([])
    const lenient = importFiles(workspace.database(), [file], { annotator: 'alice', format: 'bio', lenient: true })
    expect(lenient.errors).toEqual([])
    expect(lenient.imported[0]).toMatchObject({ documents: 2, spans: 2 })
    expect(lenient.warnings).toEqual([
      { file: 'bad.bio', line: 2, reason: 'I-date does not continue a span of date: it follows B-org; left out', message: 'bad.bio:2: I-date does not continue a span of date: it follows B-org; left out' },
    ])
  })

  it('reports rejected Prodigy examples as warnings of the import', () => {
    const { workspace } = newProject()
    const lines = [{ text: '杭州', answer: 'reject' }, { text: '宁波', spans: [{ start: 0, end: 2, label: 'organization' }] }].map((l) => JSON.stringify(l)).join('\n')
    const report = importFiles(workspace.database(), [{ name: 'p.jsonl', bytes: utf8(lines) }], { annotator: 'alice' })
    expect(report.imported[0]).toMatchObject({ documents: 1, spans: 1 })
    expect(report.warnings.map((w) => w.message)).toEqual(['p.jsonl:1: answer is "reject", so the example is not imported'])
  })
})

describe('exporting the new formats from a project', () => {
  function projectWithFixtures() {
    const project = newProject()
    importFiles(project.workspace.database(), fromFixtures('spacy.jsonl'), { annotator: 'alice' })
    return project
  }

  it('names the download after the format, with its extension', () => {
    expect(exportFileName('/p/report.factspan', 'labelstudio', { all: true, byDefault: true })).toBe('report-labelstudio.json')
    expect(exportFileName('/p/report.factspan', 'bmes', { all: true, byDefault: true })).toBe('report-bmes.bmes')
    expect(exportFileName('/p/report.factspan', 'clue', { all: true, byDefault: true })).toBe('report-clue.jsonl')
  })

  it('writes bio to a file, telling which overlapping spans it dropped', async () => {
    const { workspace, dir, file } = projectWithFixtures()
    const warnings: ExportWarning[] = []
    const out = path.join(dir, 'train.bio')
    const { files } = await exportDataset(workspace.database(), { format: 'bio', separator: 'space', onWarning: (w) => warnings.push(w) }, out, file)
    expect(files).toMatchObject([{ documents: 2, spans: 7 }])
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, 'msra.bio'), 'utf8').replace(/\t/g, ' '))
    expect(warnings).toEqual([
      {
        documentId: 'emoji-and-rare',
        dropped: 1,
        reason: 'bio cannot hold overlapping spans: dropped organization 18–23 "杭州高新区", which overlaps organization 18–27 "杭州高新区(滨江)"',
      },
    ])
  })

  it("builds the app's download for file formats, with the warnings, and refuses brat there", async () => {
    const { service } = projectWithFixtures()
    const built = await service['export.dataset']({ format: 'bioes' })
    expect(built.files).toMatchObject([{ fileName: 'test-bioes.bioes', documents: 2, spans: 7 }])
    expect(built.files[0].content).toBe(fs.readFileSync(path.join(FIXTURES, 'doc.bioes'), 'utf8'))
    expect(built.warnings).toHaveLength(1)
    await expect(service['export.dataset']({ format: 'brat' })).rejects.toThrow(
      'brat writes a folder of files, not one file: export it with the command line, factspan export --format brat --out FOLDER',
    )
  })

  it('writes brat as a folder of pairs, whole, into a new or empty folder only', async () => {
    const { workspace, dir, file } = projectWithFixtures()
    const db = workspace.database()
    const out = path.join(dir, 'brat-out')
    expect((await exportDataset(db, { format: 'brat' }, out, file)).files).toMatchObject([{ documents: 2, spans: 7 }])
    expect(fs.readdirSync(out).sort()).toEqual(['annotation.conf', 'crlf-kept.ann', 'crlf-kept.txt', 'emoji-and-rare.ann', 'emoji-and-rare.txt'])
    expect(fs.readFileSync(path.join(out, 'emoji-and-rare.ann'), 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, 'brat/emoji-and-rare.ann'), 'utf8'))
    expect(fs.readFileSync(path.join(out, 'crlf-kept.ann'), 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, 'brat/crlf-kept.ann'), 'utf8'))
    await expect(exportDataset(db, { format: 'brat' }, out, file)).rejects.toThrow(/brat-out already exists and is not an empty folder/)
    fs.mkdirSync(path.join(dir, 'empty'))
    expect((await exportDataset(db, { format: 'brat' }, path.join(dir, 'empty'), file)).files[0].documents).toBe(2)
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([])
  })

  it('leaves no folder behind when a brat export fails half way', async () => {
    const { workspace, dir, file } = projectWithFixtures()
    const db = workspace.database()
    importFiles(db, [{ name: 'z.jsonl', bytes: utf8(JSON.stringify({ id: 'z', text: '甲乙', spans: [{ start: 0, end: 1, label: 'two words' }] })) }], { annotator: 'alice' })
    await expect(exportDataset(db, { format: 'brat' }, path.join(dir, 'half'), file)).rejects.toThrow(/label "two words" \(document "z"\) contains white space/)
    expect(fs.readdirSync(dir).filter((f) => f.includes('half'))).toEqual([])
  })

  it('round-trips through projects: brat import → export → import into a new project gives the same spans', async () => {
    const first = newProject()
    importFiles(first.workspace.database(), fromFixtures('brat/crlf-kept.txt', 'brat/crlf-kept.ann', 'brat/emoji-and-rare.txt', 'brat/emoji-and-rare.ann'), { annotator: 'alice' })
    const out = path.join(first.dir, 'again')
    await exportDataset(first.workspace.database(), { format: 'brat' }, out, first.file)
    const second = newProject()
    // The ids had a folder, brat/…, so the export has one too: the CLI's folder walk finds the pairs in it.
    const files = collectFiles([out]).map((f) => ({ name: f.name, bytes: fs.readFileSync(f.path) }))
    expect(files.map((f) => f.name)).toEqual(['brat/crlf-kept.ann', 'brat/crlf-kept.txt', 'brat/emoji-and-rare.ann', 'brat/emoji-and-rare.txt'])
    importFiles(second.workspace.database(), files, { annotator: 'bob' })
    expect(listDocuments(second.workspace.database(), 'alice').map((d) => d.id)).toEqual(['brat/crlf-kept', 'brat/emoji-and-rare'])
    expect(await spansInProject(second.service)).toEqual(await spansInProject(first.service))
  })
})
