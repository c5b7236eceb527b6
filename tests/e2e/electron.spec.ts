import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { ROOT } from './fixtures'

/** Electron's binary, when this machine has it; its package downloads it on first launch, which needs the network. */
function electronBinary(): string | null {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const binary = path.join(ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8'))
  return fs.existsSync(binary) ? binary : null
}

const binary = electronBinary()
const electronSqlite = path.join(ROOT, 'build', 'electron-native', 'better_sqlite3.node')
const skipReason = !binary
  ? "Electron's binary is not installed on this machine (it cannot be downloaded offline); the same scenario runs in browser mode"
  : !fs.existsSync(electronSqlite)
    ? 'better-sqlite3 has no Electron build yet: run npm start once to build it'
    : null

if (skipReason) console.log(`electron e2e skipped: ${skipReason}`)

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== null, skipReason ?? '')

  test('opens the sample project, tags a span with a hotkey and keeps it after a restart', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-electron-'))
    const launch = () =>
      electron.launch({ executablePath: binary!, args: [ROOT, `--user-data-dir=${userData}`], env: { ...process.env, FACTSPAN_HOME: userData } })
    let app = await launch()
    let page = await app.firstWindow()
    const dialog = page.getByRole('dialog', { name: /annotator/i })
    await dialog.getByRole('textbox').fill('electron-tester')
    await dialog.getByRole('button', { name: /continue|save|ok/i }).click()
    await page.getByRole('row').filter({ hasText: '芙蓉區' }).first().click()
    const article = page.getByRole('document', { name: 'Article text' })
    await article.getByText(/芙蓉區打好精準施策的組合拳/).first().waitFor()
    await article.focus()
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('3')
    await expect(page.getByRole('list', { name: /spans/i }).getByRole('listitem')).toHaveCount(1)
    await app.close()

    app = await launch()
    page = await app.firstWindow()
    await page.getByRole('row').filter({ hasText: '芙蓉區' }).first().click()
    await expect(page.getByRole('list', { name: /spans/i }).getByRole('listitem')).toHaveCount(1)
    await app.close()
  })
})
