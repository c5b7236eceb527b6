// Electron transport: one handler for the whole contract, events forwarded to every window.
import type { BrowserWindow, IpcMain } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EventMessage } from '../shared/bridge-protocol'
import type { Service } from '../service'
import type { Workspace } from '../service/workspace'
import { dispatch } from './dispatch'

export function registerIpc(ipcMain: IpcMain, service: Service, workspace: Workspace, windows: () => BrowserWindow[], isTrustedSender: (url: string) => boolean): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, args: unknown) => {
    // Only our own page may call: a navigated or injected frame gets nothing.
    if (!isTrustedSender(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'internal', message: 'Untrusted sender' } }
    }
    return dispatch(service, typeof method === 'string' ? method : '', args)
  })
  const unsubscribe = workspace.onEvent((event, payload) => {
    const message: EventMessage = { event, payload }
    for (const window of windows()) window.webContents.send(IPC_EVENT_CHANNEL, message)
  })
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
    unsubscribe()
  }
}
