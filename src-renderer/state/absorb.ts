// Folds a server answer into the store: the UI shows what the server saved, never a local guess.
import type { Span } from '../../src-main/shared/model'
import { applyEdit } from './applyEdits'
import { asDone, describeEdit, documentOf, type Edit, type EditOutcome } from './edits'
import { pushEdit } from './history'
import { absorbRelations } from './relationState'
import { withoutSpans, withSpan, withSpans } from './sortedSpans'
import { mergeSuggestions, withoutSuggestions } from './suggestionSelectors'
import type { TextSession } from './textSession'
import type { Ctx, Store } from './types'

/** The annotate session with its spans changed; the selected span is let go when it is among those removed. */
function changed(session: TextSession, spans: Span[], removed?: ReadonlySet<number>, selected?: number | null): TextSession {
  const selectedSpanId = selected !== undefined ? selected : removed && session.selectedSpanId !== null && removed.has(session.selectedSpanId) ? null : session.selectedSpanId
  return { ...session, spans, selectedSpanId }
}

export function absorb(s: Store, outcome: EditOutcome): Partial<Store> {
  return { ...absorbSpans(s, outcome), ...absorbRelations(s, outcome) }
}

function absorbSpans(s: Store, outcome: EditOutcome): Partial<Store> {
  const session = s.annotate
  switch (outcome.kind) {
    case 'span-saved': {
      const { span } = outcome
      if (session?.document.id !== span.documentId) return {}
      return { annotate: { ...changed(session, withSpan(session.spans, span), undefined, span.id), anchor: null } }
    }
    case 'span-removed':
    case 'spans-removed': {
      if (!session) return {}
      const ids = new Set((outcome.kind === 'span-removed' ? [outcome.span] : outcome.spans).map((span) => span.id))
      return { annotate: changed(session, withoutSpans(session.spans, ids), ids) }
    }
    case 'spans-saved':
      if (!session) return {}
      return { annotate: { ...changed(session, withSpans(session.spans, inOpenLayer(s, outcome.spans))), anchor: null } }
    case 'document-saved': {
      const { summary } = outcome
      return {
        annotate: session?.document.id === summary.id ? { ...session, document: { ...session.document, ...summary } } : session,
        documents: s.documents.map((d) => (d.id === summary.id ? summary : d)),
      }
    }
    case 'labels-saved': {
      const { renamed, restored } = outcome
      let spans = session?.spans ?? []
      if (renamed) spans = spans.map((span) => (span.label === renamed.from ? { ...span, label: renamed.to } : span))
      if (restored) spans = withSpans(spans, inOpenLayer(s, restored))
      return { project: s.project && { ...s.project, labels: outcome.labels }, annotate: session && changed(session, spans) }
    }
    case 'label-removed': {
      const { removal } = outcome
      const ids = new Set(removal.spans.map((span) => span.id))
      return { project: s.project && { ...s.project, labels: removal.labels }, annotate: session && changed(session, withoutSpans(session.spans, ids), ids) }
    }
    case 'suggestions-accepted':
    case 'suggestions-rejected': {
      if (s.suggestionsFor !== outcome.documentId) return {}
      const gone = outcome.kind === 'suggestions-accepted' && outcome.label ? outcome.suggestions.map((x) => ({ ...x, label: outcome.label! })) : []
      const suggestions = withoutSuggestions(s.suggestions, [...outcome.suggestions, ...gone])
      if (outcome.kind === 'suggestions-rejected' || !session) return { suggestions }
      // The new spans join the layer; none is selected, so the next key goes to the next suggestion.
      return { suggestions, annotate: { ...changed(session, withSpans(session.spans, inOpenLayer(s, outcome.spans))), anchor: null } }
    }
    case 'suggestions-unaccepted':
    case 'suggestions-restored': {
      if (s.suggestionsFor !== outcome.documentId) return {}
      const suggestions = mergeSuggestions(s.suggestions, outcome.suggestions)
      if (outcome.kind === 'suggestions-restored' || !session) return { suggestions }
      const ids = new Set(outcome.spans.map((span) => span.id))
      return { suggestions, annotate: changed(session, withoutSpans(session.spans, ids), ids) }
    }
    default:
      return {}
  }
}

/** The spans the open document shows: its own, in the annotator's layer. */
function inOpenLayer(s: Store, spans: readonly Span[]): Span[] {
  return spans.filter((span) => span.documentId === s.annotate?.document.id && span.annotator === s.project?.annotator)
}

/** Pushes an edit on its document's undo stack. */
export function recorded(s: Store, edit: Edit): Partial<Store> {
  return { annotateHistories: pushEdit(s.annotateHistories, documentOf(edit), edit) }
}

/** Applies one edit (inside a queued write), shows the server's answer and records the edit for undo. */
export async function perform(ctx: Ctx, edit: Edit): Promise<string> {
  const outcome = await applyEdit(ctx, edit)
  // Recorded as the server did it: an accept's undo removes the spans the accept made.
  const done = asDone(edit, outcome)
  ctx.set((s) => ({ ...absorb(s, outcome), ...recorded(s, done) }), undefined, `edit/${edit.kind}`)
  return `Saved · ${describeEdit(done)}`
}
