// The reviewer's changes as data, like the annotate view's edits: each has an exact inverse, so undo and redo
// replay them against the server. A gold edit is what the server did: the spans it added and the ones it removed.
import type { DocumentSummary, Span } from '../../src-main/shared/model'

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

export function describeGold(edit: GoldEdit): string {
  switch (edit.kind) {
    case 'gold':
      return edit.description
    case 'reviewed':
      return edit.reviewed ? 'mark the document reviewed' : 'mark the document not reviewed'
  }
}
