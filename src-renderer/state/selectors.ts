// Reads of the store used by views; derived objects are read with useShallow.
import type { DocumentStatus, Label, Span } from '../../src-main/shared/model'
import { spanIndexOf } from '../editor/spanIndex'
import type { Store } from './types'

const NO_LABELS: Label[] = []
const NO_EDITS: never[] = []

export interface PendingSelection {
  start: number
  end: number
}

export const selectLabels = (s: Store): Label[] => s.project?.labels ?? NO_LABELS

export function selectPending(s: Store): PendingSelection | null {
  if (s.anchor === null || s.anchor === s.caret) return null
  return { start: Math.min(s.anchor, s.caret), end: Math.max(s.anchor, s.caret) }
}

export function selectSelectedSpan(s: Store): Span | null {
  return s.selectedSpanId === null ? null : spanIndexOf(s.spans).byId(s.selectedSpanId)
}

export const selectUndoStack = (s: Store) => (s.document && s.histories[s.document.id]?.undo) || NO_EDITS
export const selectRedoStack = (s: Store) => (s.document && s.histories[s.document.id]?.redo) || NO_EDITS
export const selectCanUndo = (s: Store): boolean => selectUndoStack(s).length > 0
export const selectCanRedo = (s: Store): boolean => selectRedoStack(s).length > 0

export const selectNeedsAnnotator = (s: Store): boolean => s.project !== null && !s.project.annotatorConfirmed

/**
 * The open document's status as the server derives it (new until it has a span), kept current between edits
 * without asking the server after each one.
 */
export const selectDocumentStatus = (s: Store): DocumentStatus | null => {
  const status = s.document?.status ?? null
  if (status === 'new' && s.spans.length > 0) return 'in_progress'
  if (status === 'in_progress' && s.spans.length === 0) return 'new'
  return status
}
