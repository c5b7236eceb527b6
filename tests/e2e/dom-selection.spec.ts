/// <reference lib="dom" />
// A selection is a selection however it was made: a DOM range set by a script (as caret browsing or assistive
// technology would) is what a label key tags when the app has no selection of its own, through the offsets module.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openImportedText, test, type Served } from './fixtures'

// Line 2 starts at code point 6 (UTF-16 7: 𠮷 is two units); in it 😀 is one code point, two units.
const TEXT = '𠮷野家公告\n😀截至2月25日，𠮷野家復工率91.9%。\n'

async function openDocument(page: Page, served: Served): Promise<void> {
  await openImportedText(page, served, 'rare.txt', TEXT, /𠮷野家公告/)
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText('復工率')
}

/** Sets the window's selection over the first occurrence of `phrase` in the line holding it, as a script would. */
function selectInDom(page: Page, phrase: string): Promise<void> {
  return page.evaluate((phrase) => {
    const line = [...document.querySelectorAll<HTMLElement>('[role="document"] .line')].find((l) => l.textContent!.includes(phrase))!
    const at = line.textContent!.indexOf(phrase)
    const range = document.createRange()
    range.setStart(line.firstChild!, at)
    range.setEnd(line.firstChild!, at + phrase.length)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, phrase)
}

function savedSpans(served: Served): Array<{ start: number; end: number; label: string; text: string }> {
  const out = path.join(served.dir, `export-${Date.now()}.jsonl`)
  expect(served.cli('export', '--db', served.db, '--format', 'native', '--out', out).code).toBe(0)
  const doc = fs.readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).find((d) => d.id === 'rare')
  return doc.spans.map(({ start, end, label, text }: { start: number; end: number; label: string; text: string }) => ({ start, end, label, text }))
}

test('a DOM range set by a script over 𠮷 is tagged by a label key with code-point offsets', async ({ page, served }) => {
  await openDocument(page, served)
  await page.getByRole('document', { name: 'Article text' }).focus()
  await selectInDom(page, '𠮷野家復工率')
  await page.keyboard.press('3')
  await expect(page.getByRole('list', { name: /Spans/ }).getByRole('listitem')).toHaveCount(1)
  // 𠮷野家復工率 starts at code point 6 + 9 = 15, on line 2 after 😀截至2月25日，: 😀 and the 𠮷 of line 1 count one each.
  await expect.poll(() => savedSpans(served)).toEqual([{ start: 15, end: 21, label: 'organization', text: '𠮷野家復工率' }])

  // The app's own selection comes first: with a span selected, the key relabels it and ignores a DOM range.
  await selectInDom(page, '截至')
  await page.keyboard.press('4')
  await expect.poll(() => savedSpans(served)).toEqual([{ start: 15, end: 21, label: 'date', text: '𠮷野家復工率' }])

  // Select-all inside the article, with nothing of the app's selected: the whole text, trimmed, is one span.
  await page.keyboard.press('Escape')
  await page.evaluate(() => {
    const lines = document.querySelector('[role="document"] .article-lines')!
    const range = document.createRange()
    range.selectNodeContents(lines)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
  })
  await page.keyboard.press('1')
  await expect.poll(() => savedSpans(served).find((s) => s.label === 'metric')).toEqual({ start: 0, end: 27, label: 'metric', text: TEXT.trimEnd() })
})

/** Where a phrase's text is drawn and where its span's mark is, as boxes in the viewport, one per row (px, rounded). */
function textAndMark(page: Page, phrase: string): Promise<{ text: number[][]; mark: number[][] }> {
  return page.evaluate((phrase) => {
    const line = [...document.querySelectorAll<HTMLElement>('[role="document"] .line')].find((l) => l.textContent!.includes(phrase))!
    const at = line.textContent!.indexOf(phrase)
    const range = document.createRange()
    range.setStart(line.firstChild!, at)
    range.setEnd(line.firstChild!, at + phrase.length)
    const boxes = (rects: Iterable<DOMRect>) => [...rects].filter((r) => r.width > 0).map((r) => [r.left, r.top, r.width].map(Math.round))
    const mark = line.querySelector('.line-marks > [data-mark^="label-"]')
    return { text: boxes(range.getClientRects()), mark: boxes(mark ? [...mark.children].map((box) => box.getBoundingClientRect()) : []) }
  }, phrase)
}

test('a span’s mark stays under its text, across 𠮷, when a new width re-wraps the line', async ({ page, served }) => {
  // One long paragraph, so that the span's row moves when the article gets narrower.
  const long = '𠮷野家公告\n' + '截至2月25日，杭州高新区(滨江)企业复工率91.9%，防疫惠企28条落地。'.repeat(12) + '𠮷野家復工率\n'
  await openImportedText(page, served, 'wide.txt', long, /𠮷野家公告/)
  await page.getByRole('document', { name: 'Article text' }).focus()
  await selectInDom(page, '𠮷野家復工率')
  await page.keyboard.press('3')
  await expect(page.getByRole('list', { name: /Spans/ }).getByRole('listitem')).toHaveCount(1)
  await expect.poll(async () => (await textAndMark(page, '𠮷野家復工率')).mark.length).toBeGreaterThan(0)
  const wide = await textAndMark(page, '𠮷野家復工率')
  expect(wide.mark).toEqual(wide.text)

  await page.setViewportSize({ width: 900, height: 800 })
  await expect.poll(async () => (await textAndMark(page, '𠮷野家復工率')).text).not.toEqual(wide.text)
  // The mark is measured again in the line's new rows.
  const underItsText = async () => {
    const now = await textAndMark(page, '𠮷野家復工率')
    return now.mark.length > 0 && JSON.stringify(now.mark) === JSON.stringify(now.text)
  }
  await expect.poll(underItsText).toBe(true)
})
