// The annotator's edits of spans: tag, relabel, remove, resize and tag every occurrence, each saved at once.
import { compareSpans, type Span } from '../../src-main/shared/model'
import { findHits } from '../editor/findHits'
import { spanIndexOf } from '../editor/rangeIndex'
import { trimSelection } from '../editor/textModel'
import { absorb, perform, recorded } from './absorb'
import { describeEdit, quoted, type Edit } from './edits'
import { save } from './save'
import { selectSelectedSpan } from './selectors'
import { placeOf, withoutSpans, withSpan } from './sortedSpans'
import { relationsTouching } from './relationState'
import { pendingOf, quote, type TextSession } from './textSession'
import type { Ctx, Store } from './types'

export type SpanEdge = 'start' | 'end'

export interface SpanEdits {
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
  const session = s.annotate
  const pending = pendingOf(session)
  const trimmed = pending && session && trimSelection(session.text.map, pending.start, pending.end)
  if (trimmed && session) return quote(session, trimmed)
  return selectSelectedSpan(s)?.text ?? (s.findOpen ? s.findQuery.trim() : '')
}

/**
 * The saved span in place of the provisional one (the same place in text order, so one copy of the list), or the
 * span saved before when the server had it already; the selection follows it unless the user has moved on.
 */
function settled(session: TextSession, provisional: Span, span: Span, existed: boolean): TextSession {
  const at = placeOf(session.spans, provisional)
  const spans =
    at >= 0 && !existed && compareSpans(provisional, span) === 0 ? session.spans.with(at, span) : withSpan(at >= 0 ? session.spans.toSpliced(at, 1) : session.spans, span)
  return { ...session, spans, selectedSpanId: session.selectedSpanId === provisional.id ? span.id : session.selectedSpanId }
}

export function createSpanEdits(ctx: Ctx): SpanEdits {
  const { set, get, api, runtime } = ctx
  return {
    applyLabel: async (label) => {
      const s = get()
      const session = s.annotate
      if (!session) return
      if (s.tagAllArmed) return get().tagAllOccurrences(label)
      const selection = pendingOf(session)
      if (selection) {
        // Spaces and line breaks at either end are never part of a fact.
        const pending = trimSelection(session.text.map, selection.start, selection.end)
        const { anchor, caret } = session
        if (!pending) {
          set((st) => ({ annotate: st.annotate && { ...st.annotate, anchor: null } }), undefined, 'spans/tagNothing')
          return
        }
        const documentId = session.document.id
        // Painted at once, before the server answers: the pending selection is used up, so a second key pressed
        // before the answer relabels the new span. The answer puts the saved span in its place; a failure takes it away.
        const provisional: Span = {
          id: runtime.provisional.next(),
          documentId,
          ...pending,
          label,
          text: quote(session, pending),
          annotator: s.project?.annotator ?? '',
          createdAt: new Date().toISOString(),
        }
        set(
          (st) => ({ annotate: st.annotate && { ...st.annotate, spans: withSpan(st.annotate.spans, provisional), selectedSpanId: provisional.id, anchor: null } }),
          undefined,
          'spans/tagStart',
        )
        await save(
          ctx,
          async () => {
            let existed = false
            const span = await runtime.echoes.expect(documentId, api.call('spans.add', { documentId, ...pending, label }), (added) => {
              existed = placeOf(get().annotate?.spans ?? [], added) >= 0
              return !existed
            })
            const edit: Edit = { kind: 'add', span }
            set(
              (st) => (st.annotate?.document.id === documentId ? { annotate: settled(st.annotate, provisional, span, existed), ...(existed ? {} : recorded(st, edit)) } : {}),
              undefined,
              'spans/tag',
            )
            return existed ? `Already tagged ${quoted(span.text)} as ${span.label}` : `Saved · ${describeEdit(edit)}`
          },
          () =>
            set(
              (st) => ({ annotate: st.annotate && { ...st.annotate, spans: withoutSpans(st.annotate.spans, new Set([provisional.id])), anchor, caret, selectedSpanId: null } }),
              undefined,
              'spans/tagFailed',
            ),
        )
        return
      }
      await save(ctx, async () => {
        const selected = selectSelectedSpan(get())
        if (!selected) {
          get().setSaveStatus('Select some text or a span first')
          return null
        }
        if (selected.label === label) return null
        return perform(ctx, { kind: 'relabel', span: selected, from: selected.label, to: label })
      })
    },

    removeSelectedSpan: async () => {
      await save(ctx, async () => {
        const selected = selectSelectedSpan(get())
        if (!selected) return null
        // The server removes the span's relations with it; the edit keeps them, so undo brings them back.
        const relations = relationsTouching(get().relations, new Set([selected.id]))
        return perform(ctx, relations.length > 0 ? { kind: 'remove', span: selected, relations } : { kind: 'remove', span: selected })
      })
    },

    resizeSelectedSpan: async (edge, by) => {
      await save(ctx, async () => {
        const s = get()
        const span = selectSelectedSpan(s)
        if (!span || !s.annotate) return null
        const to = edge === 'start' ? { start: span.start + by, end: span.end } : { start: span.start, end: span.end + by }
        if (to.start < 0 || to.end > s.annotate.text.map.codePointLength || to.start >= to.end) return null
        const status = await perform(ctx, { kind: 'resize', span, from: { start: span.start, end: span.end }, to })
        get().placeCaret(edge === 'start' ? to.start : to.end, false)
        return status
      })
    },

    tagAllOccurrences: async (label, given) => {
      set({ tagAllArmed: false }, undefined, 'spans/tagAllStart')
      const s = get()
      const session = s.annotate
      const phrase = given ?? phraseToTagAll(s)
      if (!session) return
      if (phrase === '') {
        get().setSaveStatus('Select some text, a span or find a phrase first, then tag all its occurrences')
        return
      }
      const documentId = session.document.id
      const hits = findHits(session.text.map, phrase)
      const index = spanIndexOf(session.spans)
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
      await save(ctx, async () => {
        const spans = await runtime.echoes.expect(documentId, api.call('spans.addMany', { documentId, label, ranges }), (added) => added.length > 0)
        if (spans.length === 0) return `All occurrences of ${quoted(phrase)} are tagged ${label} already`
        const edit: Edit = { kind: 'addMany', documentId, spans, text: phrase }
        set((st) => ({ ...absorb(st, { kind: 'spans-saved', spans }), ...recorded(st, edit) }), undefined, 'spans/tagAll')
        const skipped = hits.starts.length - spans.length
        return `Saved · ${describeEdit(edit)}${skipped > 0 ? ` (${skipped} tagged already)` : ''}`
      })
    },
  }
}
