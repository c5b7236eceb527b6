// Reads of the store used by views: derived values come from the store's derivations, so each is computed once per
// change of what it reads; a derived object is read with useShallow.
import type { DocumentStatus, Label, Span } from '../../src-main/shared/model'
import { NO_HITS, type Hits } from '../editor/findHits'
import { spanIndexOf } from '../editor/rangeIndex'
import type { Edit } from './edits'
import { historyOf } from './history'
import { pendingOf, type Stretch } from './textSession'
import type { Store } from './types'

const NO_LABELS: Label[] = []

export const selectLabels = (s: Store): Label[] => s.project?.labels ?? NO_LABELS

export const selectPending = (s: Store): Stretch | null => pendingOf(s.annotate)

export function selectSelectedSpan(s: Store): Span | null {
  const session = s.annotate
  return session?.selectedSpanId == null ? null : spanIndexOf(session.spans).byId(session.selectedSpanId)
}

export function selectFindHits(s: Store): Hits {
  return s.findOpen && s.annotate ? s.derive.findHits(s.annotate.text.map, s.findQuery) : NO_HITS
}

export const selectUndoStack = (s: Store): Edit[] => historyOf(s.annotateHistories, s.annotate?.document.id).undo
export const selectRedoStack = (s: Store): Edit[] => historyOf(s.annotateHistories, s.annotate?.document.id).redo
export const selectCanUndo = (s: Store): boolean => selectUndoStack(s).length > 0
export const selectCanRedo = (s: Store): boolean => selectRedoStack(s).length > 0

export const selectNeedsAnnotator = (s: Store): boolean => s.project !== null && !s.project.annotatorConfirmed

/**
 * The open document's status as the server derives it (new until it has a span), kept current between edits
 * without asking the server after each one.
 */
export const selectDocumentStatus = (s: Store): DocumentStatus | null => {
  const status = s.annotate?.document.status ?? null
  const count = s.annotate?.spans.length ?? 0
  if (status === 'new' && count > 0) return 'in_progress'
  if (status === 'in_progress' && count === 0) return 'new'
  return status
}
