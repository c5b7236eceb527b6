/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, paintedMarks, ROOT, test, type Served } from './fixtures'

const SHOTS = '/tmp/shots'

interface ExportedSpan {
  start: number
  end: number
  label: string
  text: string
}

const article = (page: Page) => page.getByRole('document', { name: 'Article text' })
const spanRows = (page: Page) => page.getByRole('list', { name: /Spans/ }).getByRole('listitem')
const position = (page: Page) => page.locator('.statusline .position')

async function importText(served: Served, name: string, text: string): Promise<void> {
  const file = path.join(served.dir, name)
  fs.writeFileSync(file, text)
  const imported = served.cli('import', file, '--db', served.db)
  expect(imported.code, imported.stderr).toBe(0)
}

async function openDocument(page: Page, served: Served, title: RegExp): Promise<void> {
  await page.goto(served.url)
  await page.getByRole('button', { name: title }).click()
  await expect(article(page)).toBeVisible()
  await article(page).focus()
}

/** The spans of one document as the project file holds them, through the CLI's native export. */
function exportedSpans(served: Served, id: string): ExportedSpan[] {
  const out = path.join(served.dir, `export-${Date.now()}.jsonl`)
  const exported = served.cli('export', '--db', served.db, '--format', 'native', '--out', out)
  expect(exported.code, exported.stderr).toBe(0)
  const doc = fs
    .readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((d) => d.id === id)
  const points = [...doc.text]
  for (const span of doc.spans) expect(points.slice(span.start, span.end).join('')).toBe(span.text)
  return doc.spans.map(({ start, end, label, text }: ExportedSpan) => ({ start, end, label, text }))
}

function press(page: Page, key: string, times = 1): Promise<void> {
  return (async () => {
    for (let i = 0; i < times; i++) await page.keyboard.press(key)
  })()
}

function highlightSize(page: Page, name: string): Promise<number> {
  return paintedMarks(page, name)
}

/** The word Intl.Segmenter ('zh') finds in the browser after a line offset: what Ctrl+Shift+→ should select. */
function nextWordInBrowser(page: Page, line: string, from: number): Promise<string> {
  return page.evaluate(
    ({ line, from }) => {
      for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(line)) {
        if (s.isWordLike && s.index + s.segment.length > from) return line.slice(from, s.index + s.segment.length)
      }
      return ''
    },
    { line, from },
  )
}

const RARE = '𠮷野家公告\n😀截至2月25日，𠮷野家復工率91.9%。杭州高新區(濱江)企業\n'
const LENGTH = [...RARE].length
// Line 2 starts at code point 6; in it, 𠮷 is at 9, so 野家 is at 16–18 in the document.

test('moves by words, resizes spans with [ ] { } across 𠮷, tabs between spans, deletes and undoes, all from the keyboard', async ({ page, served }) => {
  await importText(served, 'rare.txt', RARE)
  await openDocument(page, served, /𠮷野家公告/)

  // ↓ to the second line, → over 😀, then Ctrl+Shift+→ selects the next word.
  await press(page, 'ArrowDown')
  await press(page, 'Home')
  await press(page, 'ArrowRight')
  await expect(position(page)).toHaveText(`Character 7 of ${LENGTH}`)
  await press(page, 'Control+Shift+ArrowRight')
  const word = await nextWordInBrowser(page, RARE.split('\n')[1], 2)
  expect(word.length).toBeGreaterThan(0)
  await expect(position(page)).toHaveText(`Selected ${[...word].length} characters (7–${7 + [...word].length})`)
  await press(page, '4')
  await expect(spanRows(page)).toHaveCount(1)
  await expect(spanRows(page).first()).toContainText(word)

  // Ctrl+← goes back a word; Ctrl+→ forward again, to the end of that word.
  await press(page, 'Escape')
  await press(page, 'Control+ArrowLeft')
  await expect(position(page)).toHaveText(`Character 7 of ${LENGTH}`)
  await press(page, 'Control+ArrowRight')
  await expect(position(page)).toHaveText(`Character ${7 + [...word].length} of ${LENGTH}`)

  // Select 野家 and tag it; [ moves its start left over 𠮷 (two UTF-16 units, one character).
  await press(page, 'Home')
  await press(page, 'ArrowRight', 10)
  await press(page, 'Shift+ArrowRight', 2)
  await press(page, '3')
  await expect(spanRows(page)).toHaveCount(2)
  await press(page, '[')
  await expect(page.getByRole('list', { name: /Spans/ })).toContainText('𠮷野家')
  await press(page, '}')
  await expect(page.getByRole('list', { name: /Spans/ })).toContainText('𠮷野家復')
  await press(page, '{')
  await press(page, ']')
  await press(page, '[')
  await expect.poll(() => exportedSpans(served, 'rare').find((s) => s.label === 'organization')).toEqual({ start: 15, end: 18, label: 'organization', text: '𠮷野家' })
  // One undo takes back one move: the last [ .
  await press(page, 'Control+z')
  await expect.poll(() => exportedSpans(served, 'rare').find((s) => s.label === 'organization')?.text).toBe('野家')
  await press(page, 'Control+Shift+z')
  await expect.poll(() => exportedSpans(served, 'rare').find((s) => s.label === 'organization')?.text).toBe('𠮷野家')
  // A span never shrinks to nothing: { at one character does nothing.
  await press(page, '{', 2)
  await expect(page.locator('.span-row[aria-current="true"] .span-text')).toHaveText('𠮷')
  await press(page, '{')
  await expect.poll(() => exportedSpans(served, 'rare').find((s) => s.label === 'organization')).toEqual({ start: 15, end: 16, label: 'organization', text: '𠮷' })

  // Tab and Shift+Tab walk the spans in text order; Delete removes the selected one; undo brings it back.
  await press(page, 'Escape')
  await press(page, 'Control+Home')
  await press(page, 'Tab')
  await expect(page.locator('.span-row[aria-current="true"]')).toContainText(word)
  await press(page, 'Tab')
  await expect(page.locator('.span-row[aria-current="true"]')).toContainText('𠮷')
  await press(page, 'Shift+Tab')
  await expect(page.locator('.span-row[aria-current="true"]')).toContainText(word)
  await press(page, 'Delete')
  await expect(spanRows(page)).toHaveCount(1)
  await press(page, 'Control+z')
  await expect(spanRows(page)).toHaveCount(2)
  expect(exportedSpans(served, 'rare').map((s) => s.label)).toEqual(['date', 'organization'])

  // Enter marks the document done and opens the next one.
  await article(page).focus()
  await press(page, 'Enter')
  await expect(article(page)).not.toContainText('𠮷野家公告')
})

test('a double-click selects a word, and ? lists every shortcut in a dialog', async ({ page, served }) => {
  await importText(served, 'rare.txt', RARE)
  await openDocument(page, served, /𠮷野家公告/)
  const point = await page.evaluate(() => {
    const line = [...document.querySelectorAll<HTMLElement>('[role="document"] .line')].find((l) => l.textContent!.includes('杭州'))!
    const at = line.textContent!.indexOf('杭州')
    const range = document.createRange()
    range.setStart(line.firstChild!, at)
    range.setEnd(line.firstChild!, at + 1)
    const r = range.getBoundingClientRect()
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
  })
  await page.mouse.dblclick(point.x, point.y)
  const line = RARE.split('\n')[1]
  const word = await page.evaluate(
    ({ line, at }) => new Intl.Segmenter('zh', { granularity: 'word' }).segment(line).containing(at)!.segment,
    { line, at: line.indexOf('杭州') },
  )
  expect(word.startsWith('杭')).toBe(true)
  await press(page, '3')
  await expect(spanRows(page).first().locator('.span-text')).toHaveText(word)

  await article(page).focus()
  await press(page, '?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  for (const does of ['move by word', "move the selected span's start one character left or right", 'find in the document', 'edit the label set', 'tag every occurrence']) {
    await expect(help).toContainText(does)
  }
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, 'help.png') })
  await press(page, 'Escape')
  await expect(help).toBeHidden()
  await expect(article(page)).toBeFocused()
})

const REPEATED = '𠮷野家公告\n𠮷野家復工。😀𠮷野家營業。\n杭州𠮷野家門店\n'

test('finds with Ctrl+F, steps with Enter and Shift+Enter, and tags all occurrences as one undoable step', async ({ page, served }) => {
  await importText(served, 'repeated.txt', REPEATED)
  await openDocument(page, served, /𠮷野家公告/)
  // One occurrence is tagged already: tagging all skips it.
  await press(page, 'Shift+ArrowRight', 3)
  await press(page, '3')
  await expect(spanRows(page)).toHaveCount(1)

  await press(page, 'Control+Home')
  await press(page, 'Control+f')
  const find = page.getByRole('searchbox', { name: 'Find in document' })
  await expect(find).toBeFocused()
  await find.fill('𠮷野家')
  await expect(page.locator('.find-count')).toHaveText('4 hits')
  await expect.poll(() => highlightSize(page, 'find-hit')).toBe(4)
  await find.press('Enter')
  await expect(page.locator('.find-count')).toHaveText('1 of 4')
  await find.press('Enter')
  await expect(page.locator('.find-count')).toHaveText('2 of 4')
  await expect(position(page)).toHaveText('Selected 3 characters (6–9)')
  await find.press('Shift+Enter')
  await expect(page.locator('.find-count')).toHaveText('1 of 4')
  await page.screenshot({ path: path.join(SHOTS, 'find.png') })

  await page.getByRole('combobox', { name: 'Tag all as' }).selectOption('organization')
  await find.focus()
  await find.press('Control+Enter')
  await expect(spanRows(page)).toHaveCount(4)
  await expect(page.locator('.save-status')).toContainText('tag 3 occurrences of “𠮷野家” as organization (1 tagged already)')
  expect(exportedSpans(served, 'repeated').map((s) => [s.start, s.end])).toEqual([
    [0, 3],
    [6, 9],
    [13, 16],
    [22, 25],
  ])

  // Undo and redo take all three at once.
  await find.press('Escape')
  await expect(article(page)).toBeFocused()
  await press(page, 'Control+z')
  await expect(spanRows(page)).toHaveCount(1)
  await press(page, 'Control+Shift+z')
  await expect(spanRows(page)).toHaveCount(4)

  // `a` then a label key: every occurrence of the selected span's text, with that label.
  await press(page, 'Control+Home')
  await press(page, 'Tab')
  await press(page, 'a')
  await expect(page.locator('.save-status')).toContainText('press a label key')
  await press(page, '2')
  await expect(spanRows(page)).toHaveCount(8)
  expect(exportedSpans(served, 'repeated').filter((s) => s.label === 'measure')).toHaveLength(4)
  await press(page, 'Control+z')
  await expect(spanRows(page)).toHaveCount(4)
})

test('the label editor adds, renames, recolours, reorders, rehotkeys and deletes labels, each undoable', async ({ page, served }) => {
  await importText(served, 'repeated.txt', REPEATED)
  await openDocument(page, served, /𠮷野家公告/)
  await press(page, 'Shift+ArrowRight', 3)
  await press(page, '3')
  await press(page, 'ArrowDown')
  await press(page, 'Home')
  await press(page, 'Shift+ArrowRight', 3)
  await press(page, '3')
  await expect(spanRows(page)).toHaveCount(2)

  await article(page).focus()
  await press(page, 'l')
  const editor = page.getByRole('dialog', { name: 'Edit labels' })
  await expect(editor).toBeVisible()

  // A new label gets the first free hotkey, 5.
  await editor.getByLabel('Name of the new label').fill('person')
  await editor.getByLabel('Description of the new label').fill('人名')
  await expect(editor.getByLabel('Hotkey of the new label')).toHaveValue('5')
  await editor.getByRole('button', { name: 'Add label' }).click()
  await expect(editor.getByLabel('Name of person')).toBeVisible()

  // Rename organization: its spans follow.
  await editor.getByLabel('Name of organization').fill('機構')
  await editor.getByLabel('Name of organization').press('Enter')
  await expect(editor.getByLabel('Name of 機構')).toBeVisible()
  await expect(page.locator('.span-list')).toContainText('機構')
  await expect.poll(() => exportedSpans(served, 'repeated').map((s) => s.label)).toEqual(['機構', '機構'])

  // Recolour date, move it up, and give person the letter b.
  await editor.getByLabel('Colour of date').fill('#123456')
  await editor.getByRole('form', { name: 'Label date' }).getByRole('button', { name: 'Save' }).click()
  await editor.getByRole('button', { name: 'Move date up' }).click()
  // The page behind a modal dialog is inert, so it is read by its elements here.
  await expect(page.locator('.labelbar .label-button').nth(2)).toHaveAttribute('aria-label', 'date')
  await editor.getByLabel('Hotkey of person').selectOption('b')
  await editor.getByRole('form', { name: 'Label person' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.locator('.labelbar [aria-label="person"]')).toHaveAttribute('aria-keyshortcuts', 'b')
  await page.screenshot({ path: path.join(SHOTS, 'label-editor.png') })

  // Deleting a label in use asks first and says how many spans go.
  await editor.getByRole('button', { name: 'Delete 機構' }).click()
  const confirm = editor.getByRole('alertdialog', { name: 'Delete the label “機構”?' })
  await expect(confirm).toContainText('This removes 2 spans in 1 document')
  await confirm.getByRole('button', { name: 'Delete label and 2 spans' }).click()
  await expect(editor.getByLabel('Name of 機構')).toBeHidden()
  await expect(page.locator('.span-list li')).toHaveCount(0)
  expect(exportedSpans(served, 'repeated')).toEqual([])
  // Undo brings the label and its spans back.
  await editor.getByRole('button', { name: /^Undo delete the label 機構 and its 2 spans/ }).click()
  await expect(editor.getByLabel('Name of 機構')).toBeVisible()
  await expect(page.locator('.span-list li')).toHaveCount(2)
  await expect.poll(() => exportedSpans(served, 'repeated').map((s) => s.label)).toEqual(['機構', '機構'])
  await editor.getByRole('button', { name: 'Done' }).click()

  // The new hotkey tags; Ctrl+Z then undoes the label edits one by one: the tag, the hotkey, the move, the colour, the rename.
  await article(page).focus()
  await press(page, 'Control+End')
  await press(page, 'Shift+ArrowLeft', 2)
  await press(page, 'b')
  await expect(page.getByRole('list', { name: /Spans/ })).toContainText('person')
  for (let i = 0; i < 5; i++) await press(page, 'Control+z')
  await expect(page.getByRole('button', { name: 'organization', exact: true })).toBeVisible()
  await expect.poll(() => exportedSpans(served, 'repeated').map((s) => s.label)).toEqual(['organization', 'organization'])
})

/** About 300 KB of the corpus's sentences in short paragraphs, ending with 𠮷野家, and a few thousand spans. */
function longDocument(): { text: string; spans: Array<{ start: number; end: number; label: string; text: string; annotator: string }> } {
  const corpus = path.join(ROOT, 'resources', 'corpus')
  const sentences = fs
    .readdirSync(corpus)
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(corpus, f), 'utf8').split(/(?<=。)|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 8)
  const paragraphs: string[] = []
  let bytes = 0
  for (let i = 0; bytes < 300_000; i++) {
    const paragraph = `${i + 1}. ${sentences[i % sentences.length]}${sentences[(i * 7 + 3) % sentences.length]}`
    paragraphs.push(paragraph)
    bytes += Buffer.byteLength(paragraph) + 1
  }
  paragraphs.push('末段：𠮷野家')
  const text = paragraphs.join('\n')
  const spans: Array<{ start: number; end: number; label: string; text: string; annotator: string }> = []
  let at = 0
  for (const paragraph of paragraphs.slice(0, -1)) {
    const points = [...paragraph]
    // Each paragraph's number, and its first four characters after it.
    const number = paragraph.indexOf('.')
    spans.push({ start: at, end: at + number, label: 'metric', text: points.slice(0, number).join(''), annotator: 'e2e-annotator' })
    spans.push({ start: at + number + 2, end: at + number + 6, label: 'measure', text: points.slice(number + 2, number + 6).join(''), annotator: 'e2e-annotator' })
    at += points.length + 1
  }
  return { text, spans }
}

test('a 300 KB document with thousands of spans renders only what is near the viewport and is tagged at its end, by keys and by a long drag', async ({ page, served }) => {
  test.setTimeout(150_000)
  const long = longDocument()
  expect(long.spans.length).toBeGreaterThan(2000)
  const file = path.join(served.dir, 'long.jsonl')
  fs.writeFileSync(file, `${JSON.stringify({ id: 'long', title: '長篇報告', text: long.text, spans: long.spans })}\n`)
  const imported = served.cli('import', file, '--db', served.db)
  expect(imported.code, imported.stderr).toBe(0)
  const paragraphs = long.text.split('\n').length
  const length = [...long.text].length

  await openDocument(page, served, /長篇報告/)
  await expect(page.getByRole('heading', { name: /Spans/ })).toContainText(String(long.spans.length))
  const rendered = () => page.locator('[role="document"] .line').count()
  expect(await rendered()).toBeLessThan(paragraphs / 5)
  await expect.poll(() => highlightSize(page, 'label-measure')).toBeGreaterThan(0)
  expect(await highlightSize(page, 'label-measure')).toBeLessThan(long.spans.length / 10)
  expect(await page.getByRole('list', { name: /Spans/ }).getByRole('listitem').count()).toBeLessThan(100)

  // Ctrl+End goes to the end, far past the rendered lines; Shift+← ×3 selects 𠮷野家.
  await press(page, 'Control+End')
  await expect(article(page)).toContainText('末段：𠮷野家')
  await press(page, 'Shift+ArrowLeft', 3)
  await press(page, '3')
  await expect.poll(() => exportedSpans(served, 'long').find((s) => s.label === 'organization')).toEqual({
    start: length - 3,
    end: length,
    label: 'organization',
    text: '𠮷野家',
  })
  expect(await rendered()).toBeLessThan(paragraphs / 5)

  // Shift+PageUp three times selects across screens of lines, most of them no longer rendered when tagged.
  await press(page, 'Escape')
  await press(page, 'Control+End')
  await press(page, 'ArrowLeft', 3)
  await press(page, 'Shift+PageUp', 3)
  await press(page, '4')
  await expect.poll(() => exportedSpans(served, 'long').filter((s) => s.label === 'date')).toHaveLength(1)
  const paged = exportedSpans(served, 'long').find((s) => s.label === 'date')!
  expect(paged.end).toBe(length - 3)
  expect(paged.text.split('\n').length).toBeGreaterThan(10)

  // A drag from the top of the article to below its bottom edge scrolls it and selects all the way.
  await press(page, 'Control+Home')
  const box = (await article(page).boundingBox())!
  const start = { x: box.x + box.width / 2, y: box.y + 60 }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x, box.y + box.height + 12, { steps: 5 })
  await expect.poll(() => page.evaluate(() => document.querySelector('[role="document"]')!.scrollTop), { timeout: 20_000 }).toBeGreaterThan(3000)
  await page.mouse.up()
  const selected = await position(page).textContent()
  const [, from, to] = selected!.match(/\((\d+)–(\d+)\)/)!.map(Number)
  expect(to - from).toBeGreaterThan(1000)
  await press(page, '2')
  await expect
    .poll(() => exportedSpans(served, 'long').some((s) => s.label === 'measure' && s.start === from && s.end === to))
    .toBe(true)
  await page.screenshot({ path: path.join(SHOTS, 'long-document.png') })
})
