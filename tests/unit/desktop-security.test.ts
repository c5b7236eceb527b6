import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { appProtocolHandler, isAppUrl } from '../../src-main/desktop/appProtocol'
import { isAllowedExternalUrl } from '../../src-main/desktop/externalLinks'
import { ROOT, tempDir } from './helpers'

// Electron cannot run here: its main process is kept to wiring, and what decides anything is plain Node, tested as is.

function rendererFolder() {
  const root = tempDir()
  const renderer = path.join(root, 'renderer')
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Factspan</title>')
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}')
  fs.writeFileSync(path.join(root, 'settings.json'), '{"secret":true}')
  return renderer
}

describe('the app:// protocol of the desktop app', () => {
  it('serves the page and its files with the content security policy', async () => {
    const handle = appProtocolHandler(rendererFolder())
    const page = await handle(new Request('app://factspan/index.html'))
    expect(page.status).toBe(200)
    expect(await page.text()).toBe('<!doctype html><title>Factspan</title>')
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/)
    expect(await (await handle(new Request('app://factspan/'))).text()).toBe('<!doctype html><title>Factspan</title>')
    const script = await handle(new Request('app://factspan/assets/app.js'))
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'export {}'])
  })

  it('refuses paths that climb out of the renderer folder, other hosts and other methods', async () => {
    const handle = appProtocolHandler(rendererFolder())
    for (const url of [
      'app://factspan/..%2fsettings.json',
      'app://factspan/assets%2f..%2f..%2fsettings.json',
      'app://factspan/..%5csettings.json',
      'app://factspan/%2e%2e%5csettings.json',
      'app://factspan/%2Fetc%2Fpasswd',
      'app://factspan/C:%5cWindows%5cwin.ini',
      'app://factspan/index.html%00',
      'app://factspan/%E0%A4%A',
    ]) {
      const answer = await handle(new Request(url))
      expect([url, answer.status, await answer.text()]).toEqual([url, 400, 'Bad path'])
    }
    // URL parsing resolves a plain '..' before the handler sees it: what is left stays inside the folder.
    expect((await handle(new Request('app://factspan/../settings.json'))).status).toBe(404)
    expect((await handle(new Request('app://factspan/missing.js'))).status).toBe(404)
    expect((await handle(new Request('app://evil/index.html'))).status).toBe(404)
    expect((await handle(new Request('app://factspan:8080/index.html'))).status).toBe(404)
    expect((await handle(new Request('app://factspan/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
  })

  it('counts only its own origin as the app, for navigation and for IPC senders', () => {
    expect(isAppUrl('app://factspan/index.html')).toBe(true)
    expect(isAppUrl('app://factspan/index.html#review')).toBe(true)
    for (const url of ['file:///home/me/out/renderer/index.html', 'app://factspan.evil/index.html', 'app://evil/factspan', 'https://factspan/', 'app://user@factspan/', 'app://factspan:1/', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false)
    }
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('app://factspan/index.html', 'http://localhost:5173')).toBe(false)
  })

  it('is what the built main process loads: never a file:// page', () => {
    const main = fs.readFileSync(path.join(ROOT, 'out/main/index.js'), 'utf8')
    expect(main).toContain('app://factspan/index.html')
    expect(main).toContain('registerSchemesAsPrivileged')
    expect(main).not.toMatch(/\.loadFile\(/)
    expect(main).not.toContain('file://')
  })
})

describe('links the desktop app opens in the system browser', () => {
  it('are allow-listed https addresses only', () => {
    for (const url of ['https://github.com/', 'https://doccano.github.io/doccano/', 'https://labelstud.io/guide/export', 'https://spacy.io/api/data-formats']) {
      expect(isAllowedExternalUrl(url), url).toBe(true)
    }
    for (const url of [
      'http://github.com/',
      'https://evil.example/',
      'https://github.com.evil.example/',
      'https://evil.example/?https://github.com/',
      'https://user:pass@github.com/',
      'https://github.com:8443/',
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'github.com',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false)
    }
  })
})
