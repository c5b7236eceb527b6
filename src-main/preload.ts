// The only bridge between the page and Node: invoke a contract method, listen to an allow-listed event,
// ask for a native project dialog. Everything else stays out of the page's reach.
import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type DesktopBridge, type EventMessage, type EventName } from './shared/bridge-protocol'

const CHOOSE_PROJECT_CHANNEL = 'factspan:choose-project'

const bridge: DesktopBridge = {
  invoke: (method, args) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args),
  on: (event: EventName, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event "${event}"`)
    const handler = (_: unknown, message: EventMessage) => {
      if (message.event === event) listener(message.payload)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
  },
  chooseProject: (mode) => ipcRenderer.invoke(CHOOSE_PROJECT_CHANNEL, mode === 'create' ? 'create' : 'open'),
}

contextBridge.exposeInMainWorld('factspan', bridge)
