import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestionHighlightName, suggestionsLayer } from '../../src-renderer/editor/layers'
import { importTexts, renderWith, setUp } from './render'
import { DATES } from '../unit/suggestions-helpers'

// Code points by hand: 𠮷野家公告 is 0–5 and its line break 5; 😀 is 6, 截至 7–8, 2月25日 9–14, "，" 14,
// 𠮷野家 15–18, 復工率 18–21, 91.9% 21–26. The built-in rules propose 2月25日 as a date and 91.9% as a metric.
const RARE = '𠮷野家公告\n😀截至2月25日，𠮷野家復工率91.9%。\n'

// jsdom lays nothing out, so the side lists' scroll boxes are given a height, else the virtualizer shows no row.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('side-scroll') ? 800 : 0
    },
  })
})
afterAll(() => Object.defineProperty(Element.prototype, 'clientHeight', clientHeight))

async function openRare() {
  const { backend, app } = setUp('alice')
  await importTexts(backend, { 'rare.txt': RARE })
  renderWith(app)
  fireEvent.click(await screen.findByRole('button', { name: /𠮷野家公告/ }))
  const article = await screen.findByRole('document', { name: 'Article text' })
  article.focus()
  const panel = screen.getByRole('region', { name: /Suggestions/ })
  await within(panel).findByRole('button', { name: 'Accept “91.9%” as metric' })
  return { backend, app, article, panel }
}

const key = (target: HTMLElement, key: string, init: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => fireEvent.keyDown(target, { key, ...init })

describe('suggestions in the annotate view', () => {
  it('come with the document in their own section, with source and score, never as spans', async () => {
    const { app, panel } = await openRare()
    expect(within(panel).getByRole('heading', { name: /Suggestions/ }).textContent).toContain('2')
    expect(within(panel).getByRole('button', { name: 'Go to the suggestion “2月25日” as date, from rule, 90%' })).toBeTruthy()
    expect(app.store.getState().annotate?.spans).toEqual([])
    expect(app.store.getState().suggestions.map((s) => [s.start, s.end, s.label, s.source])).toEqual([
      [9, 14, 'date', 'rule'],
      [21, 26, 'metric', 'rule'],
    ])
  })

  it('paints them in a layer of their own, one highlight per label, found by range like spans', async () => {
    const { app } = await openRare()
    const state = app.store.getState()
    const layer = suggestionsLayer(state.suggestions, state.project!.labels, '')
    expect(layer.id).toBe('suggestions')
    expect([...layer.visible(0, 15)].map((s) => s.text)).toEqual(['2月25日'])
    expect(layer.highlight(state.suggestions[1])).toBe(suggestionHighlightName('metric'))
    // A label the set does not have shares the fallback highlight.
    expect(layer.highlight({ ...state.suggestions[1], label: 'gone' })).toBe(suggestionHighlightName(''))
  })

  it('y accepts the next suggestion as a span of my layer and moves on; n rejects; undo brings each back', async () => {
    const { backend, app, article } = await openRare()
    key(article, 'y')
    await screen.findByText(/Saved · accept the suggestion “2月25日” \(date\)/)
    expect(backend.service['spans.list']({ documentId: 'rare' })).toMatchObject([{ start: 9, end: 14, label: 'date', text: '2月25日', annotator: 'alice' }])
    // The caret went on to the next suggestion.
    expect(screen.getByText('Character 21 of 28')).toBeTruthy()
    key(article, 'n')
    await screen.findByText(/Saved · reject the suggestion “91.9%” \(metric\)/)
    expect(app.store.getState().suggestions).toEqual([])
    expect(await backend.service['suggestions.list']({ documentId: 'rare' })).toEqual([])
    expect(backend.service['suggestions.quality']({})).toEqual([{ source: 'rule', accepted: 1, rejected: 1 }])

    key(article, 'z', { ctrlKey: true })
    await waitFor(() => expect(app.store.getState().suggestions.map((s) => s.text)).toEqual(['91.9%']))
    key(article, 'z', { ctrlKey: true })
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toEqual([]))
    await waitFor(() => expect(app.store.getState().suggestions.map((s) => s.text)).toEqual(['2月25日', '91.9%']))
    expect((await backend.service['suggestions.list']({ documentId: 'rare' })).length).toBe(2)
    // Redo accepts again, and its undo removes the span that redo made.
    key(article, 'z', { ctrlKey: true, shiftKey: true })
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toHaveLength(1))
    key(article, 'z', { ctrlKey: true })
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toEqual([]))
  })

  it('s and Shift+S step through them; a label key on the selected one accepts it with that label', async () => {
    const { backend, article } = await openRare()
    key(article, 's')
    expect(screen.getByText('Character 9 of 28')).toBeTruthy()
    key(article, 's')
    expect(screen.getByText('Character 21 of 28')).toBeTruthy()
    key(article, 'S', { shiftKey: true })
    expect(screen.getByText('Character 9 of 28')).toBeTruthy()
    // 3 is organization's hotkey.
    key(article, '3')
    await screen.findByText(/Saved · accept the suggestion “2月25日” \(date\) as organization/)
    expect(backend.service['spans.list']({ documentId: 'rare' })).toMatchObject([{ start: 9, end: 14, label: 'organization' }])
    // The date suggestion was decided: it does not come back as a date either.
    expect((await backend.service['suggestions.list']({ documentId: 'rare' })).map((s) => s.text)).toEqual(['91.9%'])
  })

  it('Shift+Y accepts every suggestion of the document as one undo step', async () => {
    const { backend, article } = await openRare()
    key(article, 'Y', { shiftKey: true })
    await screen.findByText(/Saved · accept 2 suggestions/)
    expect(backend.service['spans.list']({ documentId: 'rare' }).map((s) => [s.start, s.end, s.label])).toEqual([
      [9, 14, 'date'],
      [21, 26, 'metric'],
    ])
    key(article, 'z', { ctrlKey: true })
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toEqual([]))
  })

  it('accepts and rejects from the side list by named buttons, and from one source above a score', async () => {
    const { backend, panel } = await openRare()
    fireEvent.click(within(panel).getByRole('button', { name: 'Reject “2月25日” as date' }))
    await screen.findByText(/Saved · reject the suggestion “2月25日”/)
    fireEvent.change(within(panel).getByRole('combobox'), { target: { value: 'rule' } })
    fireEvent.change(within(panel).getByRole('spinbutton', { name: 'Lowest score, in percent' }), { target: { value: '95' } })
    expect(within(panel).getByRole('button', { name: 'Accept 0' })).toHaveProperty('disabled', true)
    fireEvent.change(within(panel).getByRole('spinbutton', { name: 'Lowest score, in percent' }), { target: { value: '80' } })
    fireEvent.click(await within(panel).findByRole('button', { name: 'Accept 1' }))
    await screen.findByText(/Saved · accept the suggestion “91.9%”/)
    expect(backend.service['spans.list']({ documentId: 'rare' })).toMatchObject([{ start: 21, end: 26, label: 'metric', text: '91.9%' }])
  })

  it('lists the suggestion keys in the help dialog', async () => {
    const { article } = await openRare()
    key(article, '?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(within(help).getByText(/accept the suggestion at the caret, or the next one/)).toBeTruthy()
    expect(within(help).getByText(/accept every suggestion in the document, as one undo step/)).toBeTruthy()
  })

  it('settings switch a rule off, add an own pattern and import Prodigy JSONL, and show each source’s accepted share', async () => {
    const { backend, article, panel } = await openRare()
    key(article, 'y')
    await screen.findByText(/Saved · accept the suggestion “2月25日”/)
    fireEvent.click(within(panel).getByRole('button', { name: 'Settings' }))
    const dialog = await screen.findByRole('dialog', { name: 'Suggestions' })
    // rule: 1 accepted, 0 rejected.
    const quality = await within(dialog).findByRole('row', { name: /^rule 1 0/ })
    expect(quality.textContent).toContain('100%')

    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^figure: A percentage: 91.9%/ }))
    await waitFor(() => expect(backend.service['suggestions.settings']({}).rules.find((r) => r.id === 'figure.percent')?.enabled).toBe(false))
    await waitFor(() => expect(within(panel).queryByRole('button', { name: 'Accept “91.9%” as metric' })).toBeNull())

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Pattern' }), { target: { value: '復工率' } })
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Label of the pattern' }), { target: { value: 'metric' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }))
    await within(panel).findByRole('button', { name: 'Accept “復工率” as metric' })

    const jsonl = new File(['{"label": "organization", "pattern": "𠮷野家"}\n'], 'patterns.jsonl', { type: 'application/json' })
    fireEvent.change(within(dialog).getByLabelText(/Import Prodigy JSONL/), { target: { files: [jsonl] } })
    await within(dialog).findByText('Imported 1 patterns from patterns.jsonl')
    expect(backend.service['suggestions.settings']({}).patterns).toEqual([
      { label: 'metric', pattern: '復工率' },
      { label: 'organization', pattern: '𠮷野家' },
    ])
    // 𠮷野家 twice: at 0–3 and 15–18, counted in code points.
    await waitFor(() =>
      expect(
        (backend.service['suggestions.list']({ documentId: 'rare', sources: ['rule'] }) as Promise<Array<{ start: number; label: string }>>).then((list) =>
          list.filter((s) => s.label === 'organization').map((s) => s.start),
        ),
      ).resolves.toEqual([0, 15]),
    )
    expect(within(dialog).getByText('No model yet: finish some documents, then train one.')).toBeTruthy()
  })

  it('trains the model on a finished layer from the settings, shows its scores and curve, and its suggestions follow', async () => {
    const { backend, app } = setUp('alice')
    // Dates as alice tagged them (the unit tests' set and two more); offsets by hand (𠮷 is one code point).
    const dates = [
      ...DATES,
      { text: '10月9日起恢复营业。', start: 0, end: 5 },
      { text: '8月16日完成验收。', start: 0, end: 5 },
    ]
    const records = dates.map(({ text, start, end }, i) => JSON.stringify({ id: `d${i}`, text, spans: [{ start, end, label: 'date' }] }))
    // 𠮷0 据1 悉2, then 5月20日 at 3–8.
    records.push(JSON.stringify({ id: 'new', text: '𠮷据悉5月20日开放。😀' }))
    await importTexts(backend, { 'dates.jsonl': records.join('\n') })
    for (let i = 0; i < dates.length; i++) backend.service['documents.setDone']({ id: `d${i}`, done: true })
    // Only the model may propose, so what appears is its own.
    backend.service['suggestions.configure']({ sources: { rule: false, dictionary: false } })
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: /^𠮷据悉/ }))
    await screen.findByRole('document', { name: 'Article text' })
    const panel = screen.getByRole('region', { name: /Suggestions/ })
    fireEvent.click(within(panel).getByRole('button', { name: 'Settings' }))
    const dialog = await screen.findByRole('dialog', { name: 'Suggestions' })
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Layer to learn from' }), { target: { value: 'alice' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Train' }))
    // 10 finished documents, 0.1 of them (1) held out.
    await within(dialog).findByText(/^Trained on 9 documents in/, undefined, { timeout: 20_000 })
    expect(within(dialog).getByRole('table', { name: 'Precision, recall and F1 on the held-out documents' })).toBeTruthy()
    expect(within(dialog).getByRole('row', { name: /^date/ })).toBeTruthy()
    expect(within(dialog).getByRole('img', { name: /^Learning curve\./ })).toBeTruthy()
    await within(panel).findByRole('button', { name: /^Go to the suggestion “5月20日” as date, from model/ })
  })
})
