/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import { expect, ROOT, serveProject, test } from './fixtures'

// 𠮷 and 😀 are outside the BMP: one code point, two UTF-16 units each.
const TEXTS = { d1: '𠮷野家2月25日复工率91.9%', d2: '杭州高新区(滨江)防疫惠企28条', d3: '截至3月2日😀长沙市芙蓉区恢复营业' }
const DOCS = path.join(ROOT, 'docs', 'screenshots')

/** A span of `text` by its phrase, with code-point offsets as Factspan stores them. */
function span(text: string, phrase: string, label: string, annotator: string) {
  const start = [...text.slice(0, text.indexOf(phrase))].length
  return { start, end: start + [...phrase].length, label, text: phrase, annotator }
}

function annotatorLines(annotator: string): string {
  const records = [
    { id: 'd1', text: TEXTS.d1, spans: [span(TEXTS.d1, '𠮷野家', 'organization', annotator), span(TEXTS.d1, '2月25日', 'date', annotator), span(TEXTS.d1, annotator === 'alice' ? '复工率91.9%' : '91.9%', 'metric', annotator)] },
    { id: 'd2', text: TEXTS.d2, spans: [span(TEXTS.d2, '杭州高新区(滨江)', 'organization', annotator), span(TEXTS.d2, '防疫惠企28条', 'measure', annotator)] },
    { id: 'd3', text: TEXTS.d3, spans: [span(TEXTS.d3, '3月2日', 'date', annotator), ...(annotator === 'bob' ? [span(TEXTS.d3, '长沙市芙蓉区', 'organization', annotator)] : [])] },
  ]
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n'
}

test("two annotators' projects are merged: agreement counts what both finished and the progress view shows both", async ({ page }) => {
  const served = await serveProject({ annotator: 'reviewer', importCorpus: false })
  try {
    // Alice finished two documents, Bob all three; each sends their project file.
    for (const [annotator, done] of [
      ['alice', ['d1', 'd2']],
      ['bob', ['d1', 'd2', 'd3']],
    ] as const) {
      fs.writeFileSync(path.join(served.dir, `${annotator}.jsonl`), annotatorLines(annotator))
      const file = path.join(served.dir, `${annotator}.factspan`)
      expect(served.cli('import', `${annotator}.jsonl`, '--db', file).code).toBe(0)
      expect(served.cli('status', '--db', file, '--set', 'done', '--annotator', annotator, ...done).code).toBe(0)
    }

    await page.goto(served.url)
    await page.getByRole('button', { name: 'Merge', exact: true }).click()
    const merge = page.getByRole('dialog', { name: 'Merge annotators’ work' })
    await merge.locator('input[type=file]').setInputFiles([path.join(served.dir, 'alice.factspan'), path.join(served.dir, 'bob.factspan')])
    await merge.getByRole('button', { name: 'Merge', exact: true }).click()
    await expect(merge.getByRole('row', { name: /bob\.factspan\s+bob/ })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(merge).toBeHidden()

    // The library counts who finished each document.
    await expect(page.getByRole('row', { name: /杭州高新区.*\s2$/ })).toBeVisible()

    await page.getByRole('button', { name: 'Review', exact: true }).click()
    await expect(page.getByText('Finished by alice, bob')).toBeVisible()
    await page.getByRole('button', { name: 'Agreement', exact: true }).click()
    const panel = page.getByRole('complementary', { name: 'Agreement over the project' })
    await expect(panel.getByText('2 counted: finished by every annotator compared. 1 left out:')).toBeVisible()
    await expect(panel.getByRole('list', { name: 'Documents left out' })).toContainText('alice has not finished')
    await panel.getByRole('checkbox', { name: 'Count every document, finished or not' }).check()
    await expect(panel.getByText('Every document counted, finished or not.')).toBeVisible()
    await expect(panel.getByText(/over 3 documents/)).toBeVisible()

    await page.getByRole('button', { name: 'Progress', exact: true }).click()
    const status = page.getByRole('figure', { name: /Documents by status \(3 documents\)/ })
    await expect(status.getByRole('img')).toHaveAttribute('aria-label', /alice 2 done, 1 in progress, 0 new; bob 3 done, 0 in progress, 0 new/)
    await expect(page.getByRole('list', { name: 'Annotators' })).toContainText('alice')
    await expect(page.getByRole('list', { name: 'Annotators' })).toContainText('bob')
    await expect(page.getByRole('figure', { name: /Spans per label/ }).getByRole('img')).toHaveAttribute('aria-label', /organization: alice 2, bob 3/)
    await expect(page.getByRole('figure', { name: /Finished documents over time/ })).toBeVisible()
    await expect(page.getByRole('figure', { name: /Agreement per label on finished documents \(2 counted, 1 left out\)/ })).toBeVisible()
    fs.mkdirSync(DOCS, { recursive: true })
    await page.screenshot({ path: path.join(DOCS, 'progress.png'), fullPage: true })

    // The reviewer edits the project's guidelines, with a preview.
    await page.getByRole('button', { name: 'Library' }).click()
    await page.getByRole('button', { name: /𠮷野家/ }).click()
    await page.getByRole('button', { name: 'Edit guidelines' }).click()
    const editor = page.getByRole('dialog', { name: 'Edit guidelines' })
    const source = editor.getByRole('textbox', { name: 'Markdown' })
    await source.fill(`${await source.inputValue()}\n\n## 团队约定\n\n- 复工率连同数值一起标为 **metric**，如“复工率91.9%”。\n<img src=x onerror="document.title='pwned'">\n`)
    const preview = editor.getByRole('region', { name: 'Preview' })
    await expect(preview.getByRole('heading', { name: '团队约定' })).toBeAttached()
    // The screenshot shows the new rule in the preview.
    await preview.getByRole('heading', { name: '团队约定' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(DOCS, 'guidelines.png') })
    await editor.getByRole('button', { name: 'Save guidelines' }).click()
    await expect(editor).toBeHidden()
    await expect(page.getByRole('complementary', { name: 'Guidelines' })).toContainText('复工率连同数值一起标为')
    expect(await page.title()).not.toBe('pwned')
  } finally {
    served.stop()
    fs.rmSync(served.dir, { recursive: true, force: true })
  }
})
