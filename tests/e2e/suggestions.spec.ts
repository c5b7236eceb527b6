/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, markLook, paintedMarks, ROOT, test } from './fixtures'

const TITLE = /復工復產,濱江的誠意與信心/

const painted = paintedMarks

const panel = (page: Page) => page.getByRole('region', { name: /Suggestions/ })
const goTo = (page: Page, text: string, label: string) => panel(page).getByRole('button', { name: new RegExp(`^Go to the suggestion “${text}” as ${label}`) }).first()

async function openArticle(page: Page) {
  await page.getByRole('button', { name: TITLE }).click()
  await expect(page.getByRole('document', { name: 'Article text' })).toBeVisible()
}

test('shows the rules’ suggestions for 2月25日 and 91.9%, accepts one by keyboard, rejects one, and keeps both after a reload', async ({ page, served }) => {
  await page.goto(served.url)
  await openArticle(page)
  await expect(goTo(page, '2月25日', 'date')).toBeVisible()
  await expect(goTo(page, '91.9%', 'metric')).toBeVisible()
  // Painted as dashed underlines in their own highlights, never as a fill.
  await expect.poll(() => painted(page, 'suggestion-date')).toBeGreaterThan(0)
  await expect.poll(() => painted(page, 'suggestion-metric')).toBeGreaterThan(0)
  expect(await markLook(page, 'suggestion-date')).toEqual({ fill: 'rgba(0, 0, 0, 0)', underline: '2px dashed' })
  const count = async () => Number(await panel(page).getByRole('heading').locator('.count').textContent())
  await expect.poll(count).toBeGreaterThan(2)
  const before = await count()

  // The row puts the caret on the suggestion and gives the keyboard back to the text: y accepts it.
  await goTo(page, '2月25日', 'date').click()
  await expect(page.getByRole('document', { name: 'Article text' })).toBeFocused()
  await page.keyboard.press('y')
  await expect(page.getByRole('status').filter({ hasText: 'Saved · accept the suggestion “2月25日” (date)' })).toBeVisible()
  await expect(page.getByRole('list', { name: /Spans/ })).toContainText('2月25日')
  await expect.poll(() => painted(page, 'label-date')).toBe(1)

  await goTo(page, '91.9%', 'metric').click()
  await page.keyboard.press('n')
  await expect(page.getByRole('status').filter({ hasText: 'Saved · reject the suggestion “91.9%” (metric)' })).toBeVisible()
  await expect(goTo(page, '91.9%', 'metric')).toHaveCount(0)

  await page.reload()
  await openArticle(page)
  await expect(page.getByRole('list', { name: /Spans/ })).toContainText('2月25日')
  // One accepted, one rejected: neither is offered again.
  await expect.poll(count).toBe(before - 2)
  await expect(goTo(page, '91.9%', 'metric')).toHaveCount(0)
  await expect(goTo(page, '2月25日', 'date')).toHaveCount(0)

  // Suggestions beside spans, for the README: the accepted date is filled, the rest are dashed.
  await page.getByRole('list', { name: /Spans/ }).getByRole('button').first().click()
  await page.getByRole('document', { name: 'Article text' }).focus()
  await page.keyboard.press('Escape')
  await page.keyboard.press('s')
  await expect.poll(() => painted(page, 'suggestion-current')).toBe(1)
  // The accepted date and the rejected figure's line in the middle of the article.
  await page.getByRole('document', { name: 'Article text' }).evaluate((article) => (article.scrollTop += 300))
  const shots = path.join(ROOT, 'docs', 'screenshots')
  fs.mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: path.join(shots, 'suggestions.png') })
})

test('the suggestion settings switch a rule off for the project, and the text loses its suggestions at once', async ({ page, served }) => {
  await page.goto(served.url)
  await openArticle(page)
  await expect(goTo(page, '91.9%', 'metric')).toBeVisible()
  await panel(page).getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Suggestions' })
  await expect(dialog.getByRole('heading', { name: 'Model trained on this project' })).toBeVisible()
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'suggestion-settings.png') })
  // The box follows the saved settings, so it changes once the project has them.
  const percent = dialog.getByRole('checkbox', { name: /^figure: A percentage: 91.9%/ })
  await percent.click()
  await expect(percent).not.toBeChecked()
  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await expect(goTo(page, '91.9%', 'metric')).toHaveCount(0)
  await page.reload()
  await openArticle(page)
  await expect(goTo(page, '2月中旬', 'date')).toBeVisible()
  await expect(goTo(page, '91.9%', 'metric')).toHaveCount(0)
})
