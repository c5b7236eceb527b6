import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatcher } from '../../src-main/bridge/dispatch'
import { newProject } from './helpers'

// What the fuzzing of every method found, each pinned down by hand.
describe('arguments the contract refuses before the service sees them', () => {
  it('a label or annotator name with NUL, another control character or a lone surrogate', async () => {
    const { service } = newProject()
    const call = dispatcher(service)
    for (const name of ['metric\u0000', 'a\u001bb', '\ud800', 'x\udc00y', 'date\u0085']) {
      expect(await call('labels.add', { name }), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('must not contain control characters or lone surrogates') } })
      expect(await call('project.setAnnotator', { name })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
      expect(await call('spans.list', { documentId: 'd', annotator: name })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    }
    // A pair that is whole is a character like any other.
    expect(await call('labels.add', { name: '𠮷 person' })).toMatchObject({ ok: true })
  })

  it('a project path with NUL, which SQLite would have answered with an internal error', async () => {
    const { service, dir } = newProject()
    expect(await dispatcher(service)('project.create', { path: `${dir}/a\u0000.factspan` })).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('must not contain NUL') } })
  })

  it('file bytes that are not base64, which would have been imported with the stray characters skipped', async () => {
    const { service } = newProject()
    const answer = await dispatcher(service)('import.files', { files: [{ name: 'a.txt', base64: '5p2t5bee!!' }] })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('must be base64') } })
    expect(service['documents.list']({})).toEqual([])
  })
})

describe('projects the service refuses with a clear message', () => {
  it('a folder, while a new project in a folder that does not exist yet gets its folder', async () => {
    const { service, dir } = newProject()
    const call = dispatcher(service)
    const fresh = path.join(dir, 'no-such-folder', 'p.factspan')
    expect(await call('project.create', { path: fresh })).toMatchObject({ ok: true, value: { path: fresh, documentCount: 0 } })
    expect(fs.statSync(fresh).isFile()).toBe(true)
    fs.mkdirSync(path.join(dir, 'folder.factspan'))
    expect(await call('project.open', { path: path.join(dir, 'folder.factspan') })).toEqual({
      ok: false,
      error: { code: 'bad-input', message: `${path.join(dir, 'folder.factspan')}: is a folder, not a project file` },
    })
  })
})
