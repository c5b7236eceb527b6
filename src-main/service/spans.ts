import type { Api } from '../shared/api'
import { FactspanError } from '../shared/errors'
import type { Span } from '../shared/model'
import { getDocument } from '../store/documents'
import { listLabels } from '../store/labels'
import { deleteSpan, findSameSpan, getSpan, insertSpan, listSpans, setSpanLabel } from '../store/spans'
import { now, type Workspace } from './workspace'

export function spanMethods(ws: Workspace): Pick<Api, 'spans.list' | 'spans.add' | 'spans.remove' | 'spans.restore' | 'spans.relabel'> {
  const db = () => ws.database()

  /** The quoted text of a span, after checking its offsets against the document. */
  function quote(documentId: string, start: number, end: number): string {
    const map = ws.offsetMap(documentId, () => {
      const doc = getDocument(db(), documentId)
      if (!doc) throw new FactspanError('not-found', `No document "${documentId}" in this project.`)
      return doc.text
    })
    if (!(start < end && end <= map.codePointLength)) {
      throw new FactspanError('bad-input', `Span ${start}–${end} is outside document "${documentId}" (length ${map.codePointLength}).`)
    }
    return map.slice(start, end)
  }

  function requireLabel(label: string): void {
    if (!listLabels(db()).some((l) => l.name === label)) {
      throw new FactspanError('bad-input', `No label "${label}" in this project.`)
    }
  }

  function requireSpan(id: number): Span {
    const span = getSpan(db(), id)
    if (!span) throw new FactspanError('not-found', `No span ${id} in this project.`)
    return span
  }

  function changed(span: Span): Span {
    ws.emit('documents-changed', { ids: [span.documentId] })
    return span
  }

  return {
    'spans.list': ({ documentId, annotator }) => listSpans(db(), documentId, annotator),
    'spans.add': ({ documentId, start, end, label }) => {
      requireLabel(label)
      const text = quote(documentId, start, end)
      const annotator = ws.settings.annotator
      const id = insertSpan(db(), { documentId, start, end, label, text, annotator, createdAt: now() })
      // Tagging the same span twice is harmless: the one already saved is returned.
      if (id === null) return findSameSpan(db(), { documentId, start, end, label, annotator })!
      return changed(requireSpan(id))
    },
    'spans.remove': ({ id }) => {
      const span = requireSpan(id)
      deleteSpan(db(), id)
      return changed(span)
    },
    'spans.restore': ({ span }) => {
      requireLabel(span.label)
      if (getSpan(db(), span.id)) throw new FactspanError('conflict', `Span ${span.id} exists already.`)
      if (quote(span.documentId, span.start, span.end) !== span.text) {
        throw new FactspanError('conflict', `Span ${span.id} no longer matches the text of document "${span.documentId}".`)
      }
      if (insertSpan(db(), span) === null) throw new FactspanError('conflict', 'The same span exists already.')
      return changed(requireSpan(span.id))
    },
    'spans.relabel': ({ id, label }) => {
      requireLabel(label)
      requireSpan(id)
      try {
        setSpanLabel(db(), id, label)
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new FactspanError('conflict', `The same text is already tagged "${label}".`)
        }
        throw error
      }
      return changed(requireSpan(id))
    },
  }
}
