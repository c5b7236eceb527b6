/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, ROOT, test } from './fixtures'

const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots')
const TITLE = /復工復產,濱江的誠意與信心/
// The sentence of the sample article 001 that states the fact; the district is named four times before it.
const SENTENCE = '截至2月25日,以杭州高新區(濱江)納入統計口徑的2.3萬家企業為基數,企業復工率91.9%'

/** Drags the mouse across `phrase` where it stands inside `context` in the article, as a user selects text. */
async function selectIn(page: Page, context: string, phrase: string): Promise<void> {
  // An opened document's text may wait a moment for its first suggestions.
  await page.getByRole('document', { name: 'Article text' }).waitFor()
  const box = await page.evaluate(
    ({ context, phrase }) => {
      const article = document.querySelector<HTMLElement>('[role="document"]')!
      for (const line of article.querySelectorAll<HTMLElement>('.line')) {
        const node = line.firstChild
        const around = node?.textContent?.indexOf(context) ?? -1
        if (!node || around < 0) continue
        const at = around + context.indexOf(phrase)
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + phrase.length)
        const frame = article.getBoundingClientRect()
        article.scrollTop += range.getBoundingClientRect().top - frame.top - frame.height / 2
        const rects = [...range.getClientRects()]
        const first = rects[0]
        const last = rects[rects.length - 1]
        return { x1: first.left + 2, y1: first.top + first.height / 2, x2: last.right - 2, y2: last.top + last.height / 2 }
      }
      throw new Error(`"${context}" is not in the article`)
    },
    { context, phrase },
  )
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 4 })
  await page.mouse.move(box.x2, box.y2, { steps: 4 })
  await page.mouse.up()
}

const factList = (page: Page) => page.getByRole('list', { name: /Facts/ })
const arcs = (page: Page) => page.locator('svg.relation-arcs .relation-arc')

test('links a figure to its district and date with the keyboard alone, lists the fact, keeps it after a reload', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: TITLE }).click()
  const article = page.getByRole('document', { name: 'Article text' })
  await expect(article).toBeVisible()

  await selectIn(page, SENTENCE, '截至2月25日')
  await page.keyboard.press('4')
  await selectIn(page, SENTENCE, '杭州高新區(濱江)')
  await page.keyboard.press('3')
  await selectIn(page, SENTENCE, '企業復工率91.9%')
  await page.keyboard.press('1')
  await expect(page.getByRole('list', { name: /Spans/ }).getByRole('listitem')).toHaveCount(3)
  await expect(page.locator('.save-status')).toContainText('Saved · tag “企業復工率91.9%” as metric')

  // From here on, keys only: the new span is selected; r offers the nearest organization first, then the date.
  await page.keyboard.press('r')
  const mode = page.locator('.relation-mode')
  await expect(mode).toContainText('Relation from “企業復工率91.9%” (metric) to “杭州高新區(濱江)” (organization), 1 of 2')
  await page.keyboard.press('1')
  await expect(mode).toContainText('Linked as holder')
  await page.keyboard.press('ArrowRight')
  await expect(mode).toContainText('to “截至2月25日” (date), 2 of 2')
  await page.keyboard.press('2')
  await expect(mode).toContainText('Linked as time')
  await expect(arcs(page)).toHaveCount(2)
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, 'relations.png') })
  await page.keyboard.press('Escape')
  await expect(mode).toBeEmpty()

  const fact = factList(page).getByRole('listitem').first()
  await expect(fact).toHaveText(/企業復工率91.9%\s*—\s*杭州高新區\(濱江\)\s*holder.*—\s*截至2月25日\s*time/)
  await page.locator('.side-column').screenshot({ path: path.join(SCREENSHOTS, 'facts.png') })

  await page.reload()
  await page.getByRole('button', { name: TITLE }).click()
  await expect(factList(page).getByRole('listitem').first()).toHaveText(/企業復工率91.9%\s*—\s*杭州高新區\(濱江\)\s*holder.*—\s*截至2月25日\s*time/)
  await expect(arcs(page)).toHaveCount(2)


  // The project holds the two relations between the spans the keys linked, as the native export writes them.
  const out = path.join(served.dir, 'out.jsonl')
  const exported = served.cli('export', '--db', served.db, '--format', 'native', '--out', out)
  expect(exported.code, exported.stderr).toBe(0)
  const record = fs
    .readFileSync(out, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { spans: Array<{ label: string }>; relations?: Array<{ from: number; to: number; type: string }> })
    .find((r) => r.spans.length > 0)!
  expect((record.relations ?? []).map((r) => `${record.spans[r.from].label}-${r.type}->${record.spans[r.to].label}`).sort()).toEqual([
    'metric-holder->organization',
    'metric-time->date',
  ])

  // Export facts through the export dialog: one line, the figure with its district and date and its sentence.
  // Offsets in code points, counted with Python's str.index on the article (001, BOM dropped): the sentence runs
  // 350–433 and ends at 。; 截至2月25日 350–357, 杭州高新區(濱江) 359–368, 企業復工率91.9% 386–396.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  await dialog.getByLabel('Format').selectOption('facts')
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const lines = fs.readFileSync(await (await download).path(), 'utf8').split('\n').filter(Boolean)
  expect(lines).toHaveLength(1)
  expect(JSON.parse(lines[0])).toMatchObject({
    annotator: 'e2e-annotator',
    fact: { label: 'metric', text: '企業復工率91.9%', start: 386, end: 396 },
    links: {
      holder: [{ label: 'organization', text: '杭州高新區(濱江)', start: 359, end: 368 }],
      time: [{ label: 'date', text: '截至2月25日', start: 350, end: 357 }],
    },
    sentence: { text: '截至2月25日,以杭州高新區(濱江)納入統計口徑的2.3萬家企業為基數,企業復工率91.9%,其中,規上工業企業全部復工,規上服務業企業復工993家,佔總數的97%。', start: 350, end: 433 },
  })
})

/** The centre of `phrase` where it stands inside `context`, in viewport coordinates. */
async function centreOf(page: Page, context: string, phrase: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ context, phrase }) => {
      const article = document.querySelector<HTMLElement>('[role="document"]')!
      for (const line of article.querySelectorAll<HTMLElement>('.line')) {
        const node = line.firstChild
        const around = node?.textContent?.indexOf(context) ?? -1
        if (!node || around < 0) continue
        const at = around + context.indexOf(phrase)
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 2)
        const box = range.getClientRects()[0]
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      }
      throw new Error(`"${context}" is not in the article`)
    },
    { context, phrase },
  )
}

test('links two spans by dragging from one to the other with Alt held, and undoes the link', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: TITLE }).click()
  await selectIn(page, SENTENCE, '杭州高新區(濱江)')
  await page.keyboard.press('3')
  await selectIn(page, SENTENCE, '企業復工率91.9%')
  await page.keyboard.press('1')
  await expect(page.getByRole('list', { name: /Spans/ }).getByRole('listitem')).toHaveCount(2)

  const from = await centreOf(page, SENTENCE, '企業復工率91.9%')
  const to = await centreOf(page, SENTENCE, '杭州高新區(濱江)')
  await page.keyboard.down('Alt')
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 6 })
  await page.mouse.up()
  await page.keyboard.up('Alt')
  // One type (holder) fits a metric and an organization: linked at once.
  await expect(page.locator('.save-status')).toContainText('Saved · link “企業復工率91.9%” → “杭州高新區(濱江)” as holder')
  await expect(arcs(page)).toHaveCount(1)
  await expect(factList(page).getByRole('listitem').first()).toContainText('杭州高新區(濱江)')

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(arcs(page)).toHaveCount(0)
  await expect(page.locator('.save-status')).toContainText('undid: link')
})
