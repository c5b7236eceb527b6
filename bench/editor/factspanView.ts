// Drives Factspan in browser mode as a user would: click the document in the library, drag over a few characters of
// the text, read the selection back from the status line, press the label key.
import type { Page } from '@playwright/test'
import { OffsetMap } from '../../src-main/shared/offsets'
import { ADD_TIMEOUT_MS, type ViewDriver } from './measureView'
import { ADD_LABEL, type BenchDocumentData } from './protocol'

const SELECTION_STATUS = /^Selected [\d,]+ characters? \((\d+)–(\d+)\)$/
/** The advance of a CJK character at the article's 18 px with 0.02em letter spacing. */
const CHARACTER_WIDTH = 18.4

export function factspanView(url: string, doc: BenchDocumentData): ViewDriver {
  const map = new OffsetMap(doc.text)
  // A range already tagged with the label would be "already tagged", not added: those are never chosen.
  const taken = new Set(doc.spans.filter((s) => s.label === ADD_LABEL).map((s) => `${s.start}:${s.end}`))
  return {
    app: 'factspan',
    load: async (page) => {
      await page.goto(url)
      await page.getByRole('button', { name: doc.title, exact: true }).waitFor()
    },
    opener: (page) => page.getByRole('button', { name: doc.title, exact: true }),
    select: async (page: Page, x, y, length) => {
      // Esc drops what an earlier try left selected, so the status line shows only this drag's selection.
      await page.keyboard.press('Escape')
      await page.mouse.move(x, y)
      await page.mouse.down()
      await page.mouse.move(x + length * CHARACTER_WIDTH, y, { steps: 2 })
      await page.mouse.up()
      const status = page.getByText(SELECTION_STATUS)
      const shown = await status.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
      const match = shown ? (await status.textContent())?.match(SELECTION_STATUS) : null
      const start = Number(match?.[1])
      const end = Number(match?.[2])
      const quote = match ? map.slice(start, end) : ''
      // Factspan trims spaces off a selection it tags, which would paint a range other than the pending one.
      if (!match || quote.includes('\n') || quote.trim() !== quote || taken.has(`${start}:${end}`)) return null
      taken.add(`${start}:${end}`)
      return { start, end, quote }
    },
    addSpec: (selection) => ({ kind: 'add', app: 'factspan', label: ADD_LABEL, quote: selection.quote, start: selection.start, end: selection.end, timeoutMs: ADD_TIMEOUT_MS }),
  }
}
