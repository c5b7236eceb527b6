// Electron transport: one handler per method of the contract's list, events forwarded to every window.
import type { BrowserWindow, IpcMain } from 'electron'
import { methodNames } from '../shared/api'
import { IPC_EVENT_CHANNEL, ipcChannel } from '../shared/bridge-protocol'
import type { Workspace } from '../service/workspace'
import { dispatcher, type Handlers } from './dispatch'

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  workspace: Workspace,
  windows: () => BrowserWindow[],
  isTrustedSender: (url: string) => boolean,
): () => void {
  const dispatch = dispatcher(handlers)
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), (event, args: unknown) => {
      // Only our own page may call: a navigated or injected frame gets nothing.
      if (!isTrustedSender(event.senderFrame?.url ?? '')) {
        return { ok: false, error: { code: 'unavailable', message: 'Untrusted sender' } }
      }
      return dispatch(method, args)
    })
  }
  const unsubscribe = workspace.onEvent((message) => {
    for (const window of windows()) window.webContents.send(IPC_EVENT_CHANNEL, message)
  })
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method))
    unsubscribe()
  }
}
