import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers'

// npm test builds with electron-vite before this runs; the Electron binary itself is not needed to check the output.
describe('electron-vite build', () => {
  it('emits a CommonJS preload that requires nothing but electron, as a sandboxed preload must', () => {
    const preload = fs.readFileSync(path.join(ROOT, 'out/preload/index.cjs'), 'utf8')
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
    expect(preload).not.toMatch(/^\s*import\s/m)
  })

  it('emits the main process and a renderer page with a strict content security policy', () => {
    expect(fs.existsSync(path.join(ROOT, 'out/main/index.js'))).toBe(true)
    const html = fs.readFileSync(path.join(ROOT, 'out/renderer/index.html'), 'utf8')
    expect(html).toMatch(/Content-Security-Policy/)
    expect(html).toMatch(/script-src 'self'/)
    expect(html).not.toMatch(/unsafe-eval/)
  })
})
