import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, ROOT, test } from './fixtures'

/** `npm start` as a new user runs it: an empty home folder, no Electron binary, no network to download one. */
function startFresh(home: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') }
  delete env.FACTSPAN_HOME
  delete env.HTTPS_PROXY
  delete env.https_proxy
  // A closed port on this machine stands for a network that is down, the same on every machine that runs this.
  env.ELECTRON_MIRROR = 'http://127.0.0.1:9/'
  // Its own process group, so the browser-mode server it starts is stopped with it.
  return spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], { cwd: ROOT, env, detached: true })
}

const electronInstalled = fs.existsSync(path.join(ROOT, 'node_modules', 'electron', 'path.txt'))

test('npm start on a fresh machine falls back to browser mode and opens the five sample articles', async ({ page }) => {
  test.skip(electronInstalled, "Electron's binary is installed here, so npm start opens the desktop app instead")
  test.setTimeout(180_000)
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-fresh-home-'))
  const child = startFresh(home)
  try {
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString()
        const match = output.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/)
        if (match) resolve(match[1])
      }
      child.stdout!.on('data', read)
      child.stderr!.on('data', read)
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)))
    })
    expect(output).toContain("Electron's binary is not available")
    expect(output).toContain('starting browser mode instead')

    await page.goto(url)
    const titles = ['杭州“雙線作戰(zhàn)”向縱深推進(jìn)', '復工復產,濱江的誠意與信心', '以六稳六保为抓手推动高质量发展', '芙蓉區:打好精準復工復產組合拳', '浙江台州“复苏记”:“疫”中抢先机 盼得春归来']
    for (const title of titles) await expect(page.getByRole('button', { name: title, exact: true })).toBeVisible()
    await expect(page.locator('table.documents tbody tr')).toHaveCount(5)
    // The folders it needed were made: settings and the sample project under the XDG config folder.
    const config = path.join(home, '.config', 'factspan')
    expect(fs.existsSync(path.join(config, 'sample.factspan'))).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(config, 'settings.json'), 'utf8')).recentProjects).toEqual([path.join(config, 'sample.factspan')])
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)))
    fs.rmSync(home, { recursive: true, force: true })
  }
})
