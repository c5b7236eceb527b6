// Edits sent to the server: each call is counted as an echo of our own, so the change event it causes is skipped.
import type { SuggestionKey, SuggestionView } from '../../src-main/shared/api'
import type { Relation, Span } from '../../src-main/shared/model'
import type { Edit, EditOutcome } from './edits'
import { applyRelationEdit } from './relationApply'
import type { GoldEdit, GoldOutcome } from './goldEdits'
import type { Ctx } from './types'

/** What sending an edit needs from the store. */
type Send = Pick<Ctx, 'api' | 'runtime'>

export async function applyEdit({ api, runtime }: Send, edit: Edit): Promise<EditOutcome> {
  const { call } = api
  const echo = <T>(documentId: string, request: Promise<T>) => runtime.echoes.expect(documentId, request)
  switch (edit.kind) {
    case 'add': {
      const span = await echo(edit.span.documentId, call('spans.restore', { span: edit.span }))
      // Undoing a span's removal brings back the relations it took along.
      if (!edit.relations?.length) return { kind: 'span-saved', span }
      return { kind: 'span-saved', span, relations: await echo(edit.span.documentId, call('relations.restoreMany', { relations: edit.relations })) }
    }
    case 'remove':
      return { kind: 'span-removed', span: await echo(edit.span.documentId, call('spans.remove', { id: edit.span.id })) }
    case 'relabel':
      return { kind: 'span-saved', span: await echo(edit.span.documentId, call('spans.relabel', { id: edit.span.id, label: edit.to })) }
    case 'resize':
      return { kind: 'span-saved', span: await echo(edit.span.documentId, call('spans.resize', { id: edit.span.id, ...edit.to })) }
    case 'setDone':
      return { kind: 'document-saved', summary: await echo(edit.documentId, call('documents.setDone', { id: edit.documentId, done: edit.done })) }
    case 'addMany':
      return { kind: 'spans-saved', spans: await echo(edit.documentId, call('spans.restoreMany', { spans: edit.spans })) }
    case 'removeMany':
      return { kind: 'spans-removed', spans: await echo(edit.documentId, call('spans.removeMany', { ids: edit.spans.map((s) => s.id) })) }
    case 'addLabel':
      return {
        kind: 'labels-saved',
        labels: await call('labels.restore', { label: edit.label, position: edit.position, spans: edit.spans, ...(edit.relations?.length ? { relations: edit.relations } : {}) }),
        restored: edit.spans,
        restoredRelations: edit.relations,
      }
    case 'removeLabel':
      return { kind: 'label-removed', removal: await call('labels.remove', { name: edit.label.name }) }
    case 'updateLabel': {
      const labels = await call('labels.update', { name: edit.from.name, label: edit.to })
      return { kind: 'labels-saved', labels, renamed: edit.from.name === edit.to.name ? undefined : { from: edit.from.name, to: edit.to.name } }
    }
    case 'reorderLabels':
      return { kind: 'labels-saved', labels: await call('labels.reorder', { names: edit.to }) }
    case 'acceptSuggestions': {
      const { documentId, suggestions, label } = edit
      const spans = await runtime.echoes.expect(documentId, call('suggestions.accept', { documentId, items: keysOf(suggestions, label) }), (made) => made.length > 0)
      return { kind: 'suggestions-accepted', documentId, suggestions, label, spans }
    }
    case 'unacceptSuggestions': {
      const { documentId, suggestions, label, spans } = edit
      if (spans.length > 0) await echo(documentId, call('spans.removeMany', { ids: spans.map((s) => s.id) }))
      await call('suggestions.forget', { documentId, items: keysOf(suggestions) })
      return { kind: 'suggestions-unaccepted', documentId, suggestions, label, spans }
    }
    case 'rejectSuggestions':
      await call('suggestions.reject', { documentId: edit.documentId, items: keysOf(edit.suggestions) })
      return { kind: 'suggestions-rejected', documentId: edit.documentId, suggestions: edit.suggestions }
    case 'unrejectSuggestions':
      await call('suggestions.forget', { documentId: edit.documentId, items: keysOf(edit.suggestions) })
      return { kind: 'suggestions-restored', documentId: edit.documentId, suggestions: edit.suggestions }
    default:
      return applyRelationEdit({ api, runtime }, edit)
  }
}

/** Suggestions as the server names them; `as`, when given, is the label they are accepted with. */
function keysOf(suggestions: readonly SuggestionView[], as?: string): SuggestionKey[] {
  return suggestions.map((s) => ({ start: s.start, end: s.end, label: s.label, source: s.source, ...(as === undefined ? {} : { as }) }))
}

/** Changes the gold layer; spans with ids come back as they were (undo, redo), spans without are new. */
export async function changeGold(
  { api, runtime }: Send,
  documentId: string,
  add: ReadonlyArray<Pick<Span, 'start' | 'end' | 'label'> & Partial<Pick<Span, 'id' | 'createdAt'>>>,
  remove: readonly Span[],
  relations: { add?: readonly GoldRelationEnds[]; remove?: readonly Relation[] } = {},
): Promise<{ added: Span[]; removed: Span[]; addedRelations: Relation[]; removedRelations: Relation[] }> {
  return runtime.echoes.expect(
    documentId,
    api.call('review.editGold', {
      documentId,
      add: add.map(({ id, start, end, label, createdAt }) => ({ id, start, end, label, createdAt })),
      remove: remove.map((s) => s.id),
      ...(relations.add?.length ? { addRelations: relations.add.map(({ id, from, to, type, createdAt }) => ({ id, from, to, type, createdAt })) } : {}),
      ...(relations.remove?.length ? { removeRelations: relations.remove.map((r) => r.id) } : {}),
    }),
    (done) => done.added.length + done.removed.length + done.addedRelations.length + done.removedRelations.length > 0,
  )
}

/** A gold relation to add: its ends by gold span id (put back by undo), or by where the span is (taken from a version). */
export interface GoldRelationEnds {
  id?: number
  from: number | Pick<Span, 'start' | 'end' | 'label'>
  to: number | Pick<Span, 'start' | 'end' | 'label'>
  type: string
  createdAt?: string
}

export async function applyGold(ctx: Send, edit: GoldEdit): Promise<GoldOutcome> {
  switch (edit.kind) {
    case 'gold':
      return {
        kind: 'gold-saved',
        ...(await changeGold(ctx, edit.documentId, edit.added, edit.removed, { add: edit.addedRelations, remove: edit.removedRelations })),
      }
    case 'reviewed':
      return { kind: 'review-saved', summary: await ctx.runtime.echoes.expect(edit.documentId, ctx.api.call('review.setReviewed', { id: edit.documentId, reviewed: edit.reviewed })) }
  }
}
