import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import { tempDir, utf8 } from './helpers'
import { dateRecords, DATES } from './suggestions-helpers'



function trainedProject(retrainDelayMs = -1) {
  const dir = tempDir()
  const file = path.join(dir, 'model.factspan')
  const created = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: file, createProject: true, retrainDelayMs })
  created.workspace.settings.setAnnotator('alice')
  importFiles(created.workspace.database(), [{ name: 'dates.jsonl', bytes: utf8(dateRecords().map((r) => JSON.stringify(r)).join('\n')) }], { annotator: 'alice' })
  for (const { id } of DATES.map((_, i) => ({ id: `d${i}` }))) created.service['documents.setDone']({ id, done: true })
  return { ...created, dir, file }
}

const modelSuggestions = async (service: ReturnType<typeof createService>['service'], documentId = 'new') =>
  (await service['suggestions.list']({ documentId, sources: ['model'] })).map(({ start, end, label, source, text }) => ({ start, end, label, source, text }))

describe('the suggestion model in a project', () => {
  it('trains on the finished documents of a layer, evaluates on a held-out part, and suggests in a new document', async () => {
    const { service } = trainedProject()
    expect(service['model.info']({})).toBeNull()
    const info = await service['model.train']({ layer: 'alice', heldOut: 0.25, seed: 5 })
    // 8 finished documents, a quarter (2) held out.
    expect(info).toMatchObject({ layer: 'alice', labels: ['date'], documents: 6, heldOutDocuments: 2 })
    expect(info.evaluation?.perLabel.map((l) => [l.label, l.support])).toEqual([['date', 2]])
    expect(info.learningCurve.map((p) => p.share)).toEqual([0.25, 0.5, 1])
    expect(await modelSuggestions(service)).toEqual([{ start: 3, end: 8, label: 'date', source: 'model', text: '5月20日' }])
    expect(service['model.info']({})).toEqual(info)
  })

  it('trains the same model for the same seed; the model survives a restart and a save and load', async () => {
    const first = trainedProject()
    await first.service['model.train']({ layer: 'alice', heldOut: 0.25, seed: 5 })
    const saved = first.service['model.save']({})
    const again = trainedProject()
    await again.service['model.train']({ layer: 'alice', heldOut: 0.25, seed: 5 })
    expect(again.service['model.save']({}).base64).toBe(saved.base64)

    first.workspace.close()
    const reopened = createService({ settingsFile: path.join(first.dir, 'settings.json'), projectPath: first.file, retrainDelayMs: -1 })
    expect(reopened.service['model.info']({})?.layer).toBe('alice')
    expect(await modelSuggestions(reopened.service)).toEqual([{ start: 3, end: 8, label: 'date', source: 'model', text: '5月20日' }])
    reopened.workspace.close()

    const other = trainedProject()
    const loaded = other.service['model.load']({ name: 'dates.fsmodel', base64: saved.base64 })
    expect(loaded).toMatchObject({ layer: '', labels: ['date'], documents: 6 })
    expect(await modelSuggestions(other.service)).toEqual([{ start: 3, end: 8, label: 'date', source: 'model', text: '5月20日' }])
    expect(() => other.service['model.load']({ name: 'notes.txt', base64: Buffer.from('hello').toString('base64') })).toThrow(/notes\.txt: not a Factspan tagger model/)
  })

  it('refuses to train on a layer without finished documents, naming the layer', async () => {
    const { service } = trainedProject()
    await expect(service['model.train']({ layer: 'bob' })).rejects.toThrow('No finished document has spans in the layer "bob"')
  })

  it('retrains in the background once more documents of its layer are finished', async () => {
    const { service, workspace } = trainedProject(0)
    service['documents.setDone']({ id: 'd7', done: false })
    await service['model.train']({ layer: 'alice', heldOut: 0, seed: 1 })
    expect(service['model.info']({})?.documents).toBe(7)
    const retrained = new Promise<void>((resolve) => workspace.onEvent((m) => m.event === 'suggestions-changed' && resolve()))
    service['documents.setDone']({ id: 'd7', done: true })
    await retrained
    expect(service['model.info']({})?.documents).toBe(8)
  })
})
