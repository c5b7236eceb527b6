import type { Api } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { compareSpans, isGoldName, type Span } from '../shared/model'
import { writeTransaction } from '../store/db'
import { getDocumentText } from '../store/documents'
import { getLabel, listLabels } from '../store/labels'
import { deleteSpan, findSameSpan, getSpan, insertSpan, listSpans, setSpanLabel, setSpanRange, spanWriter } from '../store/spans'
import { now, type Workspace } from './workspace'

export interface SpanMethodOptions {
  /** Puts gold spans back too: for undoing a label's removal, which took that label's spans from every layer. */
  restoreGold?: boolean
}

export function spanMethods(
  ws: Workspace,
  options: SpanMethodOptions = {},
): Pick<
  Api,
  'spans.list' | 'spans.add' | 'spans.remove' | 'spans.restore' | 'spans.relabel' | 'spans.resize' | 'spans.addMany' | 'spans.removeMany' | 'spans.restoreMany'
> {
  const db = () => ws.database()

  /** The quoted text of a span, after checking its offsets against the document. */
  function quote(documentId: string, start: number, end: number): string {
    const map = ws.offsetMap(documentId, () => {
      const text = getDocumentText(db(), documentId)
      if (text === undefined) throw new FactspanError('not-found', `No document "${documentId}" in this project.`)
      return text
    })
    if (!(start < end && end <= map.codePointLength)) {
      throw new FactspanError('bad-input', `Span ${start}–${end} is outside document "${documentId}" (length ${map.codePointLength}).`)
    }
    return map.slice(start, end)
  }

  function requireLabel(label: string): void {
    if (!getLabel(db(), label)) {
      throw new FactspanError('bad-input', `No label "${label}" in this project.`)
    }
  }

  /** The gold layer is the reviewer's: only review.editGold writes it. */
  function refuseGold(annotator: string): void {
    if (isGoldName(annotator)) {
      throw new FactspanError('conflict', 'The gold layer is the reviewer\'s alone: change it in the review view, not as an annotator.')
    }
  }

  /** A span of an annotator's layer, for editing. */
  function requireOwnSpan(id: number): Span {
    const span = requireSpan(id)
    refuseGold(span.annotator)
    return span
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

  function changedMany(spans: Span[]): Span[] {
    if (spans.length > 0) ws.emit('documents-changed', { ids: [...new Set(spans.map((s) => s.documentId))] })
    return spans
  }

  /** Puts spans back with their ids after checking each against its text; one conflict undoes them all. */
  function restoreAll(spans: readonly Span[]): Span[] {
    const insert = spanWriter(db())
    const labels = new Set(listLabels(db()).map((l) => l.name))
    for (const span of spans) {
      if (!options.restoreGold) refuseGold(span.annotator)
      if (!labels.has(span.label)) throw new FactspanError('bad-input', `No label "${span.label}" in this project.`)
      if (quote(span.documentId, span.start, span.end) !== span.text) {
        throw new FactspanError('conflict', `Span ${span.id} no longer matches the text of document "${span.documentId}".`)
      }
      if (insert(span) === null) throw new FactspanError('conflict', `Span ${span.id} or the same span exists already.`)
    }
    return spans.map((s) => requireSpan(s.id))
  }

  return {
    'spans.list': ({ documentId, annotator }) => listSpans(db(), documentId, annotator),
    'spans.add': ({ documentId, start, end, label }) => {
      requireLabel(label)
      const text = quote(documentId, start, end)
      const annotator = ws.settings.annotator
      refuseGold(annotator)
      const id = insertSpan(db(), { documentId, start, end, label, text, annotator, createdAt: now() })
      // Tagging the same span twice is harmless: the one already saved is returned.
      if (id === null) return findSameSpan(db(), { documentId, start, end, label, annotator })!
      return changed(requireSpan(id))
    },
    'spans.remove': ({ id }) => {
      const span = requireOwnSpan(id)
      deleteSpan(db(), id)
      return changed(span)
    },
    'spans.restore': ({ span }) => {
      refuseGold(span.annotator)
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
      requireOwnSpan(id)
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
    'spans.resize': ({ id, start, end }) => {
      const span = requireOwnSpan(id)
      const text = quote(span.documentId, start, end)
      try {
        setSpanRange(db(), id, start, end, text)
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new FactspanError('conflict', `“${text}” at ${start}–${end} is already tagged "${span.label}".`)
        }
        throw error
      }
      return changed(requireSpan(id))
    },
    'spans.addMany': ({ documentId, label, ranges }) => {
      requireLabel(label)
      const annotator = ws.settings.annotator
      refuseGold(annotator)
      const createdAt = now()
      const added = writeTransaction(db(), () => {
        const insert = spanWriter(db())
        const ids: number[] = []
        for (const { start, end } of ranges) {
          const id = insert({ documentId, start, end, label, text: quote(documentId, start, end), annotator, createdAt })
          if (id !== null) ids.push(id)
        }
        return ids.map(requireSpan)
      })
      return changedMany(added.sort(compareSpans))
    },
    'spans.removeMany': ({ ids }) => {
      const removed = writeTransaction(db(), () =>
        ids.map((id) => {
          const span = requireOwnSpan(id)
          deleteSpan(db(), id)
          return span
        }),
      )
      return changedMany(removed)
    },
    'spans.restoreMany': ({ spans }) => changedMany(writeTransaction(db(), () => restoreAll(spans))),
  }
}
