// Undo and redo stacks per document, for both views: each edit has an exact inverse, so undo and redo replay them
// against the server. Kept in the store and in localStorage, so undo still works after a reload or a restart.
import type { PersistStorage, StorageValue } from 'zustand/middleware'

export interface History<E> {
  undo: E[]
  redo: E[]
}

export type Histories<E> = Record<string, History<E>>

const EMPTY: History<never> = { undo: [], redo: [] }

export function historyOf<E>(histories: Histories<E>, documentId: string | undefined): History<E> {
  return (documentId !== undefined && histories[documentId]) || EMPTY
}

/** Pushes an edit on its document's undo stack; a new edit forgets what could be redone. */
export function pushEdit<E>(histories: Histories<E>, documentId: string, edit: E): Histories<E> {
  return { ...histories, [documentId]: { undo: [...historyOf(histories, documentId).undo, edit], redo: [] } }
}

/** Moves the top edit of one stack to the other, as it was done (`done`, which may differ from what was asked). */
export function moveEdit<E>(histories: Histories<E>, documentId: string, from: 'undo' | 'redo', done: E): Histories<E> {
  const history = historyOf(histories, documentId)
  const rest = history[from].slice(0, -1)
  return { ...histories, [documentId]: from === 'undo' ? { undo: rest, redo: [...history.redo, done] } : { undo: [...history.undo, done], redo: rest } }
}

/**
 * Where the histories are kept between sessions. zustand's persist writes on every change of the store, caret moves
 * included; this writes only when a history itself changed, and when the renderer is idle, so a long history costs
 * nothing per key. Leaving or reloading the page writes what is waiting.
 */
export function historyStorage<P extends object>(storage: Storage | null, changed: (a: P, b: P) => boolean): PersistStorage<P> {
  let written: P | null = null
  let unwritten: { name: string; value: StorageValue<P> } | null = null
  const flush = () => {
    if (!unwritten || !storage) return
    const { name, value } = unwritten
    unwritten = null
    storage.setItem(name, JSON.stringify(value))
  }
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush)
  return {
    getItem: (name) => {
      try {
        const text = storage?.getItem(name) ?? null
        return text === null ? null : (JSON.parse(text) as StorageValue<P>)
      } catch {
        // A damaged entry costs the user their undo history, never the app.
        return null
      }
    },
    setItem: (name, value) => {
      if (written && !changed(written, value.state)) return
      written = value.state
      if (!unwritten) {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 1000 })
        else setTimeout(flush, 0)
      }
      unwritten = { name, value }
    },
    removeItem: (name) => {
      unwritten = null
      storage?.removeItem(name)
    },
  }
}
