import type { SliceCreator } from './types'

/** Where the user is in the open document; every offset is in code points. */
export interface SelectionSlice {
  caret: number
  /** The other end of the pending selection, which runs from here to the caret; null when there is none. */
  anchor: number | null
  selectedSpanId: number | null
  /** Moves the caret; with `extend` the pending selection grows or shrinks with it. */
  placeCaret(offset: number, extend: boolean): void
  setPending(anchor: number, focus: number): void
  selectSpan(id: number | null, caret?: number): void
  clearSelection(): void
}

export const emptySelection = { caret: 0, anchor: null, selectedSpanId: null }

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  ...emptySelection,
  placeCaret: (offset, extend) =>
    set(
      (s) => (extend ? { caret: offset, anchor: s.anchor ?? s.caret, selectedSpanId: null } : { caret: offset, anchor: null }),
      undefined,
      'selection/placeCaret',
    ),
  // A pending selection and a selected span exclude each other, so a key never has two targets.
  setPending: (anchor, focus) => set({ anchor, caret: focus, selectedSpanId: null }, undefined, 'selection/setPending'),
  selectSpan: (id, caret) =>
    set((s) => ({ selectedSpanId: id, anchor: null, caret: caret ?? s.caret }), undefined, 'selection/selectSpan'),
  clearSelection: () => set({ anchor: null, selectedSpanId: null, tagAllArmed: false }, undefined, 'selection/clearSelection'),
})
