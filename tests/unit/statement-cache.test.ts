import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { cached } from '../../src-main/store/statements'
import { newProject, tempDir, utf8 } from './helpers'

describe('statements every edit runs', () => {
  it('are prepared once per database handle', () => {
    const a = newProject().workspace.database()
    const b = newProject().workspace.database()
    const sql = 'SELECT count(*) AS n FROM spans'
    expect(cached(a, sql)).toBe(cached(a, sql))
    expect(cached(b, sql)).not.toBe(cached(a, sql))
    expect(cached(a, 'SELECT count(*) AS n FROM labels')).not.toBe(cached(a, sql))
  })

  it('keep working for the project opened after another one, with its own spans', async () => {
    const { service, workspace } = newProject('alice')
    importFiles(workspace.database(), [{ name: 'first.txt', bytes: utf8('𠮷野家2月25日') }], { annotator: 'alice' })
    await service['spans.add']({ documentId: 'first', start: 3, end: 8, label: 'date' })
    const second = path.join(tempDir(), 'second.factspan')
    workspace.open(second, true)
    importFiles(workspace.database(), [{ name: 'second.txt', bytes: utf8('😀复工率91.9%') }], { annotator: 'alice' })
    const span = await service['spans.add']({ documentId: 'second', start: 4, end: 9, label: 'metric' })
    expect(span).toMatchObject({ text: '91.9%', label: 'metric' })
    expect(await service['spans.list']({ documentId: 'second' })).toHaveLength(1)
    expect(() => service['spans.add']({ documentId: 'second', start: 1, end: 2, label: 'nonsense' })).toThrow(/No label "nonsense"/)
  })
})
