// Where the undo history is kept between sessions. zustand's persist writes on every change of the store, caret
// moves included; this writes only when the history itself changed, so a long history costs nothing per key.
import type { PersistStorage, StorageValue } from 'zustand/middleware'
import type { Store } from './types'

type Persisted = Pick<Store, 'histories' | 'historyProject'>

let written: Persisted | null = null
let unwritten: { name: string; value: StorageValue<Persisted> } | null = null

/** Writes the newest history, if one is waiting. */
function flush(): void {
  if (!unwritten) return
  const { name, value } = unwritten
  unwritten = null
  localStorage.setItem(name, JSON.stringify(value))
}

// Leaving or reloading the page writes what is waiting, so undo still reaches every edit afterwards.
if (typeof window !== 'undefined') window.addEventListener('pagehide', flush)

export const historyStorage: PersistStorage<Persisted> = {
  getItem: (name) => {
    const text = localStorage.getItem(name)
    return text === null ? null : (JSON.parse(text) as StorageValue<Persisted>)
  },
  setItem: (name, value) => {
    const { histories, historyProject } = value.state
    if (written && written.histories === histories && written.historyProject === historyProject) return
    written = { histories, historyProject }
    // Stringifying a long history takes a while: it is written when the renderer is idle, not in the edit's frame.
    if (!unwritten) {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 1000 })
      else setTimeout(flush, 0)
    }
    unwritten = { name, value }
  },
  removeItem: (name) => {
    unwritten = null
    localStorage.removeItem(name)
  },
}
