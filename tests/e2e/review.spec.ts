/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs'
import path from 'node:path'
import { expect, paintedMarks, SCREENSHOTS, serveProject, test } from './fixtures'

// 𠮷 is outside the BMP: one code point, two UTF-16 units, so every offset after it tells the two apart.
const NOTICE = '𠮷野家公告：截至2月25日，杭州高新区(滨江)企业复工率达91.9%，出台防疫惠企28条。'
const BRIEF = '3月2日起，长沙市芙蓉区恢复营业。'

/** A span of `text` by its phrase, with code-point offsets as Factspan stores them. */
function span(text: string, phrase: string, label: string, annotator: string) {
  const start = [...text.slice(0, text.indexOf(phrase))].length
  return { start, end: start + [...phrase].length, label, text: phrase, annotator }
}

function nativeLines(records: Array<{ id: string; text: string; spans: object[] }>): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n'
}

const painted = paintedMarks

test('two annotators are merged, the reviewer accepts the unanimous spans, settles a disagreement by keyboard and exports gold', async ({ page }) => {
  const served = await serveProject({ annotator: 'reviewer', importCorpus: false })
  try {
    // Alice sends her project file; Bob sends a native export.
    fs.writeFileSync(
      path.join(served.dir, 'alice.jsonl'),
      nativeLines([
        {
          id: 'notice',
          text: NOTICE,
          spans: [
            span(NOTICE, '2月25日', 'date', 'alice'),
            span(NOTICE, '杭州高新区(滨江)', 'organization', 'alice'),
            span(NOTICE, '企业复工率达91.9%', 'metric', 'alice'),
            span(NOTICE, '防疫惠企28条', 'measure', 'alice'),
          ],
        },
        { id: 'brief', text: BRIEF, spans: [span(BRIEF, '3月2日', 'date', 'alice')] },
      ]),
    )
    expect(served.cli('import', 'alice.jsonl', '--db', path.join(served.dir, 'alice.factspan')).code).toBe(0)
    fs.writeFileSync(
      path.join(served.dir, 'bob.jsonl'),
      nativeLines([
        {
          id: 'notice',
          text: NOTICE,
          spans: [
            span(NOTICE, '𠮷野家', 'organization', 'bob'),
            span(NOTICE, '2月25日', 'date', 'bob'),
            span(NOTICE, '杭州高新区(滨江)', 'organization', 'bob'),
            span(NOTICE, '复工率达91.9%', 'metric', 'bob'),
          ],
        },
        { id: 'brief', text: BRIEF, spans: [span(BRIEF, '3月2日', 'date', 'bob')] },
      ]),
    )

    await page.goto(served.url)
    await page.getByRole('button', { name: 'Merge', exact: true }).click()
    const merge = page.getByRole('dialog', { name: 'Merge annotators’ work' })
    await merge.locator('input[type=file]').setInputFiles([path.join(served.dir, 'alice.factspan'), path.join(served.dir, 'bob.jsonl')])
    await merge.getByRole('button', { name: 'Merge', exact: true }).click()
    await expect(merge.getByRole('row', { name: /alice\.factspan\s+alice\s+0\s+2\s+5\s+0/ })).toBeVisible()
    await expect(merge.getByRole('row', { name: /bob\.jsonl\s+bob\s+2\s+0\s+5\s+0/ })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(merge).toBeHidden()

    // The compare view opens on the first document not reviewed, comparing both annotators.
    await page.getByRole('button', { name: 'Review', exact: true }).click()
    const text = page.getByRole('document', { name: 'Compared text' })
    await expect(text).toContainText('杭州高新区(滨江)')
    await expect(page.getByRole('checkbox', { name: 'alice' })).toBeChecked()
    await expect(page.getByRole('checkbox', { name: 'bob' })).toBeChecked()
    const disagreements = page.getByRole('list', { name: 'Comparisons' }).getByRole('button', { name: /differs|Missed/ })
    await expect(disagreements).toHaveCount(3)
    await expect.poll(() => painted(page, 'review-agree')).toBe(2)
    await expect.poll(() => painted(page, 'review-boundary')).toBe(1)
    await expect.poll(() => painted(page, 'review-missed')).toBe(2)

    // Hovering a disagreement shows each annotator's version.
    const box = await page.evaluate(() => {
      const line = document.querySelector('[aria-label="Compared text"] .line')!
      const at = line.textContent!.indexOf('复工率')
      const range = document.createRange()
      range.setStart(line.firstChild!, at)
      range.setEnd(line.firstChild!, at + 1)
      const r = range.getBoundingClientRect()
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
    })
    await page.mouse.move(box.x, box.y)
    const tooltip = page.getByRole('tooltip')
    await expect(tooltip).toContainText('alice')
    await expect(tooltip).toContainText('企业复工率达91.9%')
    await expect(tooltip).toContainText('bob')
    await page.mouse.move(5, 5)

    // Keyboard only from here: accept the unanimous spans, go to the second disagreement, take Bob's version.
    await text.focus()
    await page.keyboard.press('u')
    await expect(page.getByRole('status').filter({ hasText: 'Saved · accept 2 unanimous spans' })).toBeVisible()
    await expect.poll(() => painted(page, 'review-gold')).toBe(2)
    await expect(page.getByRole('checkbox', { name: 'gold (2 spans)' })).toBeVisible()
    await page.keyboard.press('n')
    await expect(page.locator('.comparison-row[aria-current="true"]')).toContainText('Missed by alice')
    await page.keyboard.press(']')
    const current = page.locator('.comparison-row[aria-current="true"]')
    await expect(current).toContainText('Boundary differs')
    await page.keyboard.press('Shift+Digit2')
    await expect(page.getByRole('status').filter({ hasText: 'Saved · take bob\'s version of “企业复工率达91.9%”' })).toBeVisible()
    await expect.poll(() => painted(page, 'review-gold')).toBe(3)
    await expect(page.getByRole('list', { name: 'Versions' }).getByText('In gold')).toHaveCount(1)

    // Undo and redo the settlement, as in the annotate view.
    await page.keyboard.press('Control+z')
    await expect.poll(() => painted(page, 'review-gold')).toBe(2)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => painted(page, 'review-gold')).toBe(3)

    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review.png') })
    fs.mkdirSync('/tmp/shots', { recursive: true })
    await page.screenshot({ path: '/tmp/shots/review.png' })

    // Enter marks the document reviewed and opens the next one.
    await page.keyboard.press('Enter')
    await expect(text).toContainText('长沙市芙蓉区')
    const stats = JSON.parse(served.cli('stats', '--db', served.db, '--json').stdout)
    expect(stats.byStatus.reviewed).toBe(1)

    // The export takes the gold layer by default now that there is one.
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const exporting = page.getByRole('dialog', { name: 'Export annotations' })
    await expect(exporting.getByText('Default: the gold layer')).toBeVisible()
    const download = page.waitForEvent('download')
    await exporting.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(exporting.getByRole('status')).toContainText('of the gold layer (the default)')
    const file = await (await download).path()
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    const notice = lines.find((l) => l.id === 'notice')
    expect(notice.spans).toEqual([
      { start: 8, end: 13, label: 'date', text: '2月25日', annotator: 'gold' },
      { start: 14, end: 23, label: 'organization', text: '杭州高新区(滨江)', annotator: 'gold' },
      { start: 25, end: 34, label: 'metric', text: '复工率达91.9%', annotator: 'gold' },
    ])
    expect(lines.find((l) => l.id === 'brief').spans).toEqual([])
    const cli = served.cli('export', '--db', served.db, '--out', path.join(served.dir, 'gold.jsonl'))
    expect(cli.stdout).toContain('2 documents (1 reviewed), 3 spans (native, the gold layer (the default once a project has one')
  } finally {
    served.stop()
    fs.rmSync(served.dir, { recursive: true, force: true })
  }
})
