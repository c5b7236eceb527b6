import { describe, expect, it } from 'vitest'
import type { Document, Label, Span } from '../../src-main/shared/model'
import type { SuggestionView } from '../../src-main/shared/api'
import { asDone, describeEdit, inverse, type Edit } from '../../src-renderer/state/edits'
import { inverseGold, type GoldEdit } from '../../src-renderer/state/goldEdits'
import { historyOf, moveEdit, pushEdit } from '../../src-renderer/state/history'
import { Echoes, Latest } from '../../src-renderer/state/runtime'
import { createTextSession, pendingOf, placeCaret, quote, refreshSession, selectSpan, setPending } from '../../src-renderer/state/textSession'

function span(id: number, start: number, end: number, label = 'metric'): Span {
  return { id, documentId: 'd', start, end, label, text: '', annotator: 'alice', createdAt: '' }
}

// 2月25日 after "𠮷野家 ": code points 4–9 (𠮷 is one code point, two UTF-16 units).
const SUGGESTION: SuggestionView = { documentId: 'd', start: 4, end: 9, label: 'date', source: 'rule', score: 0.9, ruleId: 'date:month-day', text: '2月25日' }

const LABEL: Label = { name: 'person', color: '#9333ea', hotkey: '5', description: '人名' }

describe('the inverse of each edit', () => {
  const edits: Array<[Edit, Edit]> = [
    [{ kind: 'add', span: span(1, 0, 3) }, { kind: 'remove', span: span(1, 0, 3) }],
    [{ kind: 'remove', span: span(1, 0, 3) }, { kind: 'add', span: span(1, 0, 3) }],
    [
      { kind: 'relabel', span: span(1, 0, 3, 'metric'), from: 'metric', to: 'date' },
      { kind: 'relabel', span: span(1, 0, 3, 'date'), from: 'date', to: 'metric' },
    ],
    [
      { kind: 'resize', span: span(1, 0, 3), from: { start: 0, end: 3 }, to: { start: 1, end: 3 } },
      { kind: 'resize', span: span(1, 1, 3), from: { start: 1, end: 3 }, to: { start: 0, end: 3 } },
    ],
    [
      { kind: 'setDone', documentId: 'd', done: true },
      { kind: 'setDone', documentId: 'd', done: false },
    ],
    [
      { kind: 'addMany', documentId: 'd', spans: [span(1, 0, 3), span(2, 5, 8)], text: '𠮷野家' },
      { kind: 'removeMany', documentId: 'd', spans: [span(1, 0, 3), span(2, 5, 8)], text: '𠮷野家' },
    ],
    [
      { kind: 'addLabel', documentId: 'd', label: LABEL, position: 4, spans: [span(3, 1, 2, 'person')] },
      { kind: 'removeLabel', documentId: 'd', label: LABEL, position: 4, spans: [span(3, 1, 2, 'person')] },
    ],
    [
      { kind: 'updateLabel', documentId: 'd', from: LABEL, to: { ...LABEL, name: '人物' } },
      { kind: 'updateLabel', documentId: 'd', from: { ...LABEL, name: '人物' }, to: LABEL },
    ],
    [
      { kind: 'reorderLabels', documentId: 'd', from: ['a', 'b'], to: ['b', 'a'] },
      { kind: 'reorderLabels', documentId: 'd', from: ['b', 'a'], to: ['a', 'b'] },
    ],
    // Accepting made a span; its undo removes that span and forgets the decision, whatever label it was accepted with.
    [
      { kind: 'acceptSuggestions', documentId: 'd', suggestions: [SUGGESTION], label: 'metric', spans: [span(9, 4, 8, 'metric')] },
      { kind: 'unacceptSuggestions', documentId: 'd', suggestions: [SUGGESTION], label: 'metric', spans: [span(9, 4, 8, 'metric')] },
    ],
    [
      { kind: 'rejectSuggestions', documentId: 'd', suggestions: [SUGGESTION] },
      { kind: 'unrejectSuggestions', documentId: 'd', suggestions: [SUGGESTION] },
    ],
  ]

  it.each(edits.map(([edit, undo]) => [edit.kind, edit, undo] as const))('undoes %s exactly, and undoing the undo is the edit again', (_kind, edit, undo) => {
    expect(inverse(edit)).toEqual(undo)
    expect(inverse(inverse(edit))).toEqual(edit)
  })

  it('keeps the spans a redone accept made, so the next undo removes those and not the first ones', () => {
    const accept: Edit = { kind: 'acceptSuggestions', documentId: 'd', suggestions: [SUGGESTION], spans: [span(9, 4, 9, 'date')] }
    const again = asDone(accept, { kind: 'suggestions-accepted', documentId: 'd', suggestions: [SUGGESTION], spans: [span(12, 4, 9, 'date')] })
    expect(again).toEqual({ ...accept, spans: [span(12, 4, 9, 'date')] })
    expect(describeEdit(accept)).toBe('accept the suggestion “2月25日” (date)')
    expect(describeEdit({ kind: 'rejectSuggestions', documentId: 'd', suggestions: [SUGGESTION, { ...SUGGESTION, start: 0 }] })).toBe('reject 2 suggestions')
  })

  it('undoes a change of gold by swapping what it added and removed, and a review mark by its opposite', () => {
    const gold: GoldEdit = { kind: 'gold', documentId: 'd', added: [span(7, 0, 3)], removed: [span(6, 0, 2)], description: 'take' }
    expect(inverseGold(gold)).toEqual({ kind: 'gold', documentId: 'd', added: [span(6, 0, 2)], removed: [span(7, 0, 3)], description: 'take' })
    expect(inverseGold({ kind: 'reviewed', documentId: 'd', reviewed: true })).toEqual({ kind: 'reviewed', documentId: 'd', reviewed: false })
  })
})

describe('the undo history', () => {
  it('pushes an edit, forgetting the redo stack, and moves edits between the stacks of their document', () => {
    const a: Edit = { kind: 'add', span: span(1, 0, 3) }
    const b: Edit = { kind: 'add', span: span(2, 4, 5) }
    let histories = pushEdit(pushEdit({}, 'd', a), 'd', b)
    histories = moveEdit(histories, 'd', 'undo', b)
    expect(historyOf(histories, 'd')).toEqual({ undo: [a], redo: [b] })
    expect(historyOf(pushEdit(histories, 'd', b), 'd')).toEqual({ undo: [a, b], redo: [] })
    expect(historyOf(moveEdit(histories, 'd', 'redo', b), 'd')).toEqual({ undo: [a, b], redo: [] })
    expect(historyOf(histories, 'other')).toEqual({ undo: [], redo: [] })
  })
})

const DOCUMENT: Document = {
  id: 'd',
  title: '𠮷野家',
  length: 8,
  status: 'in_progress',
  layerStatus: 'in_progress',
  finishedBy: [],
  spanCount: 1,
  text: '𠮷野家 2月25日',
  textSha256: 'sha-1',
  meta: {},
}

describe('the text session', () => {
  it('is built once with its lines and offset map, and keeps the caret while a refresh brings the same text', () => {
    const session = selectSpan(createTextSession(DOCUMENT, [span(1, 0, 3)]), 1, 2)
    expect(session.text.map.codePointLength).toBe(9)
    expect(session.text.texts).toEqual(['𠮷野家 2月25日'])
    expect(quote(session, { start: 4, end: 9 })).toBe('2月25日')
    const refreshed = refreshSession(session, { ...DOCUMENT, status: 'done' }, [span(1, 0, 3)])
    expect(refreshed.text).toBe(session.text)
    expect(refreshed.caret).toBe(2)
    expect(refreshed.selectedSpanId).toBe(1)
    // The selected span went away elsewhere: the selection lets it go.
    expect(refreshSession(session, DOCUMENT, []).selectedSpanId).toBeNull()
    // Another text starts over.
    const other = refreshSession(session, { ...DOCUMENT, text: '杭州', textSha256: 'sha-2' }, [])
    expect(other.caret).toBe(0)
    expect(other.text.texts).toEqual(['杭州'])
  })

  it('keeps a pending selection and a selected span apart, and extends from the caret', () => {
    let session = createTextSession(DOCUMENT, [span(1, 0, 3)])
    session = placeCaret(session, 4, false)
    session = placeCaret(session, 9, true)
    expect(pendingOf(session)).toEqual({ start: 4, end: 9 })
    session = selectSpan(session, 1)
    expect(pendingOf(session)).toBeNull()
    session = setPending(session, 3, 1)
    expect(session.selectedSpanId).toBeNull()
    expect(pendingOf(session)).toEqual({ start: 1, end: 3 })
  })
})

describe('the store runtime', () => {
  it("counts a write's announcement as its own echo, and not one whose answer says nothing was sent", async () => {
    const echoes = new Echoes()
    await echoes.expect('d', Promise.resolve(1))
    await echoes.expect('d', Promise.resolve(0), (n) => n > 0)
    await expect(echoes.expect('d', Promise.reject(new Error('refused')))).rejects.toThrow('refused')
    expect(echoes.take('d')).toBe(true)
    expect(echoes.take('d')).toBe(false)
  })

  it('tells an answer to an older request from the newest of its kind', () => {
    const latest = new Latest()
    const first = latest.start('open')
    const second = latest.start('open')
    const library = latest.start('list')
    expect([first(), second(), library()]).toEqual([false, true, true])
    latest.drop('open')
    expect(second()).toBe(false)
  })
})
