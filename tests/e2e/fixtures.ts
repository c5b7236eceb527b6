import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
const BIN = path.join(ROOT, 'bin', 'factspan.js')

export interface Served {
  /** The address printed by `factspan serve`, token included. */
  url: string
  dir: string
  db: string
  /** Runs a factspan CLI command against the same project and settings. */
  cli(...args: string[]): { code: number | null; stdout: string; stderr: string }
}

/** Starts `factspan serve` on a fresh project in a fresh folder; the sample corpus is imported first. */
export async function serveProject(options: { annotator?: string; importCorpus?: boolean } = {}): Promise<Served & { stop(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-e2e-'))
  const db = path.join(dir, 'e2e.factspan')
  const env = { ...process.env, FACTSPAN_HOME: dir }
  if (options.annotator) fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ annotator: options.annotator, recentProjects: [] }))
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8' })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }
  if (options.importCorpus !== false) {
    const imported = cli('import', path.join(ROOT, 'resources', 'corpus'), '--db', db)
    if (imported.code !== 0) throw new Error(imported.stderr)
  }
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], { cwd: dir, env })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/)
      if (match) resolve(match[1])
    })
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    child.on('exit', (code) => reject(new Error(`factspan serve exited with ${code}: ${out}`)))
  })
  return {
    url,
    dir,
    db,
    cli,
    stop: () => {
      child.kill('SIGTERM')
    },
  }
}

export const test = base.extend<{ served: Served }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  served: async ({}, use) => {
    const served = await serveProject({ annotator: 'e2e-annotator' })
    await use(served)
    served.stop()
    fs.rmSync(served.dir, { recursive: true, force: true })
  },
})

export { expect }

export const SCREENSHOTS = path.join(ROOT, 'tests', 'e2e', 'screenshots')

/** Imports a text file with the CLI, then opens the document in the app from the library by its title. */
export async function openImportedText(page: Page, served: Served, name: string, text: string, title: RegExp): Promise<void> {
  const file = path.join(served.dir, name)
  fs.writeFileSync(file, text)
  expect(served.cli('import', file, '--db', served.db).code).toBe(0)
  await page.goto(served.url)
  await page.getByRole('button', { name: title }).click()
}

/** How many items a highlight paints: the surface draws each as a mark behind its line's text (layers.ts). */
export function paintedMarks(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => [...document.querySelectorAll<HTMLElement>('.line-marks > [data-mark]')].filter((m) => m.dataset.mark === name).length, name)
}

/** How a highlight's first painted mark looks: its first box's computed fill and bottom border (the underline). */
export function markLook(page: Page, name: string): Promise<{ fill: string; underline: string } | null> {
  return page.evaluate((name) => {
    const mark = [...document.querySelectorAll<HTMLElement>('.line-marks > [data-mark]')].find((m) => m.dataset.mark === name)
    const box = mark?.firstElementChild
    if (!box) return null
    const style = getComputedStyle(box)
    return { fill: style.backgroundColor, underline: `${style.borderBottomWidth} ${style.borderBottomStyle}` }
  }, name)
}
