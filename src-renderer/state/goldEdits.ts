// The reviewer's changes as data, like the annotate view's edits: each has an exact inverse, so undo and redo
// replay them against the server. A gold edit is what the server did: the spans it added and the ones it removed.
import type { DocumentSummary, Span } from '../../src-main/shared/model'
import { call } from '../api'
import { expectEcho } from './echoes'

export type GoldEdit =
  | { kind: 'gold'; documentId: string; added: Span[]; removed: Span[]; description: string }
  | { kind: 'reviewed'; documentId: string; reviewed: boolean }

export type GoldOutcome = { kind: 'gold-saved'; added: Span[]; removed: Span[] } | { kind: 'review-saved'; summary: DocumentSummary }

export function inverseGold(edit: GoldEdit): GoldEdit {
  switch (edit.kind) {
    case 'gold':
      return { ...edit, added: edit.removed, removed: edit.added }
    case 'reviewed':
      return { ...edit, reviewed: !edit.reviewed }
  }
}

/** Changes the gold layer; spans with ids come back as they were (undo, redo), spans without are new. */
export async function changeGold(
  documentId: string,
  add: ReadonlyArray<Pick<Span, 'start' | 'end' | 'label'> & Partial<Pick<Span, 'id' | 'createdAt'>>>,
  remove: readonly Span[],
): Promise<{ added: Span[]; removed: Span[] }> {
  return expectEcho(
    documentId,
    call('review.editGold', {
      documentId,
      add: add.map(({ id, start, end, label, createdAt }) => ({ id, start, end, label, createdAt })),
      remove: remove.map((s) => s.id),
    }),
    (done) => done.added.length + done.removed.length > 0,
  )
}

export async function applyGold(edit: GoldEdit): Promise<GoldOutcome> {
  switch (edit.kind) {
    case 'gold':
      return { kind: 'gold-saved', ...(await changeGold(edit.documentId, edit.added, edit.removed)) }
    case 'reviewed':
      return { kind: 'review-saved', summary: await expectEcho(edit.documentId, call('review.setReviewed', { id: edit.documentId, reviewed: edit.reviewed })) }
  }
}

export function describeGold(edit: GoldEdit): string {
  switch (edit.kind) {
    case 'gold':
      return edit.description
    case 'reviewed':
      return edit.reviewed ? 'mark the document reviewed' : 'mark the document not reviewed'
  }
}
