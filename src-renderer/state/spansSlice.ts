import { compareSpans, type Span } from '../../src-main/shared/model'
import { call } from '../api'
import { findHits } from '../editor/findHits'
import { spanIndexOf } from '../editor/spanIndex'
import { trimSelection } from '../editor/textModel'
import { absorb, recorded } from './absorb'
import { expectEcho } from './echoes'
import { describeEdit, quoted, type Edit } from './edits'
import { perform } from './perform'
import { save } from './save'
import { selectPending, selectSelectedSpan } from './selectors'
import { placeOf, withoutSpans, withSpan } from './sortedSpans'
import type { SliceCreator, Store } from './types'

export type SpanEdge = 'start' | 'end'

/** The open document's spans in the annotator's layer, in text order. */
export interface SpansSlice {
  spans: Span[]
  /** Tags the pending selection with a label, or relabels the selected span when nothing is pending. */
  applyLabel(label: string): Promise<void>
  removeSelectedSpan(): Promise<void>
  /** Moves one boundary of the selected span by one character (never into a surrogate pair: offsets are code points). */
  resizeSelectedSpan(edge: SpanEdge, by: -1 | 1): Promise<void>
  /** Tags every occurrence of a phrase (by default the selected text or the find query) with a label, as one step. */
  tagAllOccurrences(label: string, phrase?: string): Promise<void>
}

/** The phrase "tag all" works on: the pending selection, else the selected span's text, else the find query. */
export function phraseToTagAll(s: Store): string {
  const pending = selectPending(s)
  const trimmed = pending && s.offsets && trimSelection(s.offsets, pending.start, pending.end)
  if (trimmed && s.offsets) return s.offsets.slice(trimmed.start, trimmed.end)
  return selectSelectedSpan(s)?.text ?? (s.findOpen ? s.findQuery.trim() : '')
}

/** Ids of spans painted before the server has answered: negative, so they never meet a saved span's id. */
let lastProvisionalId = 0

function provisionalSpan(documentId: string, range: { start: number; end: number }, label: string, text: string, annotator: string): Span {
  return { id: --lastProvisionalId, documentId, ...range, label, text, annotator, createdAt: new Date().toISOString() }
}

/**
 * The saved span in place of the provisional one (the same place in text order, so one copy of the list), or the
 * span saved before when the server had it already; the selection follows it unless the user has moved on.
 */
function settled(s: Store, provisional: Span, span: Span, existed: boolean): Partial<Store> {
  if (s.document?.id !== span.documentId) return {}
  const at = placeOf(s.spans, provisional)
  const spans =
    at >= 0 && !existed && compareSpans(provisional, span) === 0
      ? s.spans.with(at, span)
      : withSpan(at >= 0 ? s.spans.toSpliced(at, 1) : s.spans, span)
  return { spans, selectedSpanId: s.selectedSpanId === provisional.id ? span.id : s.selectedSpanId }
}

export const createSpansSlice: SliceCreator<SpansSlice> = (set, get) => ({
  spans: [],

  applyLabel: async (label) => {
    const s = get()
    const document = s.document
    if (!document) return
    if (s.tagAllArmed) return get().tagAllOccurrences(label)
    const selection = selectPending(s)
    // Spaces and line breaks at either end are never part of a fact.
    const pending = selection && s.offsets && trimSelection(s.offsets, selection.start, selection.end)
    if (selection) {
      const { anchor, caret } = s
      if (!pending || !s.offsets) {
        set({ anchor: null }, undefined, 'spans/tagNothing')
        return
      }
      // Painted at once, before the server answers: the pending selection is used up, so a second key pressed
      // before the answer relabels the new span. The answer puts the saved span in its place; a failure takes it away.
      const provisional = provisionalSpan(document.id, pending, label, s.offsets.slice(pending.start, pending.end), s.project?.annotator ?? '')
      set((st) => ({ spans: withSpan(st.spans, provisional), selectedSpanId: provisional.id, anchor: null }), undefined, 'spans/tagStart')
      await save(
        get,
        set,
        async () => {
          let existed = false
          const span = await expectEcho(document.id, call('spans.add', { documentId: document.id, ...pending, label }), (added) => {
            existed = placeOf(get().spans, added) >= 0
            return !existed
          })
          const edit: Edit = { kind: 'add', span }
          set((st) => ({ ...settled(st, provisional, span, existed), ...(existed ? {} : recorded(st, edit)) }), undefined, 'spans/tag')
          return existed ? `Already tagged ${quoted(span.text)} as ${span.label}` : `Saved · ${describeEdit(edit)}`
        },
        () =>
          set(
            (st) => ({ spans: withoutSpans(st.spans, new Set([provisional.id])), anchor, caret, selectedSpanId: null }),
            undefined,
            'spans/tagFailed',
          ),
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

  resizeSelectedSpan: async (edge, by) => {
    await save(get, set, async () => {
      const s = get()
      const span = selectSelectedSpan(s)
      if (!span || !s.offsets) return null
      const to = edge === 'start' ? { start: span.start + by, end: span.end } : { start: span.start, end: span.end + by }
      if (to.start < 0 || to.end > s.offsets.codePointLength || to.start >= to.end) return null
      const status = await perform(set, { kind: 'resize', span, from: { start: span.start, end: span.end }, to })
      set({ caret: edge === 'start' ? to.start : to.end }, undefined, 'spans/resizeCaret')
      return status
    })
  },

  tagAllOccurrences: async (label, given) => {
    set({ tagAllArmed: false }, undefined, 'spans/tagAllStart')
    const s = get()
    const document = s.document
    const phrase = given ?? phraseToTagAll(s)
    if (!document || !s.offsets) return
    if (phrase === '') {
      get().setSaveStatus('Select some text, a span or find a phrase first, then tag all its occurrences')
      return
    }
    const hits = findHits(s.offsets, phrase)
    const index = spanIndexOf(s.spans)
    const ranges: Array<{ start: number; end: number }> = []
    for (let i = 0; i < hits.starts.length; i++) {
      const start = hits.starts[i]
      const end = hits.ends[i]
      const tagged = index.overlapping(start, end).some((x) => x.start === start && x.end === end && x.label === label)
      if (!tagged) ranges.push({ start, end })
    }
    if (ranges.length === 0) {
      get().setSaveStatus(`All ${hits.starts.length} occurrences of ${quoted(phrase)} are tagged ${label} already`)
      return
    }
    await save(get, set, async () => {
      const spans = await expectEcho(document.id, call('spans.addMany', { documentId: document.id, label, ranges }), (added) => added.length > 0)
      if (spans.length === 0) return `All occurrences of ${quoted(phrase)} are tagged ${label} already`
      const edit: Edit = { kind: 'addMany', documentId: document.id, spans, text: phrase }
      set((st) => ({ ...absorb(st, { kind: 'spans-saved', spans }), ...recorded(st, edit) }), undefined, 'spans/tagAll')
      const skipped = hits.starts.length - spans.length
      return `Saved · ${describeEdit(edit)}${skipped > 0 ? ` (${skipped} tagged already)` : ''}`
    })
  },
})
