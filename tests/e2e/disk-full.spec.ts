/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { startHttpBridge } from '../../src-main/bridge/http'
import { createService } from '../../src-main/service'
import { appPaths } from '../../src-main/service/paths'
import { fillDisk, freeDisk } from '../unit/disk-helpers'
import { expect, paintedMarks, SCREENSHOTS, test } from './fixtures'

const TEXT = '𠮷野家公告\n😀截至2月25日，𠮷野家复工率91.9%。\n'

/** Browser mode served from this process, so the test can fill the project's disk under the running server. */
async function serveInProcess() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-e2e-full-'))
  const { service, workspace } = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: path.join(dir, 'full.factspan'), createProject: true })
  workspace.settings.setAnnotator('e2e-annotator')
  await service['import.files']({ files: [{ name: 'rare.txt', base64: Buffer.from(TEXT).toString('base64') }] })
  const bridge = await startHttpBridge({ service, workspace, staticDir: appPaths.renderer })
  return {
    service,
    workspace,
    url: bridge.url,
    stop: async () => {
      await bridge.close()
      workspace.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

const painted = (page: Page, label: string) => paintedMarks(page, `label-${label}`)
const spanList = (page: Page) => page.getByRole('list', { name: /Spans/ })

test('a tag on a full disk is shown as not saved, and saves once space is back', async ({ page }) => {
  const served = await serveInProcess()
  try {
    await page.goto(served.url)
    await page.getByRole('button', { name: /𠮷野家公告/ }).click()
    const article = page.getByRole('document', { name: 'Article text' })
    await expect(article).toBeVisible()

    fillDisk(served.workspace.database(), 'rare')
    await article.focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('3')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('not written: the disk is full. Free some space and try again; everything saved before is kept.')
    await expect(alert).not.toContainText('internal')
    await expect(alert).not.toContainText(' at ')
    await expect(page.locator('.save-status')).toHaveText('Not saved')
    await expect.poll(() => painted(page, 'organization')).toBe(0)
    await expect(spanList(page).getByRole('listitem')).toHaveCount(0)
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SCREENSHOTS, 'disk-full.png') })

    // Space is back: the selection came back with the error, so the same key saves it.
    freeDisk(served.workspace.database())
    await page.getByRole('button', { name: 'Dismiss error' }).click()
    await article.focus()
    await page.keyboard.press('3')
    await expect(spanList(page).getByRole('listitem')).toHaveCount(1)
    await expect(spanList(page)).toContainText('𠮷野家')
    await expect.poll(() => painted(page, 'organization')).toBe(1)
    await expect(page.locator('.save-status')).toContainText('Saved')
    const saved = served.service['spans.list']({ documentId: 'rare', annotator: 'e2e-annotator' })
    expect(saved.map((s) => [s.start, s.end, s.text])).toEqual([[0, 3, '𠮷野家']])
  } finally {
    await served.stop()
  }
})
