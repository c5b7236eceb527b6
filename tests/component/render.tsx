// Renders the app, or one part of it, on an isolated store wired to a test backend.
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { App } from '../../src-renderer/App'
import { createAppStore, StoreProvider, type AppStore } from '../../src-renderer/state/store'
import { testBackend, type TestBackend } from './backend'

const open: TestBackend[] = []

afterEach(() => {
  cleanup()
  for (const backend of open.splice(0)) backend.close()
})

/** A backend of its own and a store of its own; undo histories are kept nowhere, so tests never share them. */
export function setUp(annotator: string | null = 'alice'): { backend: TestBackend; app: AppStore } {
  const backend = testBackend(annotator)
  open.push(backend)
  return { backend, app: createAppStore(backend.api, { storage: null }) }
}

export function renderWith(app: AppStore, ui: ReactNode = <App />) {
  return render(<StoreProvider value={app}>{ui}</StoreProvider>)
}

/** Imports text files into the backend's project, as the import dialog sends them. */
export async function importTexts(backend: TestBackend, files: Record<string, string>): Promise<void> {
  const encoded = Object.entries(files).map(([name, text]) => ({ name, base64: Buffer.from(text, 'utf8').toString('base64') }))
  const report = await backend.service['import.files']({ files: encoded })
  if (report.errors.length > 0) throw new Error(report.errors.map((e) => e.reason).join('; '))
}
