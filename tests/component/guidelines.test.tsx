import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { GuidelinesPanel } from '../../src-renderer/views/GuidelinesPanel'
import { renderWith, setUp } from './render'

const HOSTILE = '# 规范 𠮷\n\n日期含年份。\n\n<img src=x onerror="window.pwned = true">\n\n<script>window.pwned = true</script>\n'

describe("the project's guidelines in the app", () => {
  it('shows a hostile project’s guidelines without running its script', async () => {
    const { backend, app } = setUp()
    backend.service['guidelines.set']({ markdown: HOSTILE })
    const { container } = renderWith(app, <GuidelinesPanel />)
    await screen.findByText('日期含年份。')
    const panel = container.querySelector('.guidelines')!
    expect(panel.querySelector('img')).not.toBeNull()
    expect(panel.innerHTML).not.toMatch(/onerror|<script/i)
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined()
  })

  it('lets the reviewer edit them in Markdown with a sanitized preview, and saves them into the project', async () => {
    const { backend, app } = setUp('reviewer')
    renderWith(app, <GuidelinesPanel />)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit guidelines' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit guidelines' })
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Markdown' }), { target: { value: HOSTILE } })
    const preview = within(dialog).getByRole('region', { name: 'Preview' })
    expect(within(preview).getByRole('heading', { name: '规范 𠮷' })).toBeTruthy()
    expect(preview.innerHTML).not.toMatch(/onerror|<script/i)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save guidelines' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit guidelines' })).toBeNull())
    expect(backend.service['guidelines.get']({}).markdown).toBe(HOSTILE)
    expect(await screen.findByText('日期含年份。')).toBeTruthy()
  })
})
