import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { factspan } from './bad-input-helpers'
import { newProject, tempDir } from './helpers'

/** 中 and 文 in GB18030, written by hand: D6 D0, CE C4. */
function gb18030(text: string): Buffer {
  const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4] }
  return Buffer.from([...text].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]))
}

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le')
  return order === 'le' ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]))
}

describe('JSON is UTF-8', () => {
  it('refuses JSONL in GB18030 with the offset of its first byte, instead of guessing, and reads it once the encoding is named', () => {
    const bytes = Buffer.concat([Buffer.from('{"id": "a", "text": "'), gb18030('中文'), Buffer.from('"}\n')])
    const { workspace } = newProject()
    const guessed = importFiles(workspace.database(), [{ name: 'gb.jsonl', bytes }], { annotator: 'zed' })
    expect(guessed.errors.map((e) => e.message)).toEqual([
      'gb.jsonl:1: not valid UTF-8 at byte 21, column 22: JSON files are UTF-8, so no other encoding is guessed; name the encoding (--encoding) if the file has another',
    ])
    const named = importFiles(workspace.database(), [{ name: 'gb.jsonl', bytes }], { annotator: 'zed', encoding: 'gb18030' })
    expect(named.imported[0]).toMatchObject({ documents: 1, encoding: 'gb18030' })
  })

  it('refuses a Label Studio file in GB18030 too, and a text file in GB18030 is still detected', () => {
    const { workspace } = newProject()
    const task = Buffer.concat([Buffer.from('[\n  {"data": {"text": "'), gb18030('中文'), Buffer.from('"}}\n]\n')])
    const report = importFiles(workspace.database(), [{ name: 'export.json', bytes: task }, { name: 'plain.txt', bytes: gb18030('中文') }], { annotator: 'zed' })
    expect(report.errors.map((e) => `${e.file}:${e.line}: ${e.reason.split(':')[0]}`)).toEqual(['export.json:2: not valid UTF-8 at byte 23, column 22'])
    expect(report.imported.map((f) => [f.file, f.encoding])).toEqual([['plain.txt', 'gb18030']])
  })

  it('decodes JSONL, Label Studio JSON and text in UTF-16 with a byte order mark, from the app and from disk', async () => {
    const files = [
      { name: 'le.jsonl', bytes: utf16('{"id": "le", "text": "𠮷野家", "spans": [{"start": 0, "end": 1, "label": "organization"}]}\r\n', 'le') },
      { name: 'be.json', bytes: utf16('[{"data": {"text": "𠮷野家", "id": "be"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 2, "labels": ["organization"]}}]}]}]', 'be') },
      { name: 'text.txt', bytes: utf16('𠮷野家\r\n', 'le') },
    ]
    const { workspace } = newProject()
    const report = importFiles(workspace.database(), files, { annotator: 'zed' })
    expect(report.errors).toEqual([])
    expect(report.imported.map((f) => [f.file, f.documents, f.spans, f.encoding])).toEqual([
      ['le.jsonl', 1, 1, 'utf-16le'],
      ['be.json', 1, 1, 'utf-16be'],
      ['text.txt', 1, 0, 'utf-16le'],
    ])
    expect(workspace.database().prepare('SELECT text FROM documents ORDER BY id').pluck().all()).toEqual(['𠮷野家', '𠮷野家', '𠮷野家\n'])

    const cwd = tempDir()
    for (const f of files) fs.writeFileSync(path.join(cwd, f.name), f.bytes)
    const run = await factspan(cwd, 'import', 'le.jsonl', 'be.json', 'text.txt')
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('le.jsonl: 1 documents, 1 spans imported\nbe.json: 1 documents, 1 spans imported\ntext.txt: 1 documents, 0 spans imported\n')
  })
})
