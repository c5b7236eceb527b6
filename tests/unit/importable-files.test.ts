import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectFiles } from '../../src-main/cli/files'
import { isImportableFile } from '../../src-main/shared/importableFiles'
import { tempDir } from './helpers'

describe('which files an import reads', () => {
  it('reads the same extensions from a folder on the command line as the app picks from one', () => {
    const dir = tempDir()
    const names = ['a.txt', 'b.text', 'c.md', 'd.jsonl', 'e.ndjson', 'f.json', 'g.ann', 'h.bio', 'i.bioes', 'j.bmes', 'k.conll', 'L.TXT']
    const others = ['data.manifest.json', 'notes.docx', 'image.png', 'archive.zip', '.hidden.txt']
    for (const name of [...names, ...others]) fs.writeFileSync(path.join(dir, name), '甲')
    const read = collectFiles([dir]).map((f) => f.name)
    expect(read).toEqual(['L.TXT', 'a.txt', 'b.text', 'c.md', 'd.jsonl', 'e.ndjson', 'f.json', 'g.ann', 'h.bio', 'i.bioes', 'j.bmes', 'k.conll'])
    // The app's folder picker filters its paths with the same function.
    expect([...names, ...others, '.git/x.txt', '2020/a.txt'].map((n) => `corpus/${n}`).filter(isImportableFile)).toEqual(
      [...names, '2020/a.txt'].map((n) => `corpus/${n}`),
    )
  })
})
