import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { appPaths } from '../../src-main/service/paths'
import { createSampleProject } from '../../src-main/service/sample'
import { runCli, startServer } from './cli-helpers'
import { tempDir } from './helpers'

// Root may write any file, so as root the CLI runs as the unprivileged user "nobody", for whom read-only means read-only.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** The sample project in a folder anyone may write to, the file itself read-only; settings in their own folder. */
function readOnlyProject(folderMode = 0o777) {
  const dir = tempDir()
  const file = path.join(dir, 'reports.factspan')
  const { workspace } = createService({ settingsFile: path.join(dir, 'settings.json') })
  createSampleProject(workspace, file, appPaths.corpus)
  workspace.close()
  fs.chmodSync(file, 0o444)
  fs.chmodSync(dir, folderMode)
  const home = tempDir()
  fs.chmodSync(home, 0o777)
  fs.writeFileSync(path.join(dir, 'new.txt'), '新的報告')
  const env = { ...process.env, FACTSPAN_HOME: home }
  return { dir, file, env }
}

function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv) {
  return runCli(cwd, args, env, asUser)
}

describe('a read-only project file', () => {
  it('opens read-only: the CLI reads it, and an import is refused clearly with the file left as it was', () => {
    const { dir, file, env } = readOnlyProject()
    const before = sha256(file)
    const stats = cli(dir, ['stats', '--db', file, '--json'], env)
    expect(stats.stderr).toBe('')
    expect(JSON.parse(stats.stdout).documents).toBe(5)

    const imported = cli(dir, ['import', 'new.txt', '--db', file], env)
    expect(imported.code).toBe(1)
    expect(imported.stderr).toBe(`error: new.txt: not imported: ${file} is read-only: changes cannot be saved. Make the file writable, or open a copy, to edit it.\n`)
    expect(sha256(file)).toBe(before)
  })

  it('is served read-only: the app is told so, and an edit is refused with its own code', async () => {
    const { dir, file, env } = readOnlyProject()
    const before = sha256(file)
    const server = await startServer(dir, file, env, asUser)
    try {
      const info = await server.call('project.info')
      expect(info).toMatchObject({ ok: true, value: { path: file, readOnly: true, documentCount: 5 } })
      const documents = (await server.call('documents.list')) as { ok: true; value: Array<{ id: string }> }
      const refused = await server.call('spans.add', { documentId: documents.value[0].id, start: 0, end: 2, label: 'date' })
      expect(refused).toEqual({
        ok: false,
        error: { code: 'read-only', message: `${file} is read-only: changes cannot be saved. Make the file writable, or open a copy, to edit it.` },
      })
    } finally {
      server.child.kill()
      await server.exited
    }
    expect(sha256(file)).toBe(before)
  })

  it('in a read-only folder is refused with a message that says why, since its journal cannot be kept beside it', () => {
    const { dir, file, env } = readOnlyProject(0o555)
    const before = sha256(file)
    const stats = cli(dir, ['stats', '--db', file], env)
    expect(stats.code).toBe(1)
    expect(stats.stderr).toBe(
      `factspan: ${file}: its folder is read-only, and Factspan keeps the project's journal beside it. Copy the project to a folder you can write to.\n`,
    )
    expect(sha256(file)).toBe(before)
  })
})
