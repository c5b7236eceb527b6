// The reviewer's undo history is kept in localStorage like the annotate view's, so undo survives a reload;
// it belongs to one project and is dropped when another one is reviewed.
import type { GoldEdit } from './goldEdits'

export interface GoldHistory {
  undo: GoldEdit[]
  redo: GoldEdit[]
}

export interface StoredGoldHistories {
  project: string | null
  histories: Record<string, GoldHistory>
}

const KEY = 'factspan-gold-history'

export function loadGoldHistories(): StoredGoldHistories {
  try {
    const text = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)
    const stored = text === null ? null : (JSON.parse(text) as StoredGoldHistories)
    return stored && typeof stored.histories === 'object' ? stored : { project: null, histories: {} }
  } catch {
    // A damaged entry costs the reviewer their undo history, never the app.
    return { project: null, histories: {} }
  }
}

export function saveGoldHistories(stored: StoredGoldHistories): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, JSON.stringify(stored))
}
