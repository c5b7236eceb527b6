// Where the undo history is kept between sessions. zustand's persist writes on every change of the store, caret
// moves included; this writes only when the history itself changed, so a long history costs nothing per key.
import type { PersistStorage, StorageValue } from 'zustand/middleware'
import type { Store } from './types'

type Persisted = Pick<Store, 'histories' | 'historyProject'>

let written: Persisted | null = null

export const historyStorage: PersistStorage<Persisted> = {
  getItem: (name) => {
    const text = localStorage.getItem(name)
    return text === null ? null : (JSON.parse(text) as StorageValue<Persisted>)
  },
  setItem: (name, value) => {
    const { histories, historyProject } = value.state
    if (written && written.histories === histories && written.historyProject === historyProject) return
    written = { histories, historyProject }
    localStorage.setItem(name, JSON.stringify(value))
  },
  removeItem: (name) => localStorage.removeItem(name),
}
