// Relations between spans of one layer, and the project's relation types, edited like labels: every edit is one
// transaction and returns what its undo needs.
import type { Api } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { hotkeyProblem, nextFreeHotkey, normalizeHotkey } from '../shared/hotkeys'
import { allowsLabel, isGoldName, RELATION_TYPE_COLORS, type Relation, type RelationType, type Span } from '../shared/model'
import {
  deleteRelation,
  deleteRelationType,
  findSameRelation,
  getRelation,
  getRelationType,
  insertRelation,
  insertRelationType,
  listRelations,
  listRelationsOfType,
  listRelationTypes,
  setRelationType,
  updateRelationType,
} from '../store/relations'
import { writeTransaction } from '../store/db'
import { getDocument } from '../store/documents'
import { getSpan, listSpans } from '../store/spans'
import { suggestRelations } from '../shared/suggest/relations'
import { now, type Workspace } from './workspace'

const MAX_RELATION_TYPES = 100

type RelationMethods =
  | 'relations.list'
  | 'relations.add'
  | 'relations.remove'
  | 'relations.restoreMany'
  | 'relations.retype'
  | 'relations.suggest'
  | 'relationTypes.list'
  | 'relationTypes.add'
  | 'relationTypes.update'
  | 'relationTypes.remove'
  | 'relationTypes.restore'

export function relationMethods(ws: Workspace): Pick<Api, RelationMethods> {
  const db = () => ws.database()

  function requireSpan(id: number): Span {
    const span = getSpan(db(), id)
    if (!span) throw new FactspanError('not-found', `No span ${id} in this project.`)
    return span
  }

  function requireRelation(id: number): Relation {
    const relation = getRelation(db(), id)
    if (!relation) throw new FactspanError('not-found', `No relation ${id} in this project.`)
    return relation
  }

  function requireType(name: string): RelationType {
    const type = getRelationType(db(), name)
    if (!type) throw new FactspanError('bad-input', `No relation type "${name}" in this project.`)
    return type
  }

  /** The gold layer is the reviewer's: only review.editGold writes its relations, as its spans. */
  function refuseGold(annotator: string): void {
    if (isGoldName(annotator)) {
      throw new FactspanError('conflict', "The gold layer is the reviewer's alone: change its relations in the review view, not as an annotator.")
    }
  }

  /** Why two spans cannot be linked with a type, as an error; the spans when they can. */
  function checkEnds(fromId: number, toId: number, typeName: string, goldToo = false): { from: Span; to: Span } {
    const type = requireType(typeName)
    const from = requireSpan(fromId)
    const to = requireSpan(toId)
    if (from.id === to.id) throw new FactspanError('bad-input', `A relation links two different spans; span ${from.id} was given at both ends.`)
    if (from.documentId !== to.documentId) {
      throw new FactspanError('bad-input', `Spans ${from.id} and ${to.id} are in different documents ("${from.documentId}", "${to.documentId}"): a relation stays in one document.`)
    }
    if (!goldToo) refuseGold(from.annotator)
    if (from.annotator !== to.annotator) {
      throw new FactspanError('bad-input', `Span ${from.id} is in ${from.annotator}'s layer and span ${to.id} in ${to.annotator}'s: a relation stays in one layer.`)
    }
    if (!allowsLabel(type.fromLabels, from.label)) {
      throw new FactspanError('bad-input', `A "${type.name}" relation starts at ${type.fromLabels.join(' or ')}, not at “${from.text}” (${from.label}).`)
    }
    if (!allowsLabel(type.toLabels, to.label)) {
      throw new FactspanError('bad-input', `A "${type.name}" relation ends at ${type.toLabels.join(' or ')}, not at “${to.text}” (${to.label}).`)
    }
    return { from, to }
  }

  function changed<T>(documentIds: Iterable<string>, value: T): T {
    const ids = [...new Set(documentIds)]
    if (ids.length > 0) ws.emit('documents-changed', { ids })
    return value
  }

  /** Checks a type's name, hotkey and labels against the rest of the set; `except` is the type being changed. */
  function checkedType(type: RelationType, except?: string): RelationType {
    const types = listRelationTypes(db())
    const name = type.name.trim()
    if (name !== except && types.some((t) => t.name === name)) throw new FactspanError('conflict', `A relation type "${name}" exists already.`)
    const problem = hotkeyProblem(type.hotkey, types, except)
    if (problem) throw new FactspanError('bad-input', `Relation type "${name}": ${problem}`)
    return { ...type, name, hotkey: normalizeHotkey(type.hotkey), fromLabels: [...new Set(type.fromLabels)], toLabels: [...new Set(type.toLabels)] }
  }

  /** Relation types show in every window's relation mode; relations follow a rename or a delete. */
  function typesChanged(relationsToo: boolean): RelationType[] {
    if (relationsToo) ws.emit('documents-changed', {})
    else ws.emit('project-changed', { path: ws.path })
    return listRelationTypes(db())
  }

  /** Puts relations back with their ids; one that no longer fits (a span gone, a type changed) undoes them all. */
  function restoreAll(relations: readonly Relation[], goldToo = false): Relation[] {
    for (const relation of relations) {
      const { from } = checkEnds(relation.from, relation.to, relation.type, goldToo)
      if (from.documentId !== relation.documentId || from.annotator !== relation.annotator) {
        throw new FactspanError('conflict', `Relation ${relation.id} no longer matches its spans ${relation.from} and ${relation.to}.`)
      }
      if (insertRelation(db(), relation) === null) throw new FactspanError('conflict', `Relation ${relation.id} or the same relation exists already.`)
    }
    return relations.map((r) => requireRelation(r.id))
  }

  return {
    'relations.list': ({ documentId, annotator }) => listRelations(db(), documentId, annotator),
    'relations.add': ({ from, to, type }) => {
      const added = writeTransaction(db(), () => {
          const ends = checkEnds(from, to, type)
          const same = findSameRelation(db(), from, to, type)
          // Linking the same spans twice is harmless: the relation already saved is returned.
          if (same) return { relation: same, isNew: false }
          const id = insertRelation(db(), { documentId: ends.from.documentId, annotator: ends.from.annotator, from, to, type, createdAt: now() })
          return { relation: requireRelation(id!), isNew: true }
        })
      return added.isNew ? changed([added.relation.documentId], added.relation) : added.relation
    },
    'relations.remove': ({ id }) => {
      const relation = requireRelation(id)
      refuseGold(relation.annotator)
      deleteRelation(db(), id)
      return changed([relation.documentId], relation)
    },
    'relations.restoreMany': ({ relations }) => {
      const restored = writeTransaction(db(), () => restoreAll(relations))
      return changed(restored.map((r) => r.documentId), restored)
    },
    'relations.retype': ({ id, type }) => {
      const relation = requireRelation(id)
      if (relation.type === type) return relation
      checkEnds(relation.from, relation.to, type)
      if (findSameRelation(db(), relation.from, relation.to, type)) {
        throw new FactspanError('conflict', `Spans ${relation.from} and ${relation.to} are already linked as "${type}".`)
      }
      setRelationType(db(), id, type)
      return changed([relation.documentId], requireRelation(id))
    },

    'relations.suggest': ({ documentId }) => {
      const annotator = ws.settings.annotator
      const document = getDocument(db(), documentId, annotator)
      if (!document) throw new FactspanError('not-found', `No document "${documentId}" in this project.`)
      return suggestRelations(document.text, listSpans(db(), documentId, annotator), listRelations(db(), documentId, annotator), listRelationTypes(db()))
    },

    'relationTypes.list': () => listRelationTypes(db()),
    'relationTypes.add': ({ name, color, hotkey, description, fromLabels, toLabels }) => {
      const types = listRelationTypes(db())
      if (types.length >= MAX_RELATION_TYPES) throw new FactspanError('bad-input', `A project keeps at most ${MAX_RELATION_TYPES} relation types.`)
      const type = checkedType({
        name,
        color: color ?? RELATION_TYPE_COLORS[types.length % RELATION_TYPE_COLORS.length],
        hotkey: hotkey ?? nextFreeHotkey(types),
        description: description ?? '',
        fromLabels: fromLabels ?? [],
        toLabels: toLabels ?? [],
      })
      writeTransaction(db(), () => insertRelationType(db(), type, types.length))
      return typesChanged(false)
    },
    'relationTypes.update': ({ name, type }) => {
      requireType(name)
      const next = checkedType(type, name)
      writeTransaction(db(), () => updateRelationType(db(), name, next))
      return typesChanged(next.name !== name)
    },
    'relationTypes.remove': ({ name }) => {
      const type = requireType(name)
      const removal = writeTransaction(db(), () => {
          const position = listRelationTypes(db()).findIndex((t) => t.name === name)
          const relations = listRelationsOfType(db(), name)
          deleteRelationType(db(), name)
          return { type, position, relations }
        })
      return { ...removal, types: typesChanged(removal.relations.length > 0) }
    },
    'relationTypes.restore': ({ type, position, relations }) => {
      const restored = checkedType(type)
      writeTransaction(db(), () => {
          insertRelationType(db(), restored, position)
          // Deleting a type is the project's edit, not an annotator's: its undo puts gold relations back too.
          restoreAll(relations, true)
        })
      return typesChanged(relations.length > 0)
    },
  }
}
