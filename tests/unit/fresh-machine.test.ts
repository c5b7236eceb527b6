import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { appPaths } from '../../src-main/service/paths'
import { openLastOrSample } from '../../src-main/service/sample'
import { freshHomeEnv, runCli } from './cli-helpers'
import { tempDir } from './helpers'

describe('a fresh machine, with nothing in the home folder', () => {
  it('creates the settings folder and the sample project with the five articles on first launch', () => {
    const home = tempDir()
    const config = path.join(home, '.config', 'factspan')
    // The desktop app and browser mode both start this way, with their own settings folder.
    const { service, workspace } = createService({ settingsFile: path.join(config, 'settings.json') })
    openLastOrSample(workspace, path.join(config, 'sample.factspan'), appPaths.corpus)
    expect(service['documents.list']({}).length).toBe(5)
    expect(fs.existsSync(path.join(config, 'sample.factspan'))).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(config, 'settings.json'), 'utf8')).recentProjects).toEqual([path.join(config, 'sample.factspan')])
    workspace.close()
  })

  it('lets the CLI create a project and an export in folders that do not exist yet', () => {
    const home = tempDir()
    const env = freshHomeEnv(home)
    const imported = runCli(home, ['import', appPaths.corpus, '--db', 'work/2025/reports.factspan'], env)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    const exported = runCli(home, ['export', '--db', 'work/2025/reports.factspan', '--out', 'datasets/v1/all.jsonl'], env)
    expect(exported.stderr).toBe('')
    expect(exported.code).toBe(0)
    expect(fs.readFileSync(path.join(home, 'datasets/v1/all.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5)
    expect(fs.existsSync(path.join(home, 'datasets/v1/all.manifest.json'))).toBe(true)
    // Settings went to the XDG config folder, which did not exist either.
    expect(fs.existsSync(path.join(home, '.config', 'factspan', 'settings.json'))).toBe(true)
  })

  it('exports a brat folder into a parent folder that does not exist yet', () => {
    const home = tempDir()
    const env = freshHomeEnv(home)
    expect(runCli(home, ['import', appPaths.corpus, '--db', 'p.factspan'], env).code).toBe(0)
    const exported = runCli(home, ['export', '--db', 'p.factspan', '--format', 'brat', '--out', 'out/brat/corpus'], env)
    expect(exported.stderr).toBe('')
    expect(fs.readdirSync(path.join(home, 'out/brat/corpus')).filter((name) => name.endsWith('.txt'))).toHaveLength(5)
  })
})
