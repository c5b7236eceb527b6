// The open document's relations as the server saved them: server answers folded in, and what relation mode shows.
import type { Relation, RelationType, Span } from '../../src-main/shared/model'
import { spanIndexOf } from '../editor/rangeIndex'
import { typesBetween } from '../editor/relationKeys'
import type { EditOutcome } from './edits'
import type { Store } from './types'

/** Relation mode: the span relations start from, the spans offered as targets (nearest first) and the current one. */
export interface RelationMode {
  fromId: number
  candidates: number[]
  index: number
}

/** The relations that start or end at one of these spans. */
export function relationsTouching(relations: readonly Relation[], ids: ReadonlySet<number>): Relation[] {
  return relations.filter((r) => ids.has(r.from) || ids.has(r.to))
}

/** The list with these relations added, or replaced by id; in the order they were made (by id). */
export function withRelations(relations: readonly Relation[], added: readonly Relation[]): Relation[] {
  const ids = new Set(added.map((r) => r.id))
  return [...relations.filter((r) => !ids.has(r.id)), ...added].sort((a, b) => a.id - b.id)
}

function without(relations: readonly Relation[], removed: ReadonlySet<number>): Relation[] {
  return relations.filter((r) => !removed.has(r.id))
}

/** Only the relations of the open document's layer are shown. */
function inOpenLayer(s: Store, relations: readonly Relation[]): Relation[] {
  return relations.filter((r) => r.documentId === s.annotate?.document.id && r.annotator === s.project?.annotator)
}

/** Folds a server answer into the relations: removing spans (or their label) takes their relations along. */
export function absorbRelations(s: Store, outcome: EditOutcome): Partial<Store> {
  switch (outcome.kind) {
    case 'span-saved':
      return outcome.relations ? { relations: withRelations(s.relations, inOpenLayer(s, outcome.relations)) } : {}
    case 'span-removed':
    case 'spans-removed': {
      const ids = new Set((outcome.kind === 'span-removed' ? [outcome.span] : outcome.spans).map((span) => span.id))
      return dropTouching(s, ids)
    }
    case 'label-removed':
      return dropTouching(s, new Set(outcome.removal.spans.map((span) => span.id)))
    // Taking back an accept removes the spans it made, and the relations drawn from them with them.
    case 'suggestions-unaccepted':
      return dropTouching(s, new Set(outcome.spans.map((span) => span.id)))
    case 'labels-saved':
      return outcome.restoredRelations?.length ? { relations: withRelations(s.relations, inOpenLayer(s, outcome.restoredRelations)) } : {}
    case 'relations-saved':
      return { relations: withRelations(s.relations, inOpenLayer(s, outcome.relations)) }
    case 'relations-removed':
      return { relations: without(s.relations, new Set(outcome.relations.map((r) => r.id))) }
    case 'relation-types-saved': {
      const { renamed, restored } = outcome
      let relations = s.relations
      if (renamed) relations = relations.map((r) => (r.type === renamed.from ? { ...r, type: renamed.to } : r))
      if (restored) relations = withRelations(relations, inOpenLayer(s, restored))
      return { relationTypes: outcome.types, relations }
    }
    case 'relation-type-removed':
      return { relationTypes: outcome.types, relations: s.relations.filter((r) => r.type !== outcome.type.name) }
    default:
      return {}
  }
}

function dropTouching(s: Store, ids: ReadonlySet<number>): Partial<Store> {
  const gone = relationsTouching(s.relations, ids)
  return gone.length === 0 ? {} : { relations: without(s.relations, new Set(gone.map((r) => r.id))) }
}

/** What relation mode is at: its two ends, the types that may join them and those that do. */
export interface RelationFocus {
  from: Span
  target: Span | null
  position: number
  count: number
  allowed: RelationType[]
  linked: Relation[]
}

export function relationFocusOf(spans: readonly Span[], relations: readonly Relation[], types: readonly RelationType[], mode: RelationMode | null): RelationFocus | null {
  if (!mode) return null
  const index = spanIndexOf(spans)
  const from = index.byId(mode.fromId)
  if (!from) return null
  const targetId = mode.candidates[mode.index]
  const target = targetId === undefined ? null : index.byId(targetId)
  return {
    from,
    target,
    position: mode.index + 1,
    count: mode.candidates.length,
    allowed: target ? typesBetween(types, from, target) : [],
    linked: target ? relations.filter((r) => r.from === from.id && r.to === target.id) : [],
  }
}

/** Relation mode in words, for the live region: where it is and which keys do what. */
export function announceRelationFocus(focus: RelationFocus | null): string {
  if (!focus) return ''
  const from = `“${focus.from.text}” (${focus.from.label})`
  if (!focus.target) return `Relation from ${from}: no span here may be linked to it. Esc leaves.`
  const target = `“${focus.target.text}” (${focus.target.label})`
  const linked = focus.linked.length > 0 ? ` Linked as ${focus.linked.map((r) => r.type).join(', ')}.` : ''
  const keys = focus.allowed.map((t) => (t.hotkey ? `${t.hotkey} ${t.name}` : t.name)).join(', ')
  return `Relation from ${from} to ${target}, ${focus.position} of ${focus.count}.${linked} Press ${keys}${focus.linked.length > 0 ? ' (again to unlink)' : ''}; arrows move; Esc leaves.`
}
