// The only bridge between the page and Node: call a method of the contract, listen to one of its events. Both are
// built from the contract's lists, so the page reaches exactly those and nothing else of Electron or Node.
import { contextBridge, ipcRenderer } from 'electron'
import { isEventName, methodNames } from './shared/apiNames'
import { IPC_EVENT_CHANNEL, ipcChannel, type DesktopBridge } from './shared/bridge-protocol'
import type { EventMessage } from './shared/api'

const channels = new Map<string, string>(methodNames.map((method) => [method, ipcChannel(method)]))

const bridge: DesktopBridge = {
  invoke: (method, args) => {
    const channel = channels.get(method)
    if (channel === undefined) return Promise.reject(new Error(`Unknown method "${String(method)}"`))
    return ipcRenderer.invoke(channel, args)
  },
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`)
    const handler = (_: unknown, message: EventMessage) => {
      if (message.event === event) listener(message.payload as Parameters<typeof listener>[0])
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
  },
}

contextBridge.exposeInMainWorld('factspan', Object.freeze(bridge))
