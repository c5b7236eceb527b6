import type { Span } from '../../src-main/shared/model'
import { call } from '../api'
import { absorb, recorded } from './absorb'
import { describeEdit, type Edit } from './edits'
import { perform } from './perform'
import { save } from './save'
import { trimSelection } from '../editor/textModel'
import { selectPending, selectSelectedSpan } from './selectors'
import type { SliceCreator } from './types'

/** The open document's spans in the annotator's layer, in text order. */
export interface SpansSlice {
  spans: Span[]
  /** Tags the pending selection with a label, or relabels the selected span when nothing is pending. */
  applyLabel(label: string): Promise<void>
  removeSelectedSpan(): Promise<void>
}

export const createSpansSlice: SliceCreator<SpansSlice> = (set, get) => ({
  spans: [],

  applyLabel: async (label) => {
    const s = get()
    const document = s.document
    if (!document) return
    const selection = selectPending(s)
    // Spaces and line breaks at either end are never part of a fact.
    const pending = selection && s.offsets && trimSelection(s.offsets, selection.start, selection.end)
    if (selection) {
      const { anchor, caret } = s
      // The pending selection is used up at once, so a second key pressed before the answer relabels the new span.
      set({ anchor: null }, undefined, 'spans/tagStart')
      if (!pending) return
      await save(
        get,
        set,
        async () => {
          const span = await call('spans.add', { documentId: document.id, ...pending, label })
          const existed = get().spans.some((x) => x.id === span.id)
          const edit: Edit = { kind: 'add', span }
          set((st) => ({ ...absorb(st, { kind: 'span-saved', span }), ...(existed ? {} : recorded(st, edit)) }), undefined, 'spans/tag')
          return existed ? `Already tagged “${span.text}” as ${span.label}` : `Saved · ${describeEdit(edit)}`
        },
        () => set({ anchor, caret, selectedSpanId: null }, undefined, 'spans/tagFailed'),
      )
      return
    }
    await save(get, set, async () => {
      const selected = selectSelectedSpan(get())
      if (!selected) {
        get().setSaveStatus('Select some text or a span first')
        return null
      }
      if (selected.label === label) return null
      return perform(set, { kind: 'relabel', span: selected, from: selected.label, to: label })
    })
  },

  removeSelectedSpan: async () => {
    await save(get, set, async () => {
      const selected = selectSelectedSpan(get())
      return selected ? perform(set, { kind: 'remove', span: selected }) : null
    })
  },
})
