import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, tempDir } from './helpers'

const BIN = path.join(ROOT, 'bin', 'factspan.js')

/** Runs `factspan ...args` the way a user does, in its own folder and settings home. */
function factspan(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FACTSPAN_HOME: cwd } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('factspan CLI', () => {
  it('imports a folder into project.factspan by default, prints stats and exports native JSONL', () => {
    const cwd = tempDir()
    const imported = factspan(cwd, 'import', path.join(ROOT, 'resources/corpus'), '--annotator', 'alice')
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('003_330e636537e98c68.txt: 1 documents, 0 spans imported')
    expect(fs.existsSync(path.join(cwd, 'project.factspan'))).toBe(true)

    const stats = factspan(cwd, 'stats', '--json')
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 5, byStatus: { new: 5, in_progress: 0, done: 0 }, spans: 0 })

    const exported = factspan(cwd, 'export', '--format', 'native', '--out', 'all.jsonl')
    expect(exported.code).toBe(0)
    const lines = fs.readFileSync(path.join(cwd, 'all.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.title)[2]).toBe('以六稳六保为抓手推动高质量发展')
    expect(lines[0].offset_unit).toBe('codepoint')
  })

  it('imports native JSONL spans with --annotator for those without one and exports one layer as doccano', () => {
    const cwd = tempDir()
    const line = JSON.stringify({ id: 'd1', text: '😀截至2月25日', spans: [{ start: 3, end: 8, label: 'date' }] })
    fs.writeFileSync(path.join(cwd, 'in.jsonl'), line + '\n')
    expect(factspan(cwd, 'import', 'in.jsonl', '--db', 'p.factspan', '--annotator', 'dora').code).toBe(0)
    expect(factspan(cwd, 'export', '--db', 'p.factspan', '--format', 'doccano', '--annotator', 'dora', '--out', 'd.jsonl').code).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'd.jsonl'), 'utf8'))).toEqual({ id: 'd1', text: '😀截至2月25日', label: [[4, 9, 'date']] })
    const text = factspan(cwd, 'stats', '--db', 'p.factspan').stdout
    expect(text).toContain('documents: 1 (new 0, in progress 1, done 0)')
    expect(text).toContain('annotators: dora')
  })

  it('reports a bad file on stderr with file, line and reason, exits non-zero and keeps the good files', () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'good.txt'), '好')
    fs.writeFileSync(path.join(cwd, 'bad.jsonl'), '{"id":"a","text":"x"}\n{oops\n')
    const result = factspan(cwd, 'import', 'good.txt', 'bad.jsonl')
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/^error: bad\.jsonl:2: malformed JSON/m)
    expect(JSON.parse(factspan(cwd, 'stats', '--json').stdout).documents).toBe(1)
  })

  it('refuses to export from a project that does not exist, and rejects unknown formats', () => {
    const cwd = tempDir()
    const missing = factspan(cwd, 'export', '--db', 'nope.factspan', '--out', 'x.jsonl')
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(/nope\.factspan: no such project file/)
    expect(fs.existsSync(path.join(cwd, 'x.jsonl'))).toBe(false)
    const format = factspan(cwd, 'export', '--format', 'conll2003', '--out', 'x.jsonl')
    expect(format.code).not.toBe(0)
    expect(format.stderr).toMatch(/conll2003.*(invalid|Allowed choices)/is)
  })

  it('serves on 127.0.0.1 with a token: prints the address, refuses requests without it', async () => {
    const cwd = tempDir()
    const child = spawn(process.execPath, [BIN, 'serve', '--db', 'served.factspan', '--port', '0'], { cwd, env: { ...process.env, FACTSPAN_HOME: cwd } })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const match = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/)
          if (match) resolve(match[1])
        })
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
      })
      const address = new URL(url)
      const token = address.searchParams.get('token')!
      const api = `${address.origin}/api/project.info`
      expect((await fetch(api, { method: 'POST', body: '{}' })).status).toBe(401)
      expect((await fetch(`${address.origin}/`)).status).toBe(401)
      expect((await fetch(api, { method: 'POST', body: '{}', headers: { 'x-factspan-token': 'wrong' } })).status).toBe(401)
      const answer = await fetch(api, { method: 'POST', body: '{}', headers: { 'x-factspan-token': token } })
      expect(await answer.json()).toMatchObject({ ok: true, value: { name: 'served', documentCount: 0 } })
      const invalid = await fetch(`${address.origin}/api/spans.add`, { method: 'POST', body: '{"documentId":""}', headers: { 'x-factspan-token': token } })
      expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
      const page = await fetch(url, { redirect: 'manual' })
      expect(page.status).toBe(303)
      expect(page.headers.get('set-cookie')).toMatch(/factspan_token=.*HttpOnly; SameSite=Strict/)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
