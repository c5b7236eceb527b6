// User edits as data: each has an exact inverse, so undo and redo replay them against the server.
import type { DocumentSummary, Span } from '../../src-main/shared/model'
import { call } from '../api'

export type Edit =
  /** Replayed with 'spans.restore', so a span brought back by redo keeps its id. */
  | { kind: 'add'; span: Span }
  | { kind: 'remove'; span: Span }
  | { kind: 'relabel'; span: Span; from: string; to: string }
  | { kind: 'setDone'; documentId: string; done: boolean }

/** What the server answered, for the store to show. */
export type EditOutcome =
  | { kind: 'span-saved'; span: Span }
  | { kind: 'span-removed'; span: Span }
  | { kind: 'document-saved'; summary: DocumentSummary }

export function inverse(edit: Edit): Edit {
  switch (edit.kind) {
    case 'add':
      return { kind: 'remove', span: edit.span }
    case 'remove':
      return { kind: 'add', span: edit.span }
    case 'relabel':
      return { kind: 'relabel', span: { ...edit.span, label: edit.to }, from: edit.to, to: edit.from }
    case 'setDone':
      return { kind: 'setDone', documentId: edit.documentId, done: !edit.done }
  }
}

export async function applyEdit(edit: Edit): Promise<EditOutcome> {
  switch (edit.kind) {
    case 'add':
      return { kind: 'span-saved', span: await call('spans.restore', { span: edit.span }) }
    case 'remove':
      return { kind: 'span-removed', span: await call('spans.remove', { id: edit.span.id }) }
    case 'relabel':
      return { kind: 'span-saved', span: await call('spans.relabel', { id: edit.span.id, label: edit.to }) }
    case 'setDone':
      return { kind: 'document-saved', summary: await call('documents.setDone', { id: edit.documentId, done: edit.done }) }
  }
}

/** The document an edit belongs to, whose history records it. */
export function documentOf(edit: Edit): string {
  return edit.kind === 'setDone' ? edit.documentId : edit.span.documentId
}

export function describeEdit(edit: Edit): string {
  switch (edit.kind) {
    case 'add':
      return `tag “${edit.span.text}” as ${edit.span.label}`
    case 'remove':
      return `remove “${edit.span.text}”`
    case 'relabel':
      return `relabel “${edit.span.text}” as ${edit.to}`
    case 'setDone':
      return edit.done ? 'mark the document done' : 'reopen the document'
  }
}
