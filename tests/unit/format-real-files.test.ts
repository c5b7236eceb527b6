import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatcher } from '../../src-main/bridge/dispatch'
import type { Service } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import type { ImportReport } from '../../src-main/shared/api'
import { factspan } from './bad-input-helpers'
import { projectRecords, spansOf } from './format-helpers'
import { newProject, tempDir, utf8 } from './helpers'

// 𠮷 takes UTF-16 units 0–1, so UTF-16 offsets after it are one more than code points.
const TEXT = '𠮷野家2月25日复工率91.9%😀'

const spansIn = async (service: Service) => spansOf(await projectRecords(service)).map((d) => d.spans)

/** A Label Studio task as its export writes one, with one labels region per [start, end, label] in UTF-16 units. */
function task(text: string, regions: Array<[number, number, string]>) {
  return {
    id: 3,
    data: { text },
    annotations: [
      {
        completed_by: { email: 'alice@example.com' },
        result: regions.map(([start, end, label], i) => ({ id: `r${i}`, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: text.slice(start, end), labels: [label] } })),
      },
    ],
  }
}

describe('Label Studio files as people have them', () => {
  it('imports a single task object, pretty-printed or on one line, like the list export', async () => {
    const { service, workspace } = newProject()
    const one = task(TEXT, [[0, 4, 'organization'], [4, 9, 'date']])
    const report = importFiles(
      workspace.database(),
      [
        { name: 'pretty.json', bytes: utf8(JSON.stringify(one, null, 2)) },
        { name: 'line.json', bytes: utf8(JSON.stringify({ ...one, data: { text: `${TEXT}。`, id: 'line' } })) },
      ],
      { annotator: 'zed' },
    )
    expect(report.errors).toEqual([])
    expect(report.imported.map((f) => [f.file, f.documents, f.spans])).toEqual([
      ['pretty.json', 1, 2],
      ['line.json', 1, 2],
    ])
    expect((await spansIn(service))[0]).toEqual([
      [0, 3, 'organization', '𠮷野家'],
      [3, 8, 'date', '2月25日'],
    ])
  })

  it('names the line of a bad region in a pretty-printed task, whether or not the format is named', () => {
    const { workspace } = newProject()
    const content = JSON.stringify(task(TEXT, [[0, 4, 'organization'], [4, 99, 'date']]), null, 2)
    // The second region's object opens on the line before its id.
    const line = content.split('\n').findIndex((l) => l.includes('"id": "r1"'))
    for (const format of [undefined, 'labelstudio'] as const) {
      const report = importFiles(workspace.database(), [{ name: 'task.json', bytes: utf8(content) }], { annotator: 'zed', format })
      expect(report.errors.map((e) => e.message)).toEqual([
        `task.json:${line}: task 1, annotation 1, result 2: value.start 4 and value.end 99 must satisfy 0 ≤ start < end ≤ 19, the text's length in UTF-16 units`,
      ])
    }
  })

  it("reads the text from the data field a labelling config names ($content), with the text field named", async () => {
    const { service, workspace } = newProject()
    const one = { data: { content: TEXT, id: 'c1' }, annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 4, text: '𠮷野家', labels: ['organization'] } }] }] }
    const report = importFiles(workspace.database(), [{ name: 'content.json', bytes: utf8(JSON.stringify([one])) }], { annotator: 'zed', textField: 'content' })
    expect(report.errors).toEqual([])
    expect((await spansIn(service))[0]).toEqual([[0, 3, 'organization', '𠮷野家']])
  })

  it('reads a pretty-printed .json list of records of another format, here doccano, each error on its line', () => {
    const { workspace } = newProject()
    const records = [
      { id: 1, text: TEXT, label: [[0, 4, 'organization']] },
      { id: 2, text: '杭州', label: [] },
    ]
    const report = importFiles(workspace.database(), [{ name: 'doccano.json', bytes: utf8(JSON.stringify(records, null, 2)) }], { annotator: 'zed' })
    expect(report.imported.map((f) => [f.documents, f.spans])).toEqual([[2, 1]])
    const broken = JSON.stringify([records[0], { id: 3, text: TEXT, label: [[0, 99, 'x']] }], null, 2)
    const refused = importFiles(workspace.database(), [{ name: 'broken.json', bytes: utf8(broken) }], { annotator: 'zed' })
    expect(refused.errors.map((e) => `${e.line}: ${e.reason}`)).toEqual([`${broken.split('\n').indexOf('  {', 2) + 1}: label[0] has start 0 and end 99, but offsets must satisfy 0 ≤ start < end ≤ 19, the text's length in UTF-16 units`])
  })
})

describe('doccano files as people have them', () => {
  it('reads custom text and label fields, named on the command line and in the app', async () => {
    const cwd = tempDir()
    const line = JSON.stringify({ id: 1, content: TEXT, tags: [[0, 4, 'organization'], [12, 19, 'metric']] })
    fs.writeFileSync(path.join(cwd, 'custom.jsonl'), line + '\n')
    const run = await factspan(cwd, 'import', 'custom.jsonl', '--text-field', 'content', '--label-field', 'tags')
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('custom.jsonl: 1 documents, 2 spans imported\n')

    const { service, workspace } = newProject()
    const answer = await dispatcher(service)('import.files', { files: [{ name: 'custom.jsonl', base64: Buffer.from(line).toString('base64') }], textField: 'content', labelField: 'tags' })
    expect(answer.ok && (answer.value as ImportReport).imported[0]).toMatchObject({ documents: 1, spans: 2 })
    expect((await spansIn(service))[0]).toEqual([
      [0, 3, 'organization', '𠮷野家'],
      [11, 17, 'metric', '91.9%😀'],
    ])
    // Problems name the fields as the user named them.
    const wrong = importFiles(workspace.database(), [{ name: 'wrong.jsonl', bytes: utf8(JSON.stringify({ id: 2, content: 42, tags: [] })) }], { annotator: 'zed', textField: 'content', labelField: 'tags' })
    expect(wrong.errors.map((e) => e.message)).toEqual(['wrong.jsonl:1: content must be a string, not the number 42'])
  })

  it('says which keys a line has when the text field named is not one of them', () => {
    const { workspace } = newProject()
    const report = importFiles(workspace.database(), [{ name: 'a.jsonl', bytes: utf8(JSON.stringify({ id: 1, text: TEXT, label: [] })) }], { annotator: 'zed', textField: 'content' })
    expect(report.errors.map((e) => e.message)).toEqual(['a.jsonl:1: no "content" field, which --text-field names for the text: it has the keys "id", "text", "label"'])
  })

  it("imports the spans of a relation project's export", async () => {
    // doccano writes entities and relations with their own ids (backend/data_export/models.py).
    const line = JSON.stringify({
      id: 8,
      text: TEXT,
      entities: [
        { id: 1, label: 'organization', start_offset: 0, end_offset: 4 },
        { id: 2, label: 'metric', start_offset: 12, end_offset: 19 },
      ],
      relations: [{ id: 5, from_id: 1, to_id: 2, type: 'reports' }],
      Comments: [],
    })
    const { service, workspace } = newProject()
    const report = importFiles(workspace.database(), [{ name: 'relations.jsonl', bytes: utf8(`${line}\n${line.replace('"id":8', '"id":9')}\n`) }], { annotator: 'zed' })
    expect(report.errors).toEqual([])
    expect(report.imported[0]).toMatchObject({ documents: 2, spans: 4 })
    // The relations are read by the codec (format-relations.test.ts); the service stores them with issue 12's relations.
    expect(report.warnings).toEqual([])
    expect((await spansIn(service))[0]).toEqual([
      [0, 3, 'organization', '𠮷野家'],
      [11, 17, 'metric', '91.9%😀'],
    ])
  })
})

describe('brat files as people have them', () => {
  const txt = '杭州高新区\n(滨江)发布惠企28条'

  it('reads a record whose text holds a line break, so that it wraps onto the next line, as one record', async () => {
    const { service, workspace } = newProject()
    // brat writes a span's text as it is: one that crosses a line break wraps the .ann line.
    const ann = 'T1\torganization 0 10\t杭州高新区\n(滨江)\nT2\tmeasure 12 17\t惠企28条\n'
    const report = importFiles(workspace.database(), [{ name: 'a.txt', bytes: utf8(txt) }, { name: 'a.ann', bytes: utf8(ann) }], { annotator: 'zed' })
    expect(report.errors).toEqual([])
    expect((await spansIn(service))[0]).toEqual([
      [0, 10, 'organization', '杭州高新区\n(滨江)'],
      [12, 17, 'measure', '惠企28条'],
    ])
  })

  it('finds the partner of an .ann, or of a .txt named brat, in its own folder wherever the command runs', async () => {
    const corpus = tempDir()
    fs.writeFileSync(path.join(corpus, 'doc.txt'), txt)
    fs.writeFileSync(path.join(corpus, 'doc.ann'), 'T1\tmeasure 12 17\t惠企28条\n')
    const elsewhere = tempDir()
    const fromAnn = await factspan(elsewhere, 'import', path.join(corpus, 'doc.ann'), '--db', 'a.factspan')
    expect(fromAnn.stderr).toBe('')
    expect(fromAnn.stdout).toBe('doc.txt: 1 documents, 1 spans imported\n')
    const fromTxt = await factspan(elsewhere, 'import', path.join(corpus, 'doc.txt'), '--format', 'brat', '--db', 'b.factspan')
    expect(fromTxt.stdout).toContain('doc.txt: 1 documents, 1 spans imported')
  })

  it('with --lenient imports a span whose quote differs from its text from its offsets, naming file, line and both strings', async () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'doc.txt'), txt)
    fs.writeFileSync(path.join(cwd, 'doc.ann'), 'T1\torganization 0 5\t杭州高新区\nT2\tmeasure 12 17\t惠企29条\n')
    const strict = await factspan(cwd, 'import', 'doc.ann', '--db', 'strict.factspan')
    expect(strict.stderr).toBe('error: doc.ann:2: T2 quotes "惠企29条" but the text at 12 17 is "惠企28条"\n')
    const lenient = await factspan(cwd, 'import', 'doc.ann', '--db', 'lenient.factspan', '--lenient')
    expect(lenient.stderr).toBe('warning: doc.ann:2: T2 quotes "惠企29条" but the text at 12 17 is "惠企28条"; imported from its offsets\n')
    expect(lenient.stdout).toContain('doc.txt: 1 documents, 2 spans imported')
  })
})
