// Electron: lifecycle, single-instance lock, window, menu, dialogs and security. Everything else is plain Node.
import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { registerIpc } from './bridge/ipc'
import { createService } from './service'
import { appPaths } from './service/paths'
import { projectArgument } from './service/projectArgument'
import { openLastOrSample } from './service/sample'

const CHOOSE_PROJECT_CHANNEL = 'factspan:choose-project'
const RENDERER_URL = process.env.ELECTRON_RENDERER_URL
const RENDERER_FILE = path.join(appPaths.renderer, 'index.html')

// One instance owns the projects: a second one hands the project it was asked to open to the first, and quits.
if (!app.requestSingleInstanceLock()) app.quit()

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
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

function isAppUrl(url: string): boolean {
  return RENDERER_URL ? url.startsWith(RENDERER_URL) : url.startsWith('file://') && decodeURI(new URL(url).pathname).endsWith('/renderer/index.html')
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_, __, callback) => callback(false))

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

  registerIpc(ipcMain, service, workspace, () => BrowserWindow.getAllWindows(), isAppUrl)
  ipcMain.handle(CHOOSE_PROJECT_CHANNEL, async (event, mode: unknown) => {
    const window = BrowserWindow.fromWebContents(event.sender)
    return chooseProject(window, mode === 'create' ? 'create' : 'open')
  })

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
      preload: path.join(appPaths.root, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  if (RENDERER_URL) void window.loadURL(RENDERER_URL)
  else void window.loadFile(RENDERER_FILE)
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
