// A unit test of the sanitizing function alone, on jsdom: it needs a DOM to parse HTML.
import { describe, expect, it } from 'vitest'
import { guidelinesHtml } from '../../src-renderer/views/guidelinesHtml'

// What a hostile project file could hold in its guidelines.
const HOSTILE = [
  '# 标注规范 𠮷',
  '',
  'Dates include the year: **2020年2月25日**.',
  '',
  '<img src=x onerror="window.pwned = true">',
  '',
  '<script>window.pwned = true</script>',
  '',
  '[a link](javascript:window.pwned=true) and [the docs](https://example.org/guide)',
  '',
  '<a href="#" onclick="window.pwned = true">click</a> <iframe src="https://example.org"></iframe>',
].join('\n')

describe('the guidelines sanitizer', () => {
  it('keeps the Markdown’s formatting and removes script, handlers, javascript: links and frames', () => {
    const html = guidelinesHtml(HOSTILE)
    const page = document.createElement('div')
    page.innerHTML = html
    expect(page.querySelector('h1')?.textContent).toBe('标注规范 𠮷')
    expect(page.querySelector('strong')?.textContent).toBe('2020年2月25日')
    expect(page.querySelector('a[href="https://example.org/guide"]')?.textContent).toBe('the docs')
    // The image stays, without its handler.
    expect(page.querySelector('img')?.getAttribute('src')).toBe('x')
    expect(html).not.toMatch(/onerror|onclick|<script|javascript:|<iframe/i)
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined()
  })
})
