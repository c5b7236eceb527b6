/// <reference lib="dom" />
// A tag is painted at the key press and saved at once; the view never waits for the server, and never hides a
// failed save: the paint goes away again, the error is shown and the selection comes back.
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { expect, openImportedText, paintedMarks, test, type Served } from './fixtures'

const TEXT = '𠮷野家公告\n截至2月25日，𠮷野家復工率91.9%。\n'

const article = (page: Page) => page.getByRole('document', { name: 'Article text' })
const spanRows = (page: Page) => page.getByRole('list', { name: /Spans/ }).getByRole('listitem')
const painted = (page: Page, label: string) => paintedMarks(page, `label-${label}`)

async function openRareDocument(page: Page, served: Served): Promise<void> {
  await openImportedText(page, served, 'rare.txt', TEXT, /𠮷野家公告/)
  await article(page).focus()
}

/** The document's spans as the project file holds them. */
function savedSpans(served: Served): Array<[number, number, string, string]> {
  const db = new Database(served.db, { readonly: true })
  try {
    return db.prepare("SELECT start, \"end\", quote, label FROM spans WHERE document_id = 'rare' ORDER BY start").raw().all() as Array<[number, number, string, string]>
  } finally {
    db.close()
  }
}

test('paints a tag before the server has answered, takes a second key as a relabel, and saves and undoes both', async ({ page, served }) => {
  await openRareDocument(page, served)
  // Hold the save in the browser, so the server has not seen it while we look.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/spans.add', async (route) => {
    await held
    await route.continue()
  })

  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('1')
  await expect.poll(() => painted(page, 'metric')).toBe(1)
  await expect(spanRows(page)).toHaveCount(1)
  await expect(spanRows(page)).toContainText('𠮷野家')
  await expect(page.getByRole('status')).toHaveText('Saving…')
  expect(savedSpans(served)).toEqual([])
  await page.screenshot({ path: '/tmp/shots/optimistic-tag-in-flight.png' })

  // The new span is selected at once, so a second label key relabels it once it is saved.
  await page.keyboard.press('2')
  release()
  await expect(page.getByRole('status')).toHaveText(/Saved · relabel “𠮷野家” as measure/)
  expect(savedSpans(served)).toEqual([[0, 3, '𠮷野家', 'measure']])
  await expect.poll(() => painted(page, 'measure')).toBe(1)
  expect(await painted(page, 'metric')).toBe(0)

  // Undo reaches the saved span, not the one painted before the answer.
  await page.keyboard.press('Control+z')
  await expect.poll(() => savedSpans(served)).toEqual([[0, 3, '𠮷野家', 'metric']])
  await page.keyboard.press('Control+z')
  await expect.poll(() => savedSpans(served)).toEqual([])
  await expect(spanRows(page)).toHaveCount(0)
  expect(await painted(page, 'metric')).toBe(0)
})

test('a save the server refuses takes the paint back, says why, and gives the selection back', async ({ page, served }) => {
  await openRareDocument(page, served)
  // Another program removes the label the view still offers.
  const db = new Database(served.db)
  db.prepare("DELETE FROM labels WHERE name = 'date'").run()
  db.close()

  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Home')
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight')
  await expect(page.locator('.statusline .position')).toHaveText('Selected 5 characters (8–13)')
  await page.keyboard.press('4')

  await expect(page.getByRole('alert')).toContainText('No label "date" in this project.')
  await expect(page.getByRole('status')).toHaveText('Not saved')
  await expect(page.locator('.statusline .position')).toHaveText('Selected 5 characters (8–13)')
  await expect.poll(() => painted(page, 'date')).toBe(0)
  await expect(spanRows(page)).toHaveCount(0)
  expect(savedSpans(served)).toEqual([])
  await page.screenshot({ path: '/tmp/shots/optimistic-tag-refused.png' })
})
