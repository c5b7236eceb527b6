// Folds a server answer into the store: the UI shows what the server saved, never a local guess.
import { compareSpans, type Span } from '../../src-main/shared/model'
import type { Edit, EditOutcome } from './edits'
import { documentOf } from './edits'
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
        spans: s.spans.filter((x) => x.id !== span.id),
        selectedSpanId: s.selectedSpanId === span.id ? null : s.selectedSpanId,
      }
    }
    case 'document-saved': {
      const { summary } = outcome
      return {
        document: s.document?.id === summary.id ? { ...s.document, ...summary } : s.document,
        documents: s.documents.map((d) => (d.id === summary.id ? summary : d)),
      }
    }
  }
}

/** Pushes an edit on its document's undo stack; a new edit forgets what could be redone. */
export function recorded(s: Store, edit: Edit): Partial<Store> {
  const id = documentOf(edit)
  const history = s.histories[id] ?? { undo: [], redo: [] }
  return { histories: { ...s.histories, [id]: { undo: [...history.undo, edit], redo: [] } } }
}

export function withSpan(spans: readonly Span[], span: Span): Span[] {
  return [...spans.filter((x) => x.id !== span.id), span].sort(compareSpans)
}
