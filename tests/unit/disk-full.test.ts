import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpBridge } from '../../src-main/bridge/http'
import { appPaths } from '../../src-main/service/paths'
import { fillDisk, freeDisk } from './disk-helpers'
import { BIN, runCli } from './cli-helpers'
import { newProject, tempDir, utf8 } from './helpers'

const TEXT = '𠮷野家2月25日,長沙市芙蓉區企業復工率91.9%。'

/** A project holding one document with one saved span, served over HTTP as browser mode serves it. */
async function servedProject() {
  const project = newProject('alice')
  await project.service['import.files']({ files: [{ name: 'report.txt', base64: Buffer.from(utf8(TEXT)).toString('base64') }] })
  const saved = project.service['spans.add']({ documentId: 'report', start: 3, end: 8, label: 'date' })
  const bridge = await startHttpBridge({ service: project.service, workspace: project.workspace, staticDir: appPaths.renderer })
  const call = async (method: string, args: unknown) => {
    const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-factspan-token': bridge.token },
      body: JSON.stringify(args),
    })
    return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
  }
  return { ...project, saved, bridge, call }
}

// A small disk of its own: a 128 KB tmpfs, mounted in a user namespace so no root is needed (where the kernel allows it).
const smallDiskReason = (() => {
  const probe = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=128k tmpfs /mnt'], { encoding: 'utf8' })
  return probe.status === 0 ? null : `cannot mount a small tmpfs here (${(probe.error?.message ?? probe.stderr).trim()})`
})()
if (smallDiskReason) console.log(`export on a full disk skipped: ${smallDiskReason}`)

describe('a full disk', () => {
  it('refuses an edit with a clear error, keeps what was saved, and takes edits again once space is back', async () => {
    const { workspace, service, file, saved, bridge, call } = await servedProject()
    try {
      fillDisk(workspace.database(), 'report')
      const refused = await call('spans.add', { documentId: 'report', start: 9, end: 15, label: 'organization' })
      expect(refused.ok).toBe(false)
      expect(refused.error!.code).toBe('disk-full')
      expect(refused.error!.message).toBe(`${file}: not written: the disk is full. Free some space and try again; everything saved before is kept.`)
      expect(service['spans.list']({ documentId: 'report', annotator: 'alice' })).toEqual([saved])

      freeDisk(workspace.database())
      const added = await call('spans.add', { documentId: 'report', start: 9, end: 15, label: 'organization' })
      expect(added).toMatchObject({ ok: true, value: { start: 9, end: 15, text: '長沙市芙蓉區' } })
      expect(service['spans.list']({ documentId: 'report', annotator: 'alice' }).map((s) => s.text)).toEqual(['2月25日', '長沙市芙蓉區'])
      expect(workspace.database().pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await bridge.close()
      workspace.close()
    }
  })

  it('refuses an import whole with a clear error, and imports it once space is back', async () => {
    const { workspace, service, file, bridge } = await servedProject()
    await bridge.close()
    const big = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: `${i}:${TEXT.repeat(20)}` })).join('\n')
    const files = [
      { name: 'big.jsonl', base64: Buffer.from(big).toString('base64') },
      { name: 'after.txt', base64: Buffer.from('之後的文件').toString('base64') },
    ]
    fillDisk(workspace.database(), 'report')
    const report = await service['import.files']({ files })
    expect(report.imported).toEqual([])
    expect(report.errors.map((e) => e.message)).toEqual([
      `big.jsonl: not imported: ${file}: not written: the disk is full. Free some space and try again; everything saved before is kept. The import stopped here: 1 more file was not read.`,
    ])
    expect(service['documents.list']({}).map((d) => d.id)).toEqual(['report'])

    freeDisk(workspace.database())
    const again = await service['import.files']({ files })
    expect(again.errors).toEqual([])
    expect(service['documents.list']({}).length).toBe(302)
    expect(workspace.database().pragma('integrity_check', { simple: true })).toBe('ok')
    workspace.close()
  })

  it.skipIf(smallDiskReason !== null)('stops an export that runs out of space with a clear error and leaves no file behind', () => {
    const dir = tempDir()
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `d${i}`, text: TEXT.repeat(12) }))
    fs.writeFileSync(path.join(dir, 'big.jsonl'), lines.join('\n') + '\n')
    expect(runCli(dir, ['import', 'big.jsonl', '--db', 'p.factspan']).code).toBe(0)
    fs.mkdirSync(path.join(dir, 'small'))
    const script = `mount -t tmpfs -o size=128k tmpfs small && "$0" "$1" export --db p.factspan --out small/all.jsonl; code=$?; echo "left: [$(ls -A small)]"; exit $code`
    const run = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, process.execPath, BIN], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FACTSPAN_HOME: dir },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('factspan: small/all.jsonl: not written: the disk is full. Free some space and try again; everything saved before is kept.\n')
    expect(run.stdout).toBe('left: []\n')
    // The same export where there is room.
    expect(runCli(dir, ['export', '--db', 'p.factspan', '--out', 'roomy/all.jsonl']).code).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'roomy/all.jsonl'), 'utf8').trim().split('\n')).toHaveLength(300)
  })
})
