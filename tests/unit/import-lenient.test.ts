import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles, type ImportFile } from '../../src-main/service/import'
import { importJob } from '../../src-main/service/importJob'
import { runJob } from '../../src-main/service/jobs'
import { WORKER_MIN_BYTES } from '../../src-main/service/jsonlWorker'
import type { ImportFormat } from '../../src-main/shared/api'
import { newProject, utf8 } from './helpers'

// 𠮷 is outside the BMP: 野 is at code point 1 but UTF-16 unit 2.
const TEXT = '𠮷野家截至2月25日'
const json = (value: unknown) => JSON.stringify(value)

/**
 * For each format: a file with a document that cannot be read, a span that cannot be placed and (where the format
 * quotes) a quote that differs from the text; and what --lenient must make of it, by hand.
 */
const CASES: Array<{ format: ImportFormat; files: ImportFile[]; documents: number; spans: string[]; warnings: string[] }> = [
  {
    format: 'native',
    files: [
      {
        name: 'n.jsonl',
        bytes: utf8(
          [
            json({ id: 'a', text: TEXT, spans: [{ start: 0, end: 3, label: 'org' }, { start: 5, end: 99, label: 'date' }] }),
            '{"id": "b", "text": ',
            json({ id: 'c', text: TEXT, spans: [{ start: 5, end: 10, label: 'date', text: '2月26日' }] }),
          ].join('\n'),
        ),
      },
    ],
    documents: 2,
    spans: ['a org 0–3 𠮷野家', 'c date 5–10 2月25日'],
    warnings: [
      "n.jsonl:1: spans[1] has start 5 and end 99, but offsets must satisfy 0 ≤ start < end ≤ 10, the text's length in code points; left out",
      'n.jsonl:2: malformed JSON: Unexpected end of JSON input; document left out',
      'n.jsonl:3: spans[0] quotes "2月26日" but the text at 5–10 is "2月25日"; imported from its offsets',
    ],
  },
  {
    format: 'doccano',
    files: [{ name: 'd.jsonl', bytes: utf8([json({ id: 1, text: TEXT, label: [[0, 4, 'org'], [2, 'x', 'date']] }), json({ id: 2, label: [] })].join('\n')) }],
    documents: 1,
    spans: ['1 org 0–3 𠮷野家'],
    warnings: ['d.jsonl:1: label[1][1] must be a number, not the string "x"; left out', 'd.jsonl:2: no "text" field: it has the keys "id", "label"; if another field holds the text, name it with --text-field; document left out'],
  },
  {
    format: 'spacy',
    files: [{ name: 's.jsonl', bytes: utf8([json({ id: 1, text: TEXT, entities: [[0, 3, 'org'], [9, 3, 'date']] }), json({ id: 1, text: '重复' })].join('\n')) }],
    documents: 1,
    spans: ['1 org 0–3 𠮷野家'],
    warnings: [
      "s.jsonl:1: entities[1] has start 9 and end 3, but offsets must satisfy 0 ≤ start < end ≤ 10, the text's length in code points; left out",
      's.jsonl:2: duplicate id "1" (first used on line 1); document left out',
    ],
  },
  {
    format: 'prodigy',
    files: [
      {
        name: 'p.jsonl',
        bytes: utf8(
          json({
            text: TEXT,
            meta: { id: 'p1' },
            tokens: [...TEXT].map((t, i) => ({ text: t, start: i, end: i + 1, id: i })),
            spans: [{ start: 0, end: 3, token_start: 0, token_end: 1, label: 'org' }, { start: 5, end: 1.5, label: 'date' }],
            answer: 'accept',
          }),
        ),
      },
    ],
    documents: 1,
    spans: ['p1 org 0–3 𠮷野家'],
    warnings: [
      'p.jsonl:1: spans[0] ends at 3, but its token_end 1 (inclusive) ends at 2; imported from its offsets',
      'p.jsonl:1: spans[1].end must be an integer, not the number 1.5; left out',
    ],
  },
  {
    format: 'clue',
    files: [{ name: 'c.json', bytes: utf8(json({ id: 1, text: TEXT, label: { org: { 吉野家: [[0, 2]] }, date: { '2月25日': [[5, 99]] } } })) }],
    documents: 1,
    spans: ['1 org 0–3 𠮷野家'],
    warnings: [
      'c.json:1: label.org["吉野家"][0] is [0, 2], but the text there (end inclusive) is "𠮷野家"; imported from its offsets',
      "c.json:1: label.date[\"2月25日\"][0] is [5, 99], but CLUENER offsets must satisfy 0 ≤ start ≤ end < 10, the text's length in code points (the end is inclusive); left out",
    ],
  },
  {
    format: 'labelstudio',
    files: [
      {
        name: 'l.json',
        bytes: utf8(
          json([
            { data: { text: TEXT, id: 'l1' }, annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 4, text: '吉野家', labels: ['org'] } }, { type: 'labels', value: { start: 1, end: 4, labels: ['x'] } }] }] },
            { data: { body: TEXT } },
          ]),
        ),
      },
    ],
    documents: 1,
    spans: ['l1 org 0–3 𠮷野家'],
    warnings: [
      'l.json:1: task 1, annotation 1, result 1: value.text is "吉野家" but the text at 0–4 (UTF-16) is "𠮷野家"; imported from its offsets',
      'l.json:1: task 1, annotation 1, result 2: offset 1 falls inside "𠮷", which takes two UTF-16 units; left out',
      'l.json:1: task 2 data: no "text" field: it has the key "body"; if another field holds the text, name it with --text-field; document left out',
    ],
  },
  {
    format: 'brat',
    files: [
      { name: 'b.txt', bytes: utf8(TEXT) },
      { name: 'b.ann', bytes: utf8('T1\torg 0 3\t吉野家\nT2\tdate 5 99\tx\nno tab here\nT3\tdate 5 10\t2月25日\n') },
    ],
    documents: 1,
    spans: ['b org 0–3 𠮷野家', 'b date 5–10 2月25日'],
    warnings: [
      'b.ann:1: T1 quotes "吉野家" but the text at 0 3 is "𠮷野家"; imported from its offsets',
      "b.ann:2: T2 has start 5 and end 99, but offsets must satisfy 0 ≤ start < end ≤ 10, the .txt's length in code points with each CRLF counted once, as brat reads it; left out",
      'b.ann:3: no tab after the annotation id; brat lines read ID<TAB>TYPE START END<TAB>TEXT; left out',
    ],
  },
  {
    format: 'bio',
    files: [{ name: 't.bio', bytes: utf8('𠮷\tB-org\n野\tI-org\n家\tI-date\n\n截\tB-date\n至\n') }],
    documents: 2,
    spans: ['t-1 org 0–2 𠮷野', 't-2 date 0–1 截'],
    warnings: ['t.bio:3: I-date does not continue a span of date: it follows I-org; left out', 't.bio:6: no tag: a line reads TOKEN, a tab or space, TAG; read as O'],
  },
]

describe('--lenient means the same for every format', () => {
  it.each(CASES)('$format: refuses the file when strict; when lenient imports what can be trusted and lists the rest with file and line', ({ format, files, documents, spans, warnings }) => {
    const strict = newProject()
    const refused = importFiles(strict.workspace.database(), files, { annotator: 'zed', format })
    expect(refused.errors).toHaveLength(1)
    expect(refused.imported).toEqual([])

    const { workspace } = newProject()
    const db = workspace.database()
    const report = importFiles(db, files, { annotator: 'zed', format, lenient: true })
    expect(report.errors).toEqual([])
    expect(report.imported[0].documents).toBe(documents)
    expect(report.warnings.map((w) => w.message)).toEqual(warnings)
    const stored = db.prepare('SELECT document_id, label, start, "end", quote AS text FROM spans ORDER BY document_id, start').all() as Array<Record<string, string | number>>
    expect(stored.map((s) => `${s.document_id} ${s.label} ${s.start}–${s.end} ${s.text}`)).toEqual(spans)
  })

  it('leaves out, when lenient, a document the project has with another text, and keeps the rest of the file', () => {
    const { workspace } = newProject()
    const db = workspace.database()
    importFiles(db, [{ name: 'first.jsonl', bytes: utf8(json({ id: 'a', text: TEXT })) }], { annotator: 'zed' })
    const lines = [json({ id: 'a', text: '另一篇' }), json({ id: 'b', text: TEXT })].join('\n')
    const report = importFiles(db, [{ name: 'again.jsonl', bytes: utf8(lines) }], { annotator: 'zed', lenient: true })
    expect(report.imported[0]).toMatchObject({ documents: 1 })
    expect(report.warnings.map((w) => w.message)).toEqual(['again.jsonl:1: document "a" is already in the project with a different text; document left out'])
  })

  it('leaves out, when lenient, a JSONL line whose bytes are not UTF-8, and reads the others', () => {
    const { workspace } = newProject()
    const bytes = Buffer.concat([Buffer.from(json({ id: 'a', text: TEXT }) + '\n'), Buffer.from('{"id": "b", "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')])
    const report = importFiles(workspace.database(), [{ name: 'mixed.jsonl', bytes }], { annotator: 'zed', lenient: true })
    expect(report.imported[0]).toMatchObject({ documents: 1 })
    expect(report.warnings.map((w) => w.message)).toEqual([
      'mixed.jsonl:2: not valid UTF-8 at byte 70, column 25: JSON files are UTF-8, so no other encoding is guessed; name the encoding (--encoding) if the file has another; document left out',
    ])
  })

  it('reads a large file on its second thread leniently too, with the custom text field, listing what it left out', async () => {
    const { workspace, dir } = newProject()
    const lines = Array.from({ length: 12_000 }, (_, i) => json({ id: `d${i}`, content: `${TEXT}${'。'.repeat(120)}`, label: [[0, 4, 'org']] }))
    lines[7_000] = '{"id": "broken"'
    lines[9_000] = json({ id: 'd9000', content: TEXT, label: [[0, 99, 'org']] })
    const file = path.join(dir, 'large.jsonl')
    fs.writeFileSync(file, lines.join('\n'))
    expect(fs.statSync(file).size).toBeGreaterThan(WORKER_MIN_BYTES)
    const report = await runJob(importJob(workspace.database(), [{ name: 'large.jsonl', path: file }], { annotator: 'zed', lenient: true, textField: 'content' }))
    expect(report.errors).toEqual([])
    expect(report.imported[0]).toMatchObject({ documents: 11_999, spans: 11_998 })
    expect(report.warnings.map((w) => w.message.replace(/malformed JSON: .*; /, 'malformed JSON: …; '))).toEqual([
      'large.jsonl:7001: malformed JSON: …; document left out',
      "large.jsonl:9001: label[0] has start 0 and end 99, but offsets must satisfy 0 ≤ start < end ≤ 11, the text's length in UTF-16 units; left out",
    ])
  })
})
