/// <reference lib="dom" />
import path from 'node:path'
import { expect, SCREENSHOTS, test } from './fixtures'

// A text is data: whatever markup it holds is shown as the characters it is made of, never parsed, run or loaded.
const HEADLINE = '<script>window.__ran.push("script")</script>标题𠮷'
const BODY = '正文 <img src=x onerror="window.__ran.push(\'img\')"> 和 <b>粗</b> &amp; <a href="javascript:window.__ran.push(\'a\')">链接</a>'
const HOSTILE_LABEL = '<img src=y onerror=alert(1)>'

test('imports a text full of markup and shows it as plain text: nothing is parsed, run or loaded', async ({ page, served }) => {
  const dialogs: string[] = []
  const failedLoads: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    // The <img src=x> and <img src=y> of the text would be fetched if they were ever HTML.
    if (/\/[xy]$/.test(new URL(request.url()).pathname)) failedLoads.push(request.url())
  })
  await page.addInitScript(() => {
    const seen = window as unknown as { __ran: string[]; __violations: string[] }
    seen.__ran = []
    seen.__violations = []
    // The page's CSP would block an inline handler, but even a blocked one proves the text became markup.
    document.addEventListener('securitypolicyviolation', (event) => seen.__violations.push(`${event.violatedDirective} ${event.sample}`))
  })
  await page.goto(served.url)

  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importDialog = page.getByRole('dialog', { name: 'Import documents' })
  const native = JSON.stringify({ id: 'labelled', text: '宁波<i>斜体</i>', spans: [{ start: 2, end: 5, label: HOSTILE_LABEL }] })
  await importDialog.locator('input[type=file]').first().setInputFiles([
    { name: 'markup.txt', mimeType: 'text/plain', buffer: Buffer.from(`${HEADLINE}\n${BODY}\n`) },
    { name: 'labelled.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${native}\n`) },
  ])
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(importDialog.getByRole('status')).toHaveText(/Imported 2 documents and 1 span/)
  await importDialog.getByRole('button', { name: /Close|Done/ }).first().click()

  // The library shows the headline as its title, characters and all.
  const title = page.getByRole('button', { name: HEADLINE })
  await expect(title).toBeVisible()
  await title.click()
  const article = page.locator('[role="document"]')
  await expect(article).toContainText(HEADLINE)
  await expect(article).toContainText(BODY)
  await expect(article.locator('script, img, b, a')).toHaveCount(0)

  // Tagging the markup quotes it as text in the span list.
  await page.getByRole('button', { name: 'Library' }).click()
  await page.getByRole('button', { name: '宁波<i>斜体</i>' }).click()
  await expect(page.locator('[role="document"]')).toContainText('宁波<i>斜体</i>')
  await expect(page.getByRole('list', { name: /Spans/ })).toContainText('<i>')
  await expect(page.getByRole('button', { name: new RegExp(HOSTILE_LABEL.replace(/[()]/g, '\\$&')) }).first()).toBeVisible()

  await page.screenshot({ path: path.join(SCREENSHOTS, 'imported-markup.png') })
  // The only <i> elements are the boxes the surface draws its marks with, behind the text.
  expect(await page.locator('script:not([src]), img[src="x"], img[src="y"], i:not(.line-marks > [data-mark] > i), b').count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
  expect(dialogs).toEqual([])
  expect(failedLoads).toEqual([])
})
