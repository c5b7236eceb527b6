import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatcher } from '../../src-main/bridge/dispatch'
import { newProject, ROOT, tempDir } from './helpers'

const BIN = path.join(ROOT, 'bin', 'factspan.js')

function factspan(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FACTSPAN_HOME: cwd } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const base64 = (text: string) => Buffer.from(text).toString('base64')

describe('an import never reads a file outside what the user chose', () => {
  it('skips the links in a folder, to files and to folders, and says so', () => {
    const cwd = tempDir()
    const outside = path.join(cwd, 'elsewhere')
    fs.mkdirSync(path.join(outside, 'more'), { recursive: true })
    fs.writeFileSync(path.join(outside, 'secret.txt'), '别人的秘密')
    fs.writeFileSync(path.join(outside, 'more', 'also.txt'), '也是秘密')
    const chosen = path.join(cwd, 'chosen')
    fs.mkdirSync(chosen)
    fs.writeFileSync(path.join(chosen, 'report.txt'), '杭州𠮷野家')
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(chosen, 'link.txt'))
    fs.symlinkSync(path.join(outside, 'more'), path.join(chosen, 'folder-link'))
    fs.symlinkSync('../elsewhere/secret.txt', path.join(chosen, 'relative.txt'))

    const imported = factspan(cwd, 'import', chosen, '--db', 'p.factspan', '--annotator', 'alice')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toBe('report.txt: 1 documents, 0 spans imported\n')
    expect(imported.stderr.trim().split('\n')).toEqual([
      `warning: ${path.join(chosen, 'folder-link')}: a link: a folder import reads only the files in the folder, so it is skipped`,
      `warning: ${path.join(chosen, 'link.txt')}: a link: a folder import reads only the files in the folder, so it is skipped`,
      `warning: ${path.join(chosen, 'relative.txt')}: a link: a folder import reads only the files in the folder, so it is skipped`,
    ])
    const exported = factspan(cwd, 'export', '--db', 'p.factspan', '--format', 'native', '--out', 'all.jsonl')
    expect(exported.code).toBe(0)
    expect(fs.readFileSync(path.join(cwd, 'all.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).text)).toEqual(['杭州𠮷野家'])
  })

  it("never reads a brat document's .txt through a link that leads out of its folder", () => {
    const cwd = tempDir()
    fs.mkdirSync(path.join(cwd, 'elsewhere'))
    fs.writeFileSync(path.join(cwd, 'elsewhere', 'doc.txt'), '别人的秘密')
    const chosen = path.join(cwd, 'chosen')
    fs.mkdirSync(chosen)
    fs.writeFileSync(path.join(chosen, 'doc.ann'), 'T1\tdate 0 2\t别人\n')
    fs.symlinkSync(path.join(cwd, 'elsewhere', 'doc.txt'), path.join(chosen, 'doc.txt'))
    for (const given of [chosen, path.join(chosen, 'doc.ann')]) {
      const imported = factspan(cwd, 'import', given, '--db', 'p.factspan', '--annotator', 'alice')
      expect(imported.stderr).not.toBe('')
      const stats = factspan(cwd, 'stats', '--db', 'p.factspan', '--json')
      expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 0, spans: 0 })
    }
  })

  it("takes a file's name from the app only as a name: '..' and absolute paths reach no disk", async () => {
    const { service, dir } = newProject()
    const parent = path.dirname(dir)
    const planted = path.join(parent, `${path.basename(dir)}-planted`)
    fs.mkdirSync(planted)
    fs.writeFileSync(path.join(planted, 'outside.txt'), '磁盘上的文字')
    fs.writeFileSync(path.join(planted, 'pair.txt'), '磁盘上的另一半')
    const call = dispatcher(service)
    try {
      const climbing = `../${path.basename(planted)}/outside.txt`
      const answer = await call('import.files', {
        files: [
          { name: climbing, base64: base64('发来的文字') },
          { name: path.join(planted, 'outside.txt'), base64: base64('也是发来的') },
          // An .ann alone: its .txt is on the disk beside the name, but only the files sent count.
          { name: path.join(planted, 'pair.ann'), base64: base64('T1\tdate 0 2\t磁盘\n') },
        ],
      })
      expect(answer.ok).toBe(true)
      const report = answer.ok ? (answer.value as { imported: unknown[]; errors: Array<{ file: string; reason: string }> }) : null
      expect(report!.imported).toHaveLength(2)
      expect(report!.errors).toEqual([expect.objectContaining({ file: path.join(planted, 'pair.ann'), reason: expect.stringMatching(/^no .*pair\.txt beside it/) })])
      const texts = service['documents.list']({}).map((d) => service['documents.get']({ id: d.id }).text)
      expect(texts.sort()).toEqual(['也是发来的', '发来的文字'])
      expect(fs.readdirSync(planted).sort()).toEqual(['outside.txt', 'pair.txt'])
    } finally {
      fs.rmSync(planted, { recursive: true, force: true })
    }
  })
})
