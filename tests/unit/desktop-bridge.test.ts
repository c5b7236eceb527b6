import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { registerIpc } from '../../src-main/bridge/ipc'
import { EVENT_NAMES, methodNames, type Result } from '../../src-main/shared/api'
import type { DesktopBridge } from '../../src-main/shared/bridge-protocol'
import { newProject, ROOT } from './helpers'

// Electron cannot run here, so the built preload runs in a plain V8 context whose only module is a recording
// stand-in for `electron`: what the page would get on window.factspan is what the preload hands to contextBridge.
function loadPreload() {
  const invoked: Array<{ channel: string; args: unknown }> = []
  const listening = new Map<string, Set<(...args: unknown[]) => void>>()
  const exposed = new Map<string, unknown>()
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, args: unknown) => {
        invoked.push({ channel, args })
        return Promise.resolve({ ok: true, value: channel })
      },
      on: (channel: string, handler: (...args: unknown[]) => void) => {
        if (!listening.has(channel)) listening.set(channel, new Set())
        listening.get(channel)!.add(handler)
      },
      removeListener: (channel: string, handler: (...args: unknown[]) => void) => listening.get(channel)?.delete(handler),
    },
  }
  const required: string[] = []
  const require = (name: string) => {
    required.push(name)
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`)
    return electron
  }
  const source = fs.readFileSync(path.join(ROOT, 'out/preload/index.cjs'), 'utf8')
  vm.runInNewContext(source, { require, module: { exports: {} }, exports: {} })
  const send = (message: unknown) => listening.get('factspan:event')?.forEach((handler) => handler({}, message))
  return { exposed, invoked, required, send, bridge: exposed.get('factspan') as DesktopBridge }
}

describe('the desktop preload', () => {
  it('puts only invoke and on on window.factspan, frozen', () => {
    const { exposed, bridge, required } = loadPreload()
    expect([...exposed.keys()]).toEqual(['factspan'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(required).toEqual(['electron'])
  })

  it("calls every method of the contract's list on its own channel", async () => {
    const { bridge, invoked } = loadPreload()
    for (const method of methodNames) {
      const answer = await bridge.invoke(method, {} as never)
      expect(answer).toEqual({ ok: true, value: `factspan:call:${method}` })
    }
    expect(invoked).toHaveLength(methodNames.length)
    expect(invoked[0]).toEqual({ channel: 'factspan:call:project.info', args: {} })
  })

  it('refuses a name that is not a method of the contract without reaching the main process', async () => {
    const { bridge, invoked } = loadPreload()
    for (const name of ['shell.openExternal', 'factspan:invoke', '__proto__', 'constructor', 'toString', 'spans.add ', '']) {
      await expect(bridge.invoke(name as never, {} as never)).rejects.toThrow(`Unknown method "${name}"`)
    }
    expect(invoked).toEqual([])
  })

  it('delivers each event of the contract to its own listeners only, and refuses other names', () => {
    const { bridge, send } = loadPreload()
    const got: Array<[string, unknown]> = []
    const offs = EVENT_NAMES.map((event) => bridge.on(event, (payload) => got.push([event, payload])))
    send({ event: 'documents-changed', payload: { ids: ['𠮷'] } })
    send({ event: 'job-progress', payload: { jobId: 'j', kind: 'import', done: 1, total: 2, fraction: 0.5 } })
    expect(got).toEqual([
      ['documents-changed', { ids: ['𠮷'] }],
      ['job-progress', { jobId: 'j', kind: 'import', done: 1, total: 2, fraction: 0.5 }],
    ])
    offs.forEach((off) => off())
    send({ event: 'documents-changed', payload: {} })
    expect(got).toHaveLength(2)
    expect(() => bridge.on('will-navigate' as never, () => {})).toThrow('Unknown event "will-navigate"')
  })
})

describe('the IPC bridge', () => {
  function register() {
    const { service, workspace } = newProject()
    const handlers = new Map<string, (event: { senderFrame?: { url: string } }, args: unknown) => Promise<Result<unknown>>>()
    const ipcMain = {
      handle: (channel: string, handler: never) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    }
    const unregister = registerIpc(ipcMain as never, service, workspace, () => [], (url) => url.startsWith('app://factspan/'))
    return { handlers, unregister }
  }
  const fromApp = { senderFrame: { url: 'app://factspan/index.html' } }

  it("registers one handler per method of the contract's list, and removes them all", () => {
    const { handlers, unregister } = register()
    expect([...handlers.keys()].sort()).toEqual(methodNames.map((m) => `factspan:call:${m}`).sort())
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('validates the arguments, answers from the service and refuses a frame that is not the app', async () => {
    const { handlers } = register()
    const add = handlers.get('factspan:call:labels.add')!
    expect(await add(fromApp, { name: 'person' })).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: 'person' })]) })
    expect(await add(fromApp, { name: 7 })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    expect(await add({ senderFrame: { url: 'https://example.com/' } }, { name: 'x' })).toEqual({ ok: false, error: { code: 'unavailable', message: 'Untrusted sender' } })
    expect(await add({}, { name: 'x' })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('answers a desktop-only method the main process did not give as unavailable, not as an internal error', async () => {
    const { handlers } = register()
    expect(await handlers.get('factspan:call:project.choose')!(fromApp, { mode: 'open' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'project.choose exists only in the desktop app.' },
    })
  })
})
