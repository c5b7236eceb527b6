/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, paintedMarks, SCREENSHOTS, test } from './fixtures'

/** Drags the mouse across the first occurrence of `phrase` in the article, as a user selects text. */
async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((phrase) => {
    const article = document.querySelector<HTMLElement>('[role="document"]')!
    for (const line of article.querySelectorAll<HTMLElement>('.line')) {
      const node = line.firstChild
      const at = node?.textContent?.indexOf(phrase) ?? -1
      if (!node || at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + phrase.length)
      // Scroll the phrase itself (not its line, which may be taller than the window) to the middle of the article.
      const box = article.getBoundingClientRect()
      article.scrollTop += range.getBoundingClientRect().top - box.top - box.height / 2
      const rects = [...range.getClientRects()]
      const first = rects[0]
      const last = rects[rects.length - 1]
      return { x1: first.left + 2, y1: first.top + first.height / 2, x2: last.right - 2, y2: last.top + last.height / 2 }
    }
    throw new Error(`"${phrase}" is not in the article`)
  }, phrase)
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 4 })
  await page.mouse.move(box.x2, box.y2, { steps: 4 })
  await page.mouse.up()
}

/** How many spans of a label are painted. */
function paintedRanges(page: Page, label: string): Promise<number> {
  return paintedMarks(page, `label-${label}`)
}

async function openDocument(page: Page, title: RegExp) {
  await page.getByRole('button', { name: title }).click()
  await expect(page.getByRole('document', { name: 'Article text' })).toBeVisible()
}

const spanList = (page: Page) => page.getByRole('list', { name: /Spans/ })

test('tags a phrase selected with the mouse, keeps it after a reload, undoes it and exports', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByRole('button', { name: /芙蓉區:打好精準復工復產組合拳/ })).toBeVisible()
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, 'library.png') })

  await openDocument(page, /芙蓉區:打好精準復工復產組合拳/)
  await selectWithMouse(page, '長沙市芙蓉區')
  await page.keyboard.press('3')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(1)
  await expect(spanList(page)).toContainText('長沙市芙蓉區')
  await expect.poll(() => paintedRanges(page, 'organization')).toBe(1)
  await expect(page.locator('.document-bar')).toContainText('In progress')

  // A few more spans of every label, for the screenshot and the export.
  await selectWithMouse(page, '3月2日')
  await page.getByRole('button', { name: 'date', exact: true }).click()
  await selectWithMouse(page, '105個低風險區縣')
  await page.keyboard.press('1')
  await selectWithMouse(page, '聯防聯控機制')
  await page.keyboard.press('2')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(4)
  await page.getByRole('document', { name: 'Article text' }).focus()
  await expect(page.locator('.save-status')).toContainText('Saved')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotate.png') })

  await page.reload()
  await openDocument(page, /芙蓉區:打好精準復工復產組合拳/)
  await expect(spanList(page).getByRole('listitem')).toHaveCount(4)
  await expect.poll(() => paintedRanges(page, 'organization')).toBe(1)

  // Undo survives the reload: the last edit (the measure) goes first.
  await page.getByRole('document', { name: 'Article text' }).focus()
  await page.keyboard.press('Control+z')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(3)
  await expect(spanList(page)).not.toContainText('聯防聯控機制')
  await expect.poll(() => paintedRanges(page, 'measure')).toBe(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(4)

  const exported = served.cli('export', '--db', served.db, '--format', 'native', '--out', path.join(served.dir, 'out.jsonl'))
  expect(exported.code).toBe(0)
  const doc = fs
    .readFileSync(path.join(served.dir, 'out.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((d) => d.id === '003_330e636537e98c68')
  expect(doc.spans.map((s: { label: string; text: string; annotator: string }) => [s.label, s.text, s.annotator])).toEqual([
    ['date', '3月2日', 'e2e-annotator'],
    ['measure', '聯防聯控機制', 'e2e-annotator'],
    ['metric', '105個低風險區縣', 'e2e-annotator'],
    ['organization', '長沙市芙蓉區', 'e2e-annotator'],
  ].sort((a, b) => doc.text.indexOf(a[1]) - doc.text.indexOf(b[1])))
  const codePoints = [...doc.text]
  for (const span of doc.spans) expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text)
})

test('labels with the keyboard alone across characters outside the BMP, and exports code points', async ({ page, served }) => {
  const file = path.join(served.dir, 'rare.txt')
  fs.writeFileSync(file, '𠮷野家公告\n😀截至2月25日，𠮷野家复工率91.9%。\n')
  expect(served.cli('import', file, '--db', served.db).code).toBe(0)
  await page.goto(served.url)
  await openDocument(page, /𠮷野家公告/)
  const article = page.getByRole('document', { name: 'Article text' })
  await article.focus()
  // Caret at the start: select "𠮷野家" (three characters, four UTF-16 units) and tag it.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('3')
  // Down to the second line, past 😀 and 截至, then select 2月25日.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Home')
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('4')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(2)

  // The new span is selected; Shift+Tab selects the one before; a hotkey changes its label; Delete removes it; undo brings it back.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('1')
  await expect(spanList(page).getByRole('listitem').first()).toContainText('metric')
  await page.keyboard.press('Delete')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(1)
  await page.keyboard.press('Control+z')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(2)

  served.cli('export', '--db', served.db, '--format', 'native', '--out', path.join(served.dir, 'rare.jsonl'))
  const doc = JSON.parse(fs.readFileSync(path.join(served.dir, 'rare.jsonl'), 'utf8').trim().split('\n').at(-1)!)
  expect(doc.spans.map((s: { start: number; end: number; text: string; label: string }) => [s.start, s.end, s.text, s.label])).toEqual([
    [0, 3, '𠮷野家', 'metric'],
    [9, 14, '2月25日', 'date'],
  ])
  served.cli('export', '--db', served.db, '--format', 'doccano', '--out', path.join(served.dir, 'rare-doccano.jsonl'))
  const doccano = JSON.parse(fs.readFileSync(path.join(served.dir, 'rare-doccano.jsonl'), 'utf8').trim().split('\n').at(-1)!)
  expect(doccano.label).toEqual([
    [0, 4, 'metric'],
    [11, 16, 'date'],
  ])

  // Enter marks the document done and opens the next one.
  await article.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('document', { name: 'Article text' })).not.toContainText('𠮷野家公告')
  expect(JSON.parse(served.cli('stats', '--db', served.db, '--json').stdout).byStatus.done).toBe(1)
})

test('clicking a span selects it, overlapping spans stay clickable, and the side list scrolls to a span', async ({ page, served }) => {
  await page.goto(served.url)
  await openDocument(page, /復工復產,濱江的誠意與信心/)
  await selectWithMouse(page, '高新區(濱江)')
  await page.keyboard.press('3')
  await selectWithMouse(page, '江南大道是高新區(濱江)交通主動脈')
  await page.keyboard.press('2')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(2)

  // Click inside the inner span: the shorter one is selected first, a second click selects the other.
  const point = await page.evaluate(() => {
    const line = [...document.querySelectorAll<HTMLElement>('[role="document"] .line')].find((l) => l.textContent!.includes('江南大道'))!
    const at = line.textContent!.indexOf('濱江')
    const range = document.createRange()
    range.setStart(line.firstChild!, at)
    range.setEnd(line.firstChild!, at + 1)
    const r = range.getBoundingClientRect()
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
  })
  await page.mouse.click(point.x, point.y)
  await expect(spanList(page).locator('[aria-current="true"]')).toContainText('高新區(濱江)')
  await expect(spanList(page).locator('[aria-current="true"]')).not.toContainText('江南大道')
  await page.mouse.click(point.x, point.y)
  await expect(spanList(page).locator('[aria-current="true"]')).toContainText('江南大道')
  await page.keyboard.press('Delete')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(1)

  // Scrolled far away, a click on the span in the side list brings it back into view.
  const visible = () =>
    page.evaluate(() => {
      const article = document.querySelector('[role="document"]')!
      const line = [...article.querySelectorAll('.line')].find((l) => l.textContent!.includes('江南大道'))!
      const box = article.getBoundingClientRect()
      const r = line.getBoundingClientRect()
      return r.bottom > box.top && r.top < box.bottom
    })
  await page.evaluate(() => {
    const article = document.querySelector('[role="document"]')!
    article.scrollTop = article.scrollHeight
  })
  await expect.poll(visible).toBe(false)
  await spanList(page).getByRole('listitem').first().locator('button.span-row').click()
  await expect.poll(visible).toBe(true)
})

test('first launch asks for the annotator name and every span records it', async ({ page, served }) => {
  fs.rmSync(path.join(served.dir, 'settings.json'))
  // Settings are read when serve starts, so ask a fresh server.
  const fresh = await (await import('./fixtures')).serveProject({ importCorpus: true })
  try {
    await page.goto(fresh.url)
    const dialog = page.getByRole('dialog', { name: 'Welcome to Factspan' })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('Your name as annotator').fill('王小明')
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await expect(page.getByRole('button', { name: 'Annotator 王小明' })).toBeVisible()
    await openDocument(page, /以六稳六保为抓手推动高质量发展/)
    await selectWithMouse(page, '杭州')
    await page.keyboard.press('3')
    await expect(spanList(page).getByRole('listitem')).toHaveCount(1)
    expect(JSON.parse(fresh.cli('stats', '--db', fresh.db, '--json').stdout).annotators).toEqual(['王小明'])
  } finally {
    fresh.stop()
  }
})

test('imports files in the app and reports a malformed line with its file and line', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  await dialog.locator('input[type=file]').first().setInputFiles([
    { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('新文章标题\n正文：复工率达到95%。') },
    { name: 'broken.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"id":"ok","text":"好"}\n{"id": "bad", "text": \n') },
  ])
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('row', { name: /broken\.jsonl\s+2\s+malformed JSON/ })).toBeVisible()
  await expect(dialog.getByRole('row', { name: /good\.txt\s+1/ })).toBeVisible()
  await page.screenshot({ path: path.join(SCREENSHOTS, 'import-report.png') })
  const stats = JSON.parse(served.cli('stats', '--db', served.db, '--json').stdout)
  expect(stats.documents).toBe(6)
})
