// User edits as data: each has an exact inverse, so undo and redo replay them against the server.
import type { LabelRemoval, SuggestionView } from '../../src-main/shared/api'
import type { DocumentSummary, Label, Relation, RelationType, Span } from '../../src-main/shared/model'

export interface SpanRange {
  start: number
  end: number
}

/** Label edits change the whole project; they are recorded in the history of the document open at the time. */
export type Edit =
  /**
   * Replayed with 'spans.restore', so a span brought back by redo keeps its id. Removing a span removes its
   * relations, which its undo brings back.
   */
  | { kind: 'add'; span: Span; relations?: Relation[] }
  | { kind: 'remove'; span: Span; relations?: Relation[] }
  | { kind: 'relabel'; span: Span; from: string; to: string }
  | { kind: 'resize'; span: Span; from: SpanRange; to: SpanRange }
  | { kind: 'setDone'; documentId: string; done: boolean }
  /** Many spans of one document as one step, e.g. every occurrence of a phrase. */
  | { kind: 'addMany'; documentId: string; spans: Span[]; text: string }
  | { kind: 'removeMany'; documentId: string; spans: Span[]; text: string }
  /** Deleting a label deletes its spans and their relations, which its undo brings back. */
  | { kind: 'addLabel'; documentId: string; label: Label; position: number; spans: Span[]; relations?: Relation[] }
  | { kind: 'removeLabel'; documentId: string; label: Label; position: number; spans: Span[]; relations?: Relation[] }
  | { kind: 'updateLabel'; documentId: string; from: Label; to: Label }
  | { kind: 'reorderLabels'; documentId: string; from: string[]; to: string[] }
  /**
   * Suggestions made spans of my layer, as one step (one, or all of a document); `label`, when given, is the label
   * they were accepted with instead of their own. `spans` are the spans it made, which its undo removes.
   */
  | { kind: 'acceptSuggestions'; documentId: string; suggestions: SuggestionView[]; label?: string; spans: Span[] }
  /** The undo of an accept: its spans removed and its decisions forgotten, so the suggestions are offered again. */
  | { kind: 'unacceptSuggestions'; documentId: string; suggestions: SuggestionView[]; label?: string; spans: Span[] }
  | { kind: 'rejectSuggestions'; documentId: string; suggestions: SuggestionView[] }
  /** The undo of a reject: the decisions forgotten. */
  | { kind: 'unrejectSuggestions'; documentId: string; suggestions: SuggestionView[] }
  | RelationEdit

/** Relation edits; the ends' texts are kept for the status line. A relation brought back by redo keeps its id. */
export type RelationEdit =
  | { kind: 'link'; relation: Relation; fromText: string; toText: string }
  | { kind: 'unlink'; relation: Relation; fromText: string; toText: string }
  | { kind: 'retype'; relation: Relation; fromText: string; toText: string; from: string; to: string }
  | { kind: 'addRelationType'; documentId: string; type: RelationType; position: number; relations: Relation[] }
  | { kind: 'removeRelationType'; documentId: string; type: RelationType; position: number; relations: Relation[] }
  | { kind: 'updateRelationType'; documentId: string; from: RelationType; to: RelationType }

/** What the server answered, for the store to show. */
export type EditOutcome =
  | { kind: 'span-saved'; span: Span; relations?: Relation[] }
  | { kind: 'span-removed'; span: Span }
  | { kind: 'spans-saved'; spans: Span[] }
  | { kind: 'spans-removed'; spans: Span[] }
  | { kind: 'document-saved'; summary: DocumentSummary }
  | { kind: 'labels-saved'; labels: Label[]; renamed?: { from: string; to: string }; restored?: Span[]; restoredRelations?: Relation[] }
  | { kind: 'label-removed'; removal: LabelRemoval }
  | { kind: 'relations-saved'; relations: Relation[] }
  | { kind: 'relations-removed'; relations: Relation[] }
  | { kind: 'relation-types-saved'; types: RelationType[]; renamed?: { from: string; to: string }; restored?: Relation[] }
  | { kind: 'relation-type-removed'; types: RelationType[]; type: RelationType; position: number; relations: Relation[] }
  | { kind: 'suggestions-accepted'; documentId: string; suggestions: SuggestionView[]; label?: string; spans: Span[] }
  | { kind: 'suggestions-unaccepted'; documentId: string; suggestions: SuggestionView[]; label?: string; spans: Span[] }
  | { kind: 'suggestions-rejected'; documentId: string; suggestions: SuggestionView[] }
  | { kind: 'suggestions-restored'; documentId: string; suggestions: SuggestionView[] }

export function inverse(edit: Edit): Edit {
  switch (edit.kind) {
    case 'add':
      return { ...edit, kind: 'remove' }
    case 'remove':
      return { ...edit, kind: 'add' }
    case 'relabel':
      return { kind: 'relabel', span: { ...edit.span, label: edit.to }, from: edit.to, to: edit.from }
    case 'resize':
      return { kind: 'resize', span: { ...edit.span, ...edit.to }, from: edit.to, to: edit.from }
    case 'setDone':
      return { kind: 'setDone', documentId: edit.documentId, done: !edit.done }
    case 'addMany':
      return { ...edit, kind: 'removeMany' }
    case 'removeMany':
      return { ...edit, kind: 'addMany' }
    case 'addLabel':
      return { ...edit, kind: 'removeLabel' }
    case 'removeLabel':
      return { ...edit, kind: 'addLabel' }
    case 'updateLabel':
      return { ...edit, from: edit.to, to: edit.from }
    case 'reorderLabels':
      return { ...edit, from: edit.to, to: edit.from }
    case 'link':
      return { ...edit, kind: 'unlink' }
    case 'unlink':
      return { ...edit, kind: 'link' }
    case 'retype':
      return { ...edit, relation: { ...edit.relation, type: edit.to }, from: edit.to, to: edit.from }
    case 'addRelationType':
      return { ...edit, kind: 'removeRelationType' }
    case 'removeRelationType':
      return { ...edit, kind: 'addRelationType' }
    case 'updateRelationType':
      return { ...edit, from: edit.to, to: edit.from }
    case 'acceptSuggestions':
      return { ...edit, kind: 'unacceptSuggestions' }
    case 'unacceptSuggestions':
      return { ...edit, kind: 'acceptSuggestions' }
    case 'rejectSuggestions':
      return { ...edit, kind: 'unrejectSuggestions' }
    case 'unrejectSuggestions':
      return { ...edit, kind: 'rejectSuggestions' }
  }
}

/** The edit as the server did it: deleting a label removes the spans it has now, which its undo must bring back. */
export function asDone(edit: Edit, outcome: EditOutcome): Edit {
  if (edit.kind === 'removeLabel' && outcome.kind === 'label-removed') {
    const { label, position, spans, relations } = outcome.removal
    return { ...edit, label, position, spans, relations }
  }
  if (edit.kind === 'removeRelationType' && outcome.kind === 'relation-type-removed') {
    return { ...edit, type: outcome.type, position: outcome.position, relations: outcome.relations }
  }
  // Accepting again (redo) makes new spans, which the next undo must remove.
  if (edit.kind === 'acceptSuggestions' && outcome.kind === 'suggestions-accepted') return { ...edit, spans: outcome.spans }
  return edit
}

/** The document an edit belongs to, whose history records it. */
export function documentOf(edit: Edit): string {
  if ('documentId' in edit) return edit.documentId
  return 'span' in edit ? edit.span.documentId : edit.relation.documentId
}

/** How many relations a span edit takes along, for the status line. */
function withRelations(relations: readonly Relation[] | undefined, verb: string): string {
  const n = relations?.length ?? 0
  return n === 0 ? '' : ` ${verb} ${n === 1 ? 'its relation' : `its ${n} relations`}`
}

/** A span's text as a status message quotes it: a long one is cut in the middle. */
export function quoted(text: string): string {
  const points = [...text.replace(/\s+/g, ' ')]
  return `“${points.length > 40 ? `${points.slice(0, 18).join('')}…${points.slice(-18).join('')}` : points.join('')}”`
}

export function describeEdit(edit: Edit): string {
  switch (edit.kind) {
    case 'add':
      return `tag ${quoted(edit.span.text)} as ${edit.span.label}${withRelations(edit.relations, 'and')}`
    case 'remove':
      return `remove ${quoted(edit.span.text)}${withRelations(edit.relations, 'and')}`
    case 'relabel':
      return `relabel ${quoted(edit.span.text)} as ${edit.to}`
    case 'resize':
      return `move the span ${quoted(edit.span.text)} to ${edit.to.start}–${edit.to.end}`
    case 'setDone':
      return edit.done ? 'mark the document done' : 'reopen the document'
    case 'addMany':
      return `tag ${edit.spans.length} occurrences of ${quoted(edit.text)} as ${edit.spans[0]?.label ?? ''}`
    case 'removeMany':
      return `remove ${edit.spans.length} occurrences of ${quoted(edit.text)}`
    case 'addLabel':
      return edit.spans.length > 0 ? `bring back the label ${edit.label.name} and its ${edit.spans.length} spans` : `add the label ${edit.label.name}`
    case 'removeLabel':
      return `delete the label ${edit.label.name}${edit.spans.length > 0 ? ` and its ${edit.spans.length} spans` : ''}`
    case 'updateLabel':
      return edit.from.name === edit.to.name ? `change the label ${edit.to.name}` : `rename the label ${edit.from.name} to ${edit.to.name}`
    case 'reorderLabels':
      return 'reorder the labels'
    case 'link':
      return `link ${quoted(edit.fromText)} → ${quoted(edit.toText)} as ${edit.relation.type}`
    case 'unlink':
      return `unlink ${quoted(edit.fromText)} → ${quoted(edit.toText)} (${edit.relation.type})`
    case 'retype':
      return `make ${quoted(edit.fromText)} → ${quoted(edit.toText)} ${edit.to}`
    case 'addRelationType':
      return edit.relations.length > 0
        ? `bring back the relation type ${edit.type.name} and its ${edit.relations.length} relations`
        : `add the relation type ${edit.type.name}`
    case 'removeRelationType':
      return `delete the relation type ${edit.type.name}${edit.relations.length > 0 ? ` and its ${edit.relations.length} relations` : ''}`
    case 'updateRelationType':
      return edit.from.name === edit.to.name ? `change the relation type ${edit.to.name}` : `rename the relation type ${edit.from.name} to ${edit.to.name}`
    case 'acceptSuggestions':
      return `accept ${suggestionsNamed(edit.suggestions)}${edit.label ? ` as ${edit.label}` : ''}`
    case 'unacceptSuggestions':
      return `take back the accepted ${suggestionsNamed(edit.suggestions)}`
    case 'rejectSuggestions':
      return `reject ${suggestionsNamed(edit.suggestions)}`
    case 'unrejectSuggestions':
      return `offer ${suggestionsNamed(edit.suggestions)} again`
  }
}

/** "the suggestion “2月25日” (date)", or "12 suggestions". */
function suggestionsNamed(suggestions: readonly SuggestionView[]): string {
  const [only] = suggestions
  return suggestions.length === 1 ? `the suggestion ${quoted(only.text)} (${only.label})` : `${suggestions.length} suggestions`
}
