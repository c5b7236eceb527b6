import fs from 'node:fs'
import path from 'node:path'
import type { Download, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const SHOTS = '/tmp/shots'

/**
 * Native JSONL of `count` documents, each with a date and a metric span, measures in every fifth; 𠮷 and 😀 in the
 * text, and `padding` characters more at its end.
 */
function documents(count: number, prefix = 'g', padding = 0): string {
  return Array.from({ length: count }, (_, i) => {
    const text = `${i % 2 ? '😀' : '𠮷'}截至2月25日，杭州高新区企业复工率91.9%，防疫惠企28条第${i}号${'。'.repeat(padding)}`
    const spans = [
      { start: 3, end: 8, label: 'date' },
      { start: 21, end: 26, label: 'metric' },
      ...(i % 5 === 0 ? [{ start: 27, end: 33, label: 'measure' }] : []),
    ]
    return JSON.stringify({ id: `${prefix}${String(i).padStart(5, '0')}`, text, spans })
  }).join('\n')
}

/** Every download the page starts from now on. */
function collectDownloads(page: Page): Download[] {
  const downloads: Download[] = []
  page.on('download', (download) => downloads.push(download))
  return downloads
}

test('exports train, dev and test files with their manifest, as the preview said', async ({ page, served }) => {
  fs.writeFileSync(path.join(served.dir, 'sixty.jsonl'), documents(60))
  expect(served.cli('import', 'sixty.jsonl', '--db', served.db, '--annotator', 'e2e-annotator').code).toBe(0)
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  const preview = dialog.getByRole('table', { name: 'Preview' })
  // 60 generated documents and the 5 sample articles, which have no spans.
  await expect(preview.getByRole('row', { name: /^Export 65 132 60 12 0 60$/ })).toBeVisible()

  await dialog.getByRole('checkbox', { name: 'One file per split' }).check()
  await dialog.getByLabel('Seed', { exact: true }).fill('5')
  await dialog.getByRole('checkbox', { name: 'organization' }).uncheck()
  await expect(preview.getByRole('columnheader')).toHaveText(['Split', 'Documents', 'Spans', 'metric', 'measure', 'date'])
  await expect(preview.getByRole('row', { name: /^Total 65 132 60 12 60$/ })).toBeVisible()
  const counts: Record<string, number> = {}
  for (const split of ['train', 'dev', 'test']) {
    const cells = await preview.getByRole('row', { name: new RegExp(`^${split} `) }).getByRole('cell').allTextContents()
    counts[split] = Number(cells[0])
  }
  expect(counts.train + counts.dev + counts.test).toBe(65)
  expect(counts.train).toBeGreaterThanOrEqual(51)

  // A bad split is named before anything is sent.
  await dialog.getByLabel('Splits (name=ratio, …)').fill('train=0.8,dev=0.3')
  await expect(dialog.getByRole('alert')).toHaveText('split "train=0.8,dev=0.3": the ratios add up to 1.1, not 1')
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled()
  await dialog.getByLabel('Splits (name=ratio, …)').fill('train=0.8,dev=0.1,test=0.1')
  fs.mkdirSync(SHOTS, { recursive: true })
  await expect(preview.getByRole('row', { name: /^Total / })).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'export-splits-preview.png') })

  const downloads = collectDownloads(page)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'Exported 65 documents' })).toBeVisible()
  await expect.poll(() => downloads.length).toBe(4)
  const names = downloads.map((d) => d.suggestedFilename())
  expect(names).toEqual(['e2e-native-train.jsonl', 'e2e-native-dev.jsonl', 'e2e-native-test.jsonl', 'e2e-native.manifest.json'])
  const text = async (i: number) => fs.readFileSync(await downloads[i].path(), 'utf8')
  for (const [i, split] of ['train', 'dev', 'test'].entries()) {
    const records = (await text(i)).trim().split('\n').map((line) => JSON.parse(line))
    expect(records).toHaveLength(counts[split])
    expect(records.flatMap((r) => r.spans.map((s: { label: string }) => s.label))).not.toContain('organization')
  }
  const manifest = JSON.parse(await text(3))
  expect(manifest).toMatchObject({ format: 'native', offset_unit: 'codepoint', split: { seed: 5 }, filters: { labels: ['metric', 'measure', 'date'] } })
  expect(manifest.files.map((f: { path: string; documents: number }) => [f.path, f.documents])).toEqual([
    ['e2e-native-train.jsonl', counts.train],
    ['e2e-native-dev.jsonl', counts.dev],
    ['e2e-native-test.jsonl', counts.test],
  ])
  await page.screenshot({ path: path.join(SHOTS, 'export-splits-done.png') })
})

test('cancels a long export and a long import from their dialogs, leaving nothing behind', async ({ page, served }) => {
  test.setTimeout(240_000)
  // bio writes a line per character: 4,000 documents of 2,000 characters take the export a while.
  fs.writeFileSync(path.join(served.dir, 'long.jsonl'), documents(4000, 'g', 2000))
  expect(served.cli('import', 'long.jsonl', '--db', served.db).code).toBe(0)
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export annotations' })
  const downloads = collectDownloads(page)
  await dialog.getByLabel('Format').selectOption('bio')
  // Hold the export's request until Cancel has been sent, so the test never races a fast machine: the server
  // must stop a job whose cancel arrived first.
  let release!: () => void
  const cancelSent = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/export.dataset', async (route) => {
    await cancelSent
    await route.continue()
  })
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' })
  const cancelled = page.waitForResponse('**/api/jobs.cancel')
  await dialog.getByRole('button', { name: 'Cancel export' }).click()
  await cancelled
  release()
  await expect(dialog.getByRole('alert')).toHaveText('Export cancelled: nothing was downloaded.', { timeout: 60_000 })
  await expect(bar).toHaveCount(0)
  expect(downloads).toEqual([])
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()

  const before = JSON.parse(served.cli('stats', '--db', served.db, '--json').stdout)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importDialog = page.getByRole('dialog', { name: 'Import documents' })
  await importDialog.locator('input[type=file]').first().setInputFiles([{ name: 'more.jsonl', mimeType: 'application/json', buffer: Buffer.from(documents(80_000, 'm')) }])
  // Held the same way: on a fast machine the import could end before the click, on a loaded one the bar could
  // come and go unseen. The cancel overtakes the job's start, and nothing of the file may stay.
  let releaseImport!: () => void
  const importCancelSent = new Promise<void>((resolve) => (releaseImport = resolve))
  await page.route('**/api/import.files', async (route) => {
    await importCancelSent
    await route.continue()
  })
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(importDialog.getByRole('progressbar', { name: 'Import progress' })).toBeVisible()
  const importCancelled = page.waitForResponse('**/api/jobs.cancel')
  await importDialog.getByRole('button', { name: 'Cancel import' }).click()
  await importCancelled
  releaseImport()
  // The server may still be reading the file when the cancel is found: on a loaded machine that takes a while.
  await expect(importDialog.getByRole('status')).toHaveText(/^Imported 0 documents and 0 spans/, { timeout: 90_000 })
  await expect(importDialog.getByText(/^Import cancelled:/)).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'import-cancelled.png') })
  expect(JSON.parse(served.cli('stats', '--db', served.db, '--json').stdout)).toEqual(before)
})
