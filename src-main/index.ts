// Electron: lifecycle, single-instance lock, window, menu, dialogs and security. Everything else is plain Node.
import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron'
import { registerIpc } from './bridge/ipc'
import { APP_PAGE, APP_SCHEME, appProtocolHandler, isAppUrl as isAppPage } from './desktop/appProtocol'
import { isAllowedExternalUrl } from './desktop/externalLinks'
import type { Api, DesktopMethod } from './shared/api'
import { createService } from './service'
import { appPaths } from './service/paths'
import { projectArgument } from './service/projectArgument'
import { openLastOrSample } from './service/sample'

const RENDERER_URL = process.env.ELECTRON_RENDERER_URL

// One instance owns the projects: a second one hands the project it was asked to open to the first, and quits.
if (!app.requestSingleInstanceLock()) app.quit()

// Privileged like https: a secure origin of its own, with fetch, so the page never runs from file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

let openNamed: ((file: string) => void) | null = null

app.on('second-instance', (_, argv, workingDirectory) => {
  const window = BrowserWindow.getAllWindows()[0]
  if (window) {
    if (window.isMinimized()) window.restore()
    window.focus()
  }
  const named = projectArgument(argv, workingDirectory)
  if (named) openNamed?.(named)
})

app.on('web-contents-created', (_, contents) => {
  // The app is one local page: no new windows, no navigation away from it.
  contents.setWindowOpenHandler(({ url }) => {
    // Only allow-listed https sites go to the system browser (see desktop/externalLinks.ts).
    if (isAllowedExternalUrl(url)) void shell.openExternal(url) /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

function isAppUrl(url: string): boolean {
  return isAppPage(url, RENDERER_URL)
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_, __, callback) => callback(false))
  protocol.handle(APP_SCHEME, appProtocolHandler(appPaths.renderer))

  // The Electron build of better-sqlite3 lives apart from Node's, so npm test and npm start never clash.
  const nativeBinding = fs.existsSync(appPaths.electronSqlite) ? appPaths.electronSqlite : undefined
  const { service, workspace } = createService({ settingsFile: path.join(app.getPath('userData'), 'settings.json'), nativeBinding })
  openLastOrSample(workspace, path.join(app.getPath('userData'), 'sample.factspan'), appPaths.corpus)
  openNamed = (file) => {
    try {
      workspace.open(file, false)
    } catch (error) {
      dialog.showErrorBox('Cannot open project', (error as Error).message)
    }
  }
  const named = projectArgument(process.argv, process.cwd())
  if (named) openNamed(named)

  // The desktop-only methods of the contract: the dialog belongs to the window the user is in.
  const desktop = { 'project.choose': ({ mode }) => chooseProject(BrowserWindow.getFocusedWindow(), mode) } satisfies Pick<Api, DesktopMethod>
  registerIpc(ipcMain, { ...service, ...desktop }, workspace, () => BrowserWindow.getAllWindows(), isAppUrl)

  const window = createWindow()
  Menu.setApplicationMenu(
    buildMenu({
      switchProject: async (mode) => {
        const file = await chooseProject(window, mode)
        if (!file) return
        try {
          workspace.open(file, mode === 'create')
        } catch (error) {
          dialog.showErrorBox('Cannot open project', (error as Error).message)
        }
      },
      backUp: () => {
        try {
          const backup = service['project.backup']({})
          void dialog.showMessageBox(window, { message: 'Backed up', detail: backup.file })
        } catch (error) {
          dialog.showErrorBox('Cannot back up the project', (error as Error).message)
        }
      },
      restore: async () => {
        const folder = service['project.backups']({}).folder
        const chosen = await dialog.showOpenDialog(window, {
          title: 'Restore a backup',
          defaultPath: folder,
          filters: [{ name: 'Factspan project', extensions: ['factspan'] }],
          properties: ['openFile'],
        })
        if (chosen.canceled || !chosen.filePaths[0]) return
        try {
          // The project as it is is backed up first; the window shows the restored project through project-changed.
          service['project.restore']({ from: chosen.filePaths[0] })
        } catch (error) {
          dialog.showErrorBox('Cannot restore the backup', (error as Error).message)
        }
      },
    }),
  )
  app.on('window-all-closed', () => {
    workspace.close()
    app.quit()
  })
})

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Factspan',
    show: false,
    webPreferences: {
      // Reviewed: our own preload, which exposes only the contract's methods and events (see preload.ts).
      preload: path.join(appPaths.root, 'out', 'preload', 'index.cjs'), /* eng-disable PRELOAD_JS_CHECK */
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would open a link in a new window without passing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => window.show())
  if (RENDERER_URL) void window.loadURL(RENDERER_URL)
  else void window.loadURL(APP_PAGE)
  return window
}

async function chooseProject(window: BrowserWindow | null, mode: 'open' | 'create'): Promise<string | null> {
  const filters = [{ name: 'Factspan project', extensions: ['factspan'] }]
  if (mode === 'create') {
    const result = window
      ? await dialog.showSaveDialog(window, { title: 'New project', filters, defaultPath: 'project.factspan' })
      : await dialog.showSaveDialog({ title: 'New project', filters, defaultPath: 'project.factspan' })
    return result.canceled || !result.filePath ? null : result.filePath
  }
  const options = { title: 'Open project', filters, properties: ['openFile' as const] }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

interface MenuActions {
  switchProject: (mode: 'open' | 'create') => Promise<void>
  backUp: () => void
  restore: () => Promise<void>
}

/** Switching projects or restoring a backup from the menu emits project-changed, and the page reloads from it. */
function buildMenu(actions: MenuActions): Menu {
  return Menu.buildFromTemplate([
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => void actions.switchProject('create') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => void actions.switchProject('open') },
        { type: 'separator' },
        { label: 'Back Up Now', click: actions.backUp },
        { label: 'Restore Backup…', click: () => void actions.restore() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
  ])
}
