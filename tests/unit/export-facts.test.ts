import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { factLines, factsCodec } from '../../src-main/shared/formats/facts'
import { runCli } from './cli-helpers'
import { exportedText, newProject, ROOT, tempDir } from './helpers'

// By hand, in code points: 截至2月25日 0–7 · ， 7 · 杭州高新區(濱江) 8–17 · 企業復工率91.9% 17–27 · 😀 27 · ， 28 ·
// 𠮷野家 29–32 · 營收增長5% 32–38, overlapping 增長5% 34–38 · 。 38: one sentence, 0–39.
const REPORT = '截至2月25日，杭州高新區(濱江)企業復工率91.9%😀，𠮷野家營收增長5%。'
const ANN = [
  'T1\tdate 0 7\t截至2月25日',
  'T2\torganization 8 17\t杭州高新區(濱江)',
  'T3\tmetric 17 27\t企業復工率91.9%',
  'T4\torganization 29 32\t𠮷野家',
  'T5\tmetric 32 38\t營收增長5%',
  'T6\tmeasure 34 38\t增長5%',
  'R1\ttime Arg1:T3 Arg2:T1',
  'R2\tholder Arg1:T3 Arg2:T2',
  'R3\tholder Arg1:T5 Arg2:T4',
  'R4\tresult_of Arg1:T5 Arg2:T6',
]
const SENTENCE = { text: REPORT, start: 0, end: 39 }
const FIRST = {
  document: 'report',
  annotator: 'alice',
  fact: { label: 'metric', text: '企業復工率91.9%', start: 17, end: 27 },
  links: { time: [{ label: 'date', text: '截至2月25日', start: 0, end: 7 }], holder: [{ label: 'organization', text: '杭州高新區(濱江)', start: 8, end: 17 }] },
  sentence: SENTENCE,
}
const SECOND = {
  document: 'report',
  annotator: 'alice',
  fact: { label: 'metric', text: '營收增長5%', start: 32, end: 38 },
  links: { holder: [{ label: 'organization', text: '𠮷野家', start: 29, end: 32 }], result_of: [{ label: 'measure', text: '增長5%', start: 34, end: 38 }] },
  sentence: SENTENCE,
}
// The measure heads a fact of its own, with no links.
const THIRD = { document: 'report', annotator: 'alice', fact: { label: 'measure', text: '增長5%', start: 34, end: 38 }, links: {}, sentence: SENTENCE }

const parsed = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as unknown)

describe('the facts format', () => {
  it('writes one line per metric or measure with its links by type and its sentence, in code points', () => {
    const span = (start: number, end: number, label: string, text: string) => ({ start, end, label, text, annotator: 'alice' })
    const spans = [span(0, 7, 'date', '截至2月25日'), span(8, 17, 'organization', '杭州高新區(濱江)'), span(17, 27, 'metric', '企業復工率91.9%'), span(29, 32, 'organization', '𠮷野家'), span(32, 38, 'metric', '營收增長5%'), span(34, 38, 'measure', '增長5%')]
    const relations = [
      { from: 2, to: 1, type: 'holder' },
      { from: 2, to: 0, type: 'time' },
      { from: 4, to: 3, type: 'holder' },
      { from: 4, to: 5, type: 'result_of' },
    ]
    const lines = factLines({ id: 'report', title: 'report', text: REPORT, meta: {}, spans, relations })
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([FIRST, SECOND, THIRD])
  })

  it('exports a corpus article annotated through the API: the line the README shows', async () => {
    const { service, workspace } = newProject('alice')
    const file = path.join(ROOT, 'resources', 'corpus', '001_8128ab20f1e69347.txt')
    importFiles(workspace.database(), [{ name: path.basename(file), bytes: fs.readFileSync(file) }], { annotator: 'alice' })
    const id = '001_8128ab20f1e69347'
    // Offsets found by hand in the article's second paragraph of figures: 截至2月25日 350–357, 杭州高新區(濱江) 359–368,
    // 企業復工率91.9% 386–396; the sentence runs from the paragraph's start (350) to its first 。 (432), kept: 350–433.
    const date = service['spans.add']({ documentId: id, start: 350, end: 357, label: 'date' })
    const org = service['spans.add']({ documentId: id, start: 359, end: 368, label: 'organization' })
    const metric = service['spans.add']({ documentId: id, start: 386, end: 396, label: 'metric' })
    service['relations.add']({ from: metric.id, to: org.id, type: 'holder' })
    service['relations.add']({ from: metric.id, to: date.id, type: 'time' })
    const text = await exportedText(service, { format: 'facts' })
    expect(text.split('\n')[0]).toBe(
      '{"document":"001_8128ab20f1e69347","annotator":"alice","fact":{"label":"metric","text":"企業復工率91.9%","start":386,"end":396},' +
        '"links":{"time":[{"label":"date","text":"截至2月25日","start":350,"end":357}],"holder":[{"label":"organization","text":"杭州高新區(濱江)","start":359,"end":368}]},' +
        '"sentence":{"text":"截至2月25日,以杭州高新區(濱江)納入統計口徑的2.3萬家企業為基數,企業復工率91.9%,其中,規上工業企業全部復工,規上服務業企業復工993家,佔總數的97%。","start":350,"end":433}}',
    )
  })

  it('cannot be read back, and says why', () => {
    expect(() => factsCodec.parse({ name: 'facts.jsonl', text: '{}' }, { annotator: 'alice' })).toThrow(
      'facts.jsonl: a facts file is an export only: its lines hold sentences, not the documents, so it cannot be imported (import the native export instead)',
    )
  })
})

describe('relations through the command line, as a user runs it', () => {
  function projectFromBrat() {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'report.txt'), REPORT)
    fs.writeFileSync(path.join(cwd, 'report.ann'), ANN.join('\n') + '\n')
    const imported = runCli(cwd, ['import', 'report.txt', 'report.ann', '--db', 'p.factspan', '--annotator', 'alice'])
    expect(imported.stdout).toBe('report.txt: 1 documents, 6 spans, 4 relations imported\n')
    return cwd
  }

  it('imports brat with R lines and exports brat again with the same R lines', () => {
    const cwd = projectFromBrat()
    expect(runCli(cwd, ['export', '--format', 'brat', '--out', 'again', '--db', 'p.factspan']).code).toBe(0)
    const ann = fs.readFileSync(path.join(cwd, 'again', 'report.ann'), 'utf8').split('\n')
    expect(ann.filter((l) => l.startsWith('T'))).toEqual(ANN.filter((l) => l.startsWith('T')))
    expect(ann.filter((l) => l.startsWith('R'))).toEqual(ANN.filter((l) => l.startsWith('R')))
    // Four relations by type, in name order: holder twice, result_of and time once each.
    expect(runCli(cwd, ['stats', '--db', 'p.factspan']).stdout).toContain('relations: 4\n  holder: 2\n  result_of: 1\n  time: 1\n')
  })

  it('exports facts with splits, filters and the manifest as for every format', () => {
    const cwd = projectFromBrat()
    const run = runCli(cwd, ['export', '--format', 'facts', '--out', 'facts.jsonl', '--db', 'p.factspan'])
    expect(run.code).toBe(0)
    const layer = (line: object) => ({ ...line, annotator: 'alice' })
    expect(parsed(fs.readFileSync(path.join(cwd, 'facts.jsonl'), 'utf8'))).toEqual([FIRST, SECOND, THIRD].map(layer))
    const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'facts.manifest.json'), 'utf8')) as { format: string; offset_unit: string }
    expect(manifest).toMatchObject({ format: 'facts', offset_unit: 'codepoint' })

    // Without dates the time link goes with its span; the rest stays.
    expect(runCli(cwd, ['export', '--format', 'facts', '--out', 'nodate.jsonl', '--labels', 'metric,measure,organization', '--db', 'p.factspan']).code).toBe(0)
    const [first] = parsed(fs.readFileSync(path.join(cwd, 'nodate.jsonl'), 'utf8')) as Array<typeof FIRST>
    expect(first.links).toEqual({ holder: FIRST.links.holder })

    expect(runCli(cwd, ['export', '--format', 'facts', '--out', 'set.jsonl', '--split', 'train=0.5,test=0.5', '--db', 'p.factspan']).code).toBe(0)
    const files = ['set-train.jsonl', 'set-test.jsonl'].map((f) => fs.readFileSync(path.join(cwd, f), 'utf8'))
    // One document: it lands in one split whole, with its three facts.
    expect(files.map((f) => (f === '' ? 0 : f.trim().split('\n').length)).sort()).toEqual([0, 3])
    expect(fs.existsSync(path.join(cwd, 'set.manifest.json'))).toBe(true)
  })

  it('does not offer facts as an import format', () => {
    const cwd = projectFromBrat()
    const run = runCli(cwd, ['import', 'x.jsonl', '--format', 'facts', '--db', 'p.factspan'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain("argument 'facts' is invalid")
  })
})
