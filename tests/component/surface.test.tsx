import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { importTexts, renderWith, setUp } from './render'

// Line 2 starts at code point 6 (𠮷 is two UTF-16 units, one code point); 😀 too.
const RARE = '𠮷野家公告\n😀截至2月25日，𠮷野家復工率91.9%。\n'

async function openRare(annotator = 'alice') {
  const { backend, app } = setUp(annotator)
  await importTexts(backend, { 'rare.txt': RARE })
  renderWith(app)
  fireEvent.click(await screen.findByRole('button', { name: /𠮷野家公告/ }))
  const article = await screen.findByRole('document', { name: 'Article text' })
  article.focus()
  return { backend, app, article }
}

const key = (target: HTMLElement, key: string, init: { shiftKey?: boolean; ctrlKey?: boolean; code?: string } = {}) =>
  fireEvent.keyDown(target, { key, code: init.code ?? '', ...init })

describe('the text surface', () => {
  it('tags a selection made with Shift+arrows across 𠮷 and 😀, and saves code points', async () => {
    const { backend, article } = await openRare()
    key(article, 'ArrowDown')
    key(article, 'Home')
    for (let i = 0; i < 9; i++) key(article, 'ArrowRight')
    for (let i = 0; i < 3; i++) key(article, 'ArrowRight', { shiftKey: true })
    expect(screen.getByText('Selected 3 characters (15–18)')).toBeTruthy()
    key(article, '3')
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toHaveLength(1))
    expect(backend.service['spans.list']({ documentId: 'rare' })[0]).toMatchObject({ start: 15, end: 18, text: '𠮷野家', label: 'organization', annotator: 'alice' })
    await screen.findByText(/Saved · tag “𠮷野家” as organization/)
  })

  it('takes a DOM selection set by a script when it has none of its own', async () => {
    const { backend, article } = await openRare()
    const line = article.querySelectorAll('.line')[1]
    const text = line.firstChild!
    const at = line.textContent!.indexOf('復工率')
    const range = document.createRange()
    range.setStart(text, at)
    range.setEnd(text, at + 3)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    key(article, '1')
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toHaveLength(1))
    expect(backend.service['spans.list']({ documentId: 'rare' })[0]).toMatchObject({ start: 18, end: 21, text: '復工率', label: 'metric' })
  })

  it('undoes and redoes by keys, and Tab walks the spans in text order', async () => {
    const { backend, article } = await openRare()
    for (let i = 0; i < 3; i++) key(article, 'ArrowRight', { shiftKey: true })
    key(article, '3')
    await screen.findByText(/Saved · tag “𠮷野家”/)
    key(article, 'End', { ctrlKey: true })
    // Past the final line break and back over seven characters: the line break is trimmed off.
    for (let i = 0; i < 7; i++) key(article, 'ArrowLeft', { shiftKey: true })
    key(article, '1')
    await screen.findByText(/Saved · tag “91.9%。”/)
    key(article, 'Escape')
    key(article, 'Home', { ctrlKey: true })
    key(article, 'Tab')
    // Tab puts the caret at the start of the span it selects.
    expect(screen.getByText('Character 0 of 28')).toBeTruthy()
    key(article, 'Tab')
    expect(screen.getByText('Character 21 of 28')).toBeTruthy()
    key(article, 'Delete')
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toHaveLength(1))
    key(article, 'z', { ctrlKey: true })
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' })).toHaveLength(2))
    key(article, 'z', { ctrlKey: true, shiftKey: true })
    await waitFor(() => expect(backend.service['spans.list']({ documentId: 'rare' }).map((s) => s.text)).toEqual(['𠮷野家']))
  })

  it('shows the review session on the same surface: u accepts what both annotators agree on into gold', async () => {
    const { backend, app } = setUp('reviewer')
    const layers: Array<[number, number, string, string]> = [
      [0, 3, 'organization', 'alice'],
      [8, 14, 'date', 'alice'],
      [0, 3, 'organization', 'bob'],
      [9, 14, 'date', 'bob'],
    ]
    const line = JSON.stringify({ id: 'rare', text: RARE, spans: layers.map(([start, end, label, annotator]) => ({ start, end, label, annotator })) })
    const merged = backend.service['merge.files']({ files: [{ name: 'layers.jsonl', base64: Buffer.from(line).toString('base64') }] })
    expect(merged.problems).toEqual([])
    renderWith(app)
    await screen.findByRole('button', { name: /𠮷野家公告/ })
    await act(() => app.store.getState().openReview())
    const text = await screen.findByRole('document', { name: 'Compared text' })
    expect(text.textContent).toContain('復工率')
    // jsdom lays nothing out, so the virtual list of comparisons shows no rows: its heading counts them.
    expect(screen.getByRole('heading', { name: /Disagreements/ }).textContent).toBe('Disagreements 11 agreed span')
    text.focus()
    key(text, 'u')
    await screen.findByText('Saved · accept 1 unanimous span')
    const gold = backend.service['spans.list']({ documentId: 'rare', annotator: 'gold' })
    expect(gold).toMatchObject([{ start: 0, end: 3, label: 'organization', text: '𠮷野家' }])
    expect(screen.getByRole('checkbox', { name: 'gold (1 span)' })).toBeTruthy()
  })

  it('paints a taken version at once, puts the saved span in its place, and takes it back when the server refuses', async () => {
    const { backend, app } = setUp('reviewer')
    // alice and bob disagree on the date's start: 8–14 (😀 is one code point, so 截 is 8) against 9–14.
    const layers: Array<[number, number, string, string]> = [
      [8, 14, 'date', 'alice'],
      [9, 14, 'date', 'bob'],
    ]
    const line = JSON.stringify({ id: 'rare', text: RARE, spans: layers.map(([start, end, label, annotator]) => ({ start, end, label, annotator })) })
    expect(backend.service['merge.files']({ files: [{ name: 'layers.jsonl', base64: Buffer.from(line).toString('base64') }] }).problems).toEqual([])
    renderWith(app)
    await screen.findByRole('button', { name: /𠮷野家公告/ })
    await act(() => app.store.getState().openReview())
    const text = await screen.findByRole('document', { name: 'Compared text' })
    text.focus()
    const gold = () => (app.store.getState().review?.spans ?? []).map((g) => `${g.start}–${g.end} ${g.label}`)
    key(text, 'n')
    // Before the server has answered, gold already shows alice's version.
    key(text, '!', { shiftKey: true, code: 'Digit1' })
    expect(gold()).toEqual(['8–14 date'])
    await screen.findByText(/Saved · take alice's version/)
    expect(gold()).toEqual(['8–14 date'])
    expect(app.store.getState().review?.spans[0].id).toBe(backend.service['spans.list']({ documentId: 'rare', annotator: 'gold' })[0].id)

    // The project goes away: bob's version is painted, refused, and gold is as the server last said.
    backend.workspace.close()
    key(text, '!', { shiftKey: true, code: 'Digit2' })
    expect(gold()).toEqual(['9–14 date'])
    await waitFor(() => expect(gold()).toEqual(['8–14 date']))
  })
})
