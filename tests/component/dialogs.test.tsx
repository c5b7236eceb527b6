import path from 'node:path'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createAppStore } from '../../src-renderer/state/store'
import { importTexts, renderWith, setUp } from './render'

describe('the dialogs, against the real service', () => {
  it('asks a first-time annotator for a name and keeps it in the project settings', async () => {
    const { backend, app } = setUp(null)
    renderWith(app)
    const welcome = await screen.findByRole('dialog', { name: 'Welcome to Factspan' })
    const name = within(welcome).getByRole('textbox', { name: 'Your name as annotator' })
    fireEvent.change(name, { target: { value: '  李华  ' } })
    fireEvent.click(within(welcome).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Welcome to Factspan' })).toBeNull())
    expect(backend.service['project.info']({}).annotator).toBe('李华')
    expect(screen.getByText('李华')).toBeTruthy()
  })

  it('creates a project at a typed path in browser mode, and says so', async () => {
    const { backend, app } = setUp()
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: 'Switch project' }))
    const dialog = await screen.findByRole('dialog', { name: 'Switch project' })
    const target = path.join(backend.dir, '𠮷野家.factspan')
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Project file path' }), { target: { value: target } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }))
    await screen.findByText(`Created ${target}`)
    expect(backend.service['project.info']({}).path).toBe(target)
    expect(screen.queryByRole('dialog', { name: 'Switch project' })).toBeNull()
  })

  it('refuses to create a project over an existing file and keeps the dialog open with the reason', async () => {
    const { backend, app } = setUp()
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: 'Switch project' }))
    const dialog = await screen.findByRole('dialog', { name: 'Switch project' })
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Project file path' }), { target: { value: path.join(backend.dir, 'project.factspan') } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/exists/)
    expect(screen.getByRole('dialog', { name: 'Switch project' })).toBeTruthy()
  })

  it('imports a chosen text file and a JSONL with a bad line, reporting the line', async () => {
    const { backend, app } = setUp()
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import documents' })
    const files = [
      new File(['𠮷野家公告\n截至2月25日\n'], 'notice.txt', { type: 'text/plain' }),
      new File(['{"id": "a", "text": "杭州"}\n{not json\n'], 'broken.jsonl', { type: 'application/json' }),
    ]
    fireEvent.change(dialog.querySelector('input[type=file][multiple]')!, { target: { files } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }))
    await within(dialog).findByText('Imported 1 document and 0 spans, 1 error', {}, { timeout: 10_000 })
    const errors = within(dialog).getByRole('table', { name: 'Import errors' })
    expect(within(errors).getByText('broken.jsonl')).toBeTruthy()
    expect(within(errors).getByText('2')).toBeTruthy()
    expect(backend.service['documents.list']({}).map((d) => d.id)).toEqual(['notice'])
  })

  it('adds a label in the label editor with the next free hotkey, and undoes it', async () => {
    const { backend, app } = setUp()
    await importTexts(backend, { 'notice.txt': '𠮷野家公告\n' })
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: /𠮷野家公告/ }))
    const article = await screen.findByRole('document', { name: 'Article text' })
    fireEvent.keyDown(article, { key: 'l' })
    const editor = await screen.findByRole('dialog', { name: 'Edit labels' })
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Name of the new label' }), { target: { value: 'person' } })
    expect((within(editor).getByRole('combobox', { name: 'Hotkey of the new label' }) as HTMLSelectElement).value).toBe('5')
    fireEvent.click(within(editor).getByRole('button', { name: 'Add label' }))
    await within(editor).findByRole('textbox', { name: 'Name of person' })
    expect(backend.service['labels.list']({}).map((l) => [l.name, l.hotkey])).toContainEqual(['person', '5'])
    fireEvent.click(within(editor).getByRole('button', { name: /^Undo add the label person/ }))
    await waitFor(() => expect(backend.service['labels.list']({}).map((l) => l.name)).not.toContain('person'))
  })

  it('keeps what is being typed into one label while another label is moved and the list is read again', async () => {
    const { backend, app } = setUp()
    await importTexts(backend, { 'notice.txt': '𠮷野家公告\n' })
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: /𠮷野家公告/ }))
    fireEvent.keyDown(await screen.findByRole('document', { name: 'Article text' }), { key: 'l' })
    const editor = await screen.findByRole('dialog', { name: 'Edit labels' })
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Name of metric' }), { target: { value: '指标' } })
    fireEvent.click(within(editor).getByRole('button', { name: 'Move date up' }))
    await waitFor(() => expect(backend.service['labels.list']({}).map((l) => l.name)).toEqual(['metric', 'measure', 'date', 'organization']))
    await waitFor(() => expect(within(editor).getAllByRole('textbox', { name: /^Name of / }).map((t) => (t as HTMLInputElement).value)).toEqual(['指标', 'measure', 'date', 'organization', '']))
    const metricForm = within(editor).getByRole('form', { name: 'Label metric' })
    expect((within(metricForm).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('keeps two stores apart: what one opens and selects, the other never sees', async () => {
    const { backend, app } = setUp()
    await importTexts(backend, { 'notice.txt': '𠮷野家公告\n' })
    const other = createAppStore(backend.api, { storage: null })
    await app.store.getState().loadProject()
    await other.store.getState().loadProject()
    await app.store.getState().openDocument('notice')
    app.store.getState().setPending(0, 3)
    expect(app.store.getState().annotate?.anchor).toBe(0)
    expect(other.store.getState().annotate).toBeNull()
    expect(other.store.getState().view).toBe('library')
  })
})

describe('the export dialog checks the seed by the contract’s rule', () => {
  it('says the seed rule, in the words the CLI and the service use, and takes the largest seed', async () => {
    const { app } = setUp()
    renderWith(app)
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }))
    const dialog = await screen.findByRole('dialog', { name: 'Export annotations' })
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /One file per split/ }))
    const seed = within(dialog).getByRole('spinbutton', { name: 'Seed' })
    for (const typed of ['1.5', '-1', '4294967296']) {
      fireEvent.change(seed, { target: { value: typed } })
      // Written by hand: the shared rule "the seed is a whole number from 0 to 4294967295", as a sentence.
      expect((await within(dialog).findByRole('alert')).textContent).toBe('The seed is a whole number from 0 to 4294967295.')
    }
    fireEvent.change(seed, { target: { value: '4294967295' } })
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull())
  })
})
