// Drives Factspan's compare view as a reviewer would: "Review" in the top bar opens the document; a take clicks into
// the text where the driver points, goes to the next disagreement with `n` and takes the first version with Shift+1.
import type { Page } from '@playwright/test'
import { ADD_TIMEOUT_MS, type ViewDriver } from './measureView'
import type { BenchDocumentData } from './protocol'

const CURRENT = '.comparison-row[aria-current="true"]'

export function reviewView(url: string, doc: BenchDocumentData): ViewDriver {
  const taken = new Set<string>()
  return {
    app: 'factspan',
    load: async (page) => {
      await page.goto(url)
      await page.getByRole('button', { name: doc.title, exact: true }).waitFor()
    },
    opener: (page) => page.getByRole('button', { name: 'Review', exact: true }),
    select: async (page: Page, x, y) => {
      await page.keyboard.press('Escape')
      await page.mouse.click(x, y)
      await page.keyboard.press('n')
      const current = page.locator(CURRENT)
      const shown = await current.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
      const text = shown ? ((await current.locator('.span-text').textContent()) ?? '') : ''
      const status = await page.locator('.save-status').textContent()
      // Each take settles a disagreement not settled before: gold then changes, which is what the probe waits for.
      if (!shown || taken.has(text) || status?.startsWith('No disagreements')) return null
      taken.add(text)
      return { start: 0, end: 0, quote: text }
    },
    addSpec: () => ({ kind: 'change', app: 'factspan', highlight: 'review-gold', timeoutMs: ADD_TIMEOUT_MS }),
    key: 'Shift+Digit1',
  }
}
