import { findHits, hitAtOrAfter, NO_HITS, type Hits } from '../editor/findHits'
import type { SliceCreator, Store } from './types'

export type Overlay = 'help' | 'labels' | null

/** The annotate view's tools: find in the document, the help and label editor overlays, "tag all" waiting for a label. */
export interface EditorSlice {
  findOpen: boolean
  findQuery: string
  /** The current hit; -1 before the first step. */
  findIndex: number
  /** Counts Ctrl+F presses, each of which puts the keyboard in the find field. */
  findFocusRequest: number
  overlay: Overlay
  /** After `a`: the next label key tags every occurrence of the selected text. */
  tagAllArmed: boolean
  openFind(query?: string): void
  closeFind(): void
  setFindQuery(query: string): void
  /** Selects the next (or previous) hit after the caret, wrapping around. */
  stepFind(direction: 1 | -1): void
  setOverlay(overlay: Overlay): void
  armTagAll(armed: boolean): void
}

export function selectFindHits(s: Store): Hits {
  return s.findOpen && s.offsets ? findHits(s.offsets, s.findQuery) : NO_HITS
}

export const emptyEditor = { findIndex: -1, tagAllArmed: false }

export const createEditorSlice: SliceCreator<EditorSlice> = (set, get) => ({
  findOpen: false,
  findQuery: '',
  findIndex: -1,
  findFocusRequest: 0,
  overlay: null,
  tagAllArmed: false,
  openFind: (query) =>
    set(
      (s) => ({
        findOpen: true,
        findQuery: query ?? s.findQuery,
        findIndex: query === undefined ? s.findIndex : -1,
        findFocusRequest: s.findFocusRequest + 1,
      }),
      undefined,
      'editor/openFind',
    ),
  closeFind: () => set({ findOpen: false, findIndex: -1 }, undefined, 'editor/closeFind'),
  setFindQuery: (findQuery) => set({ findQuery, findIndex: -1 }, undefined, 'editor/setFindQuery'),
  stepFind: (direction) => {
    const s = get()
    const hits = selectFindHits(s)
    const count = hits.starts.length
    if (count === 0) return
    let index: number
    if (s.findIndex >= 0 && s.findIndex < count) index = (s.findIndex + direction + count) % count
    else if (direction === 1) index = hitAtOrAfter(hits, s.caret) % count
    else index = (hitAtOrAfter(hits, s.caret) - 1 + count) % count
    // The hit becomes the pending selection, so a label key tags it at once.
    set({ findIndex: index, anchor: hits.starts[index], caret: hits.ends[index], selectedSpanId: null }, undefined, 'editor/stepFind')
  },
  setOverlay: (overlay) => set({ overlay }, undefined, 'editor/setOverlay'),
  armTagAll: (tagAllArmed) => set({ tagAllArmed }, undefined, 'editor/armTagAll'),
})
