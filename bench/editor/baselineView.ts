// Drives a baseline page: "Open document", then a native selection made at a viewport point and the label key.
import { selectInBaseline } from './pageProbe'
import { ADD_TIMEOUT_MS, type ViewDriver } from './measureView'
import type { BenchDocumentData } from './protocol'

export function baselineView(app: 'recogito' | 'marks', baseUrl: string, doc: BenchDocumentData): ViewDriver {
  return {
    app,
    load: async (page) => {
      await page.goto(`${baseUrl}/${app}.html?doc=${encodeURIComponent(doc.id)}`)
      await page.getByRole('button', { name: 'Open document' }).waitFor()
    },
    opener: (page) => page.getByRole('button', { name: 'Open document' }),
    select: (page, x, y, length, id) => selectInBaseline(page, x, y, length, id),
    addSpec: (_selection, id) => ({ kind: 'add', app, id, timeoutMs: ADD_TIMEOUT_MS }),
  }
}
