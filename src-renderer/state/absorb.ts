// Folds a server answer into the store: the UI shows what the server saved, never a local guess.
import type { Span } from '../../src-main/shared/model'
import type { Edit, EditOutcome } from './edits'
import { documentOf } from './edits'
import { withoutSpans, withSpan, withSpans } from './sortedSpans'
import type { Store } from './types'

export function absorb(s: Store, outcome: EditOutcome): Partial<Store> {
  switch (outcome.kind) {
    case 'span-saved': {
      const { span } = outcome
      if (s.document?.id !== span.documentId) return {}
      return { spans: withSpan(s.spans, span), selectedSpanId: span.id, anchor: null }
    }
    case 'span-removed': {
      const { span } = outcome
      return {
        spans: withoutSpans(s.spans, new Set([span.id])),
        selectedSpanId: s.selectedSpanId === span.id ? null : s.selectedSpanId,
      }
    }
    case 'spans-saved':
      return { spans: withSpans(s.spans, inOpenLayer(s, outcome.spans)), anchor: null }
    case 'spans-removed': {
      const ids = new Set(outcome.spans.map((span) => span.id))
      return { spans: withoutSpans(s.spans, ids), selectedSpanId: s.selectedSpanId !== null && ids.has(s.selectedSpanId) ? null : s.selectedSpanId }
    }
    case 'document-saved': {
      const { summary } = outcome
      return {
        document: s.document?.id === summary.id ? { ...s.document, ...summary } : s.document,
        documents: s.documents.map((d) => (d.id === summary.id ? summary : d)),
      }
    }
    case 'labels-saved': {
      const { renamed, restored } = outcome
      let spans = s.spans
      if (renamed) spans = spans.map((span) => (span.label === renamed.from ? { ...span, label: renamed.to } : span))
      if (restored) spans = withSpans(spans, inOpenLayer(s, restored))
      return { project: s.project && { ...s.project, labels: outcome.labels }, spans }
    }
    case 'label-removed': {
      const { removal } = outcome
      const ids = new Set(removal.spans.map((span) => span.id))
      return {
        project: s.project && { ...s.project, labels: removal.labels },
        spans: withoutSpans(s.spans, ids),
        selectedSpanId: s.selectedSpanId !== null && ids.has(s.selectedSpanId) ? null : s.selectedSpanId,
      }
    }
  }
}

/** The spans the open document shows: its own, in the annotator's layer. */
function inOpenLayer(s: Store, spans: readonly Span[]): Span[] {
  return spans.filter((span) => span.documentId === s.document?.id && span.annotator === s.project?.annotator)
}

/** Pushes an edit on its document's undo stack; a new edit forgets what could be redone. */
export function recorded(s: Store, edit: Edit): Partial<Store> {
  const id = documentOf(edit)
  const history = s.histories[id] ?? { undo: [], redo: [] }
  return { histories: { ...s.histories, [id]: { undo: [...history.undo, edit], redo: [] } } }
}

export { withSpan }
