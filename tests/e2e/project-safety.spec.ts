/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { startServer } from '../unit/cli-helpers'
import { expect, paintedMarks, ROOT, SCREENSHOTS, test } from './fixtures'

const spanList = (page: Page) => page.getByRole('list', { name: /Spans/ })

async function tagFirstCharacters(page: Page, title: RegExp, count: number, key: string) {
  await page.getByRole('button', { name: title }).click()
  const article = page.getByRole('document', { name: 'Article text' })
  await expect(article).toBeVisible()
  await article.focus()
  for (let i = 0; i < count; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press(key)
}

/** Writes noise over one page of the project's tables, as a failing disk would. */
function garble(file: string): void {
  const bytes = fs.readFileSync(file)
  for (let i = 2 * 4096; i < 3 * 4096; i++) bytes[i] = (i * 7919) % 251
  fs.writeFileSync(file, bytes)
}

test('backs up from the project dialog and restores a backup, and the span made since is gone', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Switch project' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch project' })
  const backups = dialog.getByRole('list', { name: 'Backups' })
  // Opening the project for the server made the day's backup.
  await expect(backups.getByRole('listitem')).toHaveCount(1)
  await expect(backups).toContainText('daily')
  await expect(dialog).toContainText(`${served.dir}${path.sep}e2e.backups`)
  await dialog.getByRole('button', { name: 'Back up now' }).click()
  await expect(backups.getByRole('listitem')).toHaveCount(2)
  await expect(backups.getByRole('listitem').first()).toContainText('manual')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await tagFirstCharacters(page, /芙蓉區:打好精準復工復產組合拳/, 2, '4')
  await expect(spanList(page).getByRole('listitem')).toHaveCount(1)

  await page.getByRole('button', { name: 'Switch project' }).click()
  await backups.getByRole('listitem').first().getByRole('button', { name: /^Restore the backup of / }).click()
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, 'project-backups.png') })
  await dialog.getByRole('button', { name: 'Restore it' }).click()
  await expect(dialog.getByRole('status')).toContainText('Restored the backup of')
  await expect(dialog.getByRole('status')).toContainText('before-restore.factspan')
  // The restored project is shown afresh: the library, without the span made after the backup.
  await expect(backups.getByRole('listitem')).toHaveCount(3)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('row').filter({ hasText: '芙蓉區:打好精準復工復產組合拳' })).toContainText('New')
  const stats = JSON.parse(served.cli('stats', '--db', served.db, '--json').stdout)
  expect(stats.spans).toBe(0)
})

test('offers to restore the backup of a damaged project, or to export what can still be read', async ({ page, served }) => {
  // A second project, backed up, then damaged on disk.
  const damaged = path.join(served.dir, 'damaged.factspan')
  expect(served.cli('import', path.join(ROOT, 'resources', 'corpus'), '--db', damaged).code).toBe(0)
  expect(served.cli('backup', '--db', damaged).code).toBe(0)
  garble(damaged)

  await page.goto(served.url)
  await page.getByRole('button', { name: 'Switch project' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch project' })
  await dialog.getByRole('textbox', { name: 'Project file path' }).fill(damaged)
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  const offer = dialog.getByRole('alert')
  await expect(offer).toContainText('This project is damaged')
  await expect(offer).toContainText(`${damaged} is damaged (SQLite's check of its pages found:`)
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, 'damaged-project.png') })

  const download = page.waitForEvent('download')
  await offer.getByRole('button', { name: 'Export what can still be read' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toBe('damaged-salvaged.jsonl')
  const lines = fs.readFileSync(await saved.path(), 'utf8').trim().split('\n').map((line) => JSON.parse(line))
  expect(lines.length).toBeGreaterThan(0)
  await expect(offer.getByRole('status')).toContainText(`Saved ${lines.length} documents and 0 spans as damaged-salvaged.jsonl`)

  await offer.getByRole('button', { name: /^Restore the backup of / }).click()
  await expect(page.locator('.project-path')).toHaveText(damaged)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.locator('table.documents tbody tr')).toHaveCount(5)
})

// Root may write any file: as root, the server runs as "nobody", for whom a read-only file is read-only.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}

test('shows a read-only project as such and refuses a tag clearly, painting nothing', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-e2e-ro-'))
  const file = path.join(dir, 'shared.factspan')
  const env = { ...process.env, FACTSPAN_HOME: dir }
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ annotator: 'e2e-annotator', recentProjects: [] }))
  const imported = await import('node:child_process').then(({ spawnSync }) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin', 'factspan.js'), 'import', path.join(ROOT, 'resources', 'corpus'), '--db', file], { env, encoding: 'utf8' }),
  )
  expect(imported.status).toBe(0)
  fs.chmodSync(file, 0o444)
  fs.chmodSync(dir, 0o777)
  fs.chmodSync(path.join(dir, 'settings.json'), 0o666)
  const server = await startServer(dir, file, env, asUser)
  try {
    await page.goto(server.url)
    await expect(page.locator('.read-only-mark')).toHaveText('Read-only')
    await tagFirstCharacters(page, /芙蓉區:打好精準復工復產組合拳/, 2, '4')
    await expect(page.locator('.alert-text')).toHaveText(`${file} is read-only: changes cannot be saved. Make the file writable, or open a copy, to edit it.`)
    await expect(page.locator('.save-status')).toHaveText('Not saved')
    await expect(spanList(page).getByRole('listitem')).toHaveCount(0)
    await expect.poll(() => paintedMarks(page, 'label-date')).toBe(0)
  } finally {
    server.child.kill()
    await server.exited
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
