import { afterEach, describe, expect, it } from 'vitest'
import { createAppStore } from '../../src-renderer/state/store'
import { importTexts, setUp } from './render'

afterEach(() => localStorage.clear())

/** Lets the history storage write what it holds: it waits for an idle moment (a timer where there is none). */
const written = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('undo histories', () => {
  it('survive a reload in both views, kept the same way: a new store on the same storage undoes the last edits', async () => {
    const { backend } = setUp('reviewer')
    const layers = [
      { start: 0, end: 3, label: 'organization', annotator: 'alice' },
      { start: 0, end: 3, label: 'organization', annotator: 'bob' },
    ]
    const line = JSON.stringify({ id: 'notice', text: '𠮷野家公告', spans: layers })
    backend.service['merge.files']({ files: [{ name: 'layers.jsonl', base64: Buffer.from(line).toString('base64') }] })
    await importTexts(backend, { 'brief.txt': '杭州高新区\n' })
    const first = createAppStore(backend.api, { storage: localStorage })
    await first.store.getState().loadProject()
    await first.store.getState().openDocument('brief')
    first.store.getState().setPending(0, 2)
    await first.store.getState().applyLabel('organization')
    await first.store.getState().openReview('notice')
    // The reviewer's own annotate layer is one more layer: the two annotators are compared.
    first.store.getState().setReviewAnnotators(['alice', 'bob'])
    await first.store.getState().acceptUnanimous()
    expect(backend.service['spans.list']({ documentId: 'notice', annotator: 'gold' })).toHaveLength(1)
    await written()

    // The page reloads: another store, the same storage.
    const second = createAppStore(backend.api, { storage: localStorage })
    await second.store.getState().loadProject()
    await second.store.getState().openReview('notice')
    await second.store.getState().undoGold()
    expect(backend.service['spans.list']({ documentId: 'notice', annotator: 'gold' })).toEqual([])
    await second.store.getState().openDocument('brief')
    await second.store.getState().undo()
    expect(backend.service['spans.list']({ documentId: 'brief' })).toEqual([])
  })
})
