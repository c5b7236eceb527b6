// The reviewer's changes as data, like the annotate view's edits: each has an exact inverse, so undo and redo
// replay them against the server. A gold edit is what the server did: the spans it added and the ones it removed.
import type { DocumentSummary, Relation, Span } from '../../src-main/shared/model'

/** Gold relations go with the spans: taking a version takes its relations, and undo puts back those removed. */
export interface GoldRelations {
  addedRelations?: Relation[]
  removedRelations?: Relation[]
}

export type GoldEdit =
  | ({ kind: 'gold'; documentId: string; added: Span[]; removed: Span[]; description: string } & GoldRelations)
  | { kind: 'reviewed'; documentId: string; reviewed: boolean }

export type GoldOutcome = ({ kind: 'gold-saved'; added: Span[]; removed: Span[] } & GoldRelations) | { kind: 'review-saved'; summary: DocumentSummary }

export function inverseGold(edit: GoldEdit): GoldEdit {
  switch (edit.kind) {
    case 'gold':
      return { ...edit, added: edit.removed, removed: edit.added, addedRelations: edit.removedRelations, removedRelations: edit.addedRelations }
    case 'reviewed':
      return { ...edit, reviewed: !edit.reviewed }
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
