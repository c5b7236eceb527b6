import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

// 𠮷0 野1 家2 復3 工4 閃5 貸6 2 7 月8 2 9 5 10 日11 發12 放13 1 14 1 15 . 16 8 17 7 18 億19 元20 😀21
const TEXT = '𠮷野家復工閃貸2月25日發放11.87億元😀'

function project() {
  const created = newProject('alice')
  importFiles(created.workspace.database(), [{ name: 'doc.txt', bytes: utf8(TEXT) }], { annotator: 'alice' })
  return created
}

const list = async (service: ReturnType<typeof newProject>['service']) =>
  (await service['suggestions.list']({ documentId: 'doc', sources: ['rule'] })).map(({ start, end, label, ruleId, text }) => ({ start, end, label, ruleId, text }))

describe('suggestion settings', () => {
  it('lists every built-in rule with its label; a rule switched off suggests nothing, and the setting stays after a restart', async () => {
    const { service, workspace, dir, file } = project()
    const settings = service['suggestions.settings']({})
    expect(settings.sources).toEqual({ rule: true, dictionary: true, model: true, imported: true, external: false })
    expect(settings.rules.find((r) => r.id === 'figure.amount')).toMatchObject({ family: 'figure', label: 'metric', enabled: true })
    expect(await list(service)).toEqual([
      { start: 7, end: 12, label: 'date', ruleId: 'date.calendar', text: '2月25日' },
      { start: 14, end: 21, label: 'metric', ruleId: 'figure.amount', text: '11.87億元' },
    ])
    service['suggestions.configure']({ disabledRules: ['figure.amount'] })
    expect((await list(service)).map((s) => s.text)).toEqual(['2月25日'])
    workspace.close()
    const reopened = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: file })
    expect(reopened.service['suggestions.settings']({}).rules.find((r) => r.id === 'figure.amount')?.enabled).toBe(false)
    reopened.workspace.close()
  })

  it('the project’s own patterns: an exact string and a regular expression, imported and exported as Prodigy-style JSONL', async () => {
    const { service } = project()
    const content = ['{"label": "measure", "pattern": "復工閃貸"}', '{"label": "organization", "pattern": "^𠮷..", "regex": true, "id": "shop"}'].join('\n')
    const settings = service['suggestions.importPatterns']({ name: 'patterns.jsonl', content })
    expect(settings.patterns).toEqual([
      { label: 'measure', pattern: '復工閃貸' },
      { label: 'organization', pattern: '^𠮷..', regex: true, id: 'shop' },
    ])
    expect(await list(service)).toEqual([
      // `.` is one code point: 𠮷野家 is 0–3.
      { start: 0, end: 3, label: 'organization', ruleId: 'user:shop', text: '𠮷野家' },
      { start: 3, end: 7, label: 'measure', ruleId: 'user:復工閃貸', text: '復工閃貸' },
      { start: 7, end: 12, label: 'date', ruleId: 'date.calendar', text: '2月25日' },
      { start: 14, end: 21, label: 'metric', ruleId: 'figure.amount', text: '11.87億元' },
    ])
    // Importing the same file again adds nothing.
    expect(service['suggestions.importPatterns']({ name: 'patterns.jsonl', content }).patterns).toHaveLength(2)
    expect(service['suggestions.exportPatterns']({})).toEqual({
      fileName: 'test-patterns.jsonl',
      content: '{"label":"measure","pattern":"復工閃貸"}\n{"label":"organization","pattern":"^𠮷..","regex":true,"id":"shop"}\n',
      patterns: 2,
    })
  })

  it('refuses a bad pattern or rule id with the reason, and changes nothing', () => {
    const { service } = project()
    expect(() => service['suggestions.importPatterns']({ name: 'bad.jsonl', content: '{"label": "date", "pattern": "("' + ', "regex": true}' })).toThrow(/^bad\.jsonl:1: pattern is not a valid regular expression/)
    expect(() => service['suggestions.configure']({ patterns: [{ label: 'date', pattern: 'x*', regex: true }] })).toThrow('Pattern 1 ("x*"): pattern matches the empty string')
    expect(() => service['suggestions.configure']({ disabledRules: ['date.nope'] })).toThrow(/No built-in rule "date\.nope"/)
    expect(service['suggestions.settings']({})).toMatchObject({ patterns: [], rules: expect.arrayContaining([expect.objectContaining({ enabled: true })]) })
  })

  it('counts accepted and rejected suggestions per source, and an undo takes its count back', async () => {
    const { service } = project()
    const open = await service['suggestions.list']({ documentId: 'doc' })
    expect(open.map((s) => s.source)).toEqual(['rule', 'rule'])
    service['suggestions.accept']({ documentId: 'doc', items: [{ start: 7, end: 12, label: 'date' }] })
    service['suggestions.reject']({ documentId: 'doc', items: [{ start: 14, end: 21, label: 'metric' }] })
    expect(service['suggestions.quality']({})).toEqual([{ source: 'rule', accepted: 1, rejected: 1 }])
    service['suggestions.forget']({ documentId: 'doc', items: [{ start: 14, end: 21, label: 'metric' }] })
    expect(service['suggestions.quality']({})).toEqual([{ source: 'rule', accepted: 1, rejected: 0 }])
  })
})
