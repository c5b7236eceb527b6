// The reviewer's side: which layers the project holds, the gold layer built from them, and review status.
import type { Api, GoldEdit, ReviewLayers } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { compareSpans, GOLD_LAYER, type Relation, type Span } from '../shared/model'
import { writeTransaction, type ReadableDB } from '../store/db'
import { countDocuments, countReviewedDocuments, documentExists, getDocumentSummary, getDocumentText, nextUnreviewedDocument, setDocumentReviewed } from '../store/documents'
import { countFinishedLayers } from '../store/layerStatus'
import { listLabels } from '../store/labels'
import { countRelationsByLayer, deleteRelation, getRelation, getRelationType, insertRelation, relationsOfSpans } from '../store/relations'
import { countLayers, deleteSpan, findSameSpan, getSpan, spanWriter } from '../store/spans'
import { now, type Workspace } from './workspace'

export function reviewLayers(db: ReadableDB): ReviewLayers {
  const finished = countFinishedLayers(db)
  const relations = countRelationsByLayer(db)
  const reviewed = countReviewedDocuments(db)
  const layers = countLayers(db).map(({ annotator, spans, documents }) => ({
    name: annotator,
    spans,
    documents,
    finished: annotator === GOLD_LAYER ? reviewed : (finished.get(annotator) ?? 0),
    relations: relations.get(annotator) ?? 0,
  }))
  // An annotator who marked documents done without tagging anything has a layer too.
  for (const [name, count] of finished) if (!layers.some((l) => l.name === name)) layers.push({ name, spans: 0, documents: 0, finished: count, relations: 0 })
  layers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    annotators: layers.filter((l) => l.name !== GOLD_LAYER),
    gold: layers.find((l) => l.name === GOLD_LAYER) ?? { name: GOLD_LAYER, spans: 0, documents: 0, finished: reviewed, relations: 0 },
    documents: countDocuments(db),
    reviewed,
  }
}

export function reviewMethods(ws: Workspace): Pick<Api, 'review.layers' | 'review.editGold' | 'review.setReviewed' | 'review.next'> {
  const db = () => ws.database()

  function requireDocument(id: string): void {
    if (!documentExists(db(), id)) throw new FactspanError('not-found', `No document "${id}" in this project.`)
  }

  /** The text a gold span quotes, after checking its offsets against the document. */
  function quote(documentId: string, start: number, end: number): string {
    const map = ws.offsetMap(documentId, () => getDocumentText(db(), documentId)!)
    if (!(start < end && end <= map.codePointLength)) {
      throw new FactspanError('bad-input', `Span ${start}–${end} is outside document "${documentId}" (length ${map.codePointLength}).`)
    }
    return map.slice(start, end)
  }

  /** A gold span of this document, or an error saying why the span cannot be changed here. */
  function requireGoldSpan(id: number, documentId: string): Span {
    const span = getSpan(db(), id)
    if (!span) throw new FactspanError('not-found', `No span ${id} in this project.`)
    if (span.annotator !== GOLD_LAYER) {
      throw new FactspanError('conflict', `Span ${id} is in ${span.annotator}'s layer: review changes only the gold layer.`)
    }
    if (span.documentId !== documentId) throw new FactspanError('conflict', `Span ${id} belongs to document "${span.documentId}", not "${documentId}".`)
    return span
  }

  /** The gold span a relation end names, by id or by where it is. */
  function goldEnd(end: number | { start: number; end: number; label: string }, documentId: string): Span {
    if (typeof end === 'number') return requireGoldSpan(end, documentId)
    const span = findSameSpan(db(), { documentId, annotator: GOLD_LAYER, ...end })
    if (!span) throw new FactspanError('bad-input', `No gold span ${end.start}–${end.end} (${end.label}) in document "${documentId}" for a relation to link.`)
    return span
  }

  return {
    'review.layers': () => reviewLayers(db()),

    'review.editGold': ({ documentId, add, remove, addRelations = [], removeRelations = [] }) => {
      requireDocument(documentId)
      const labels = new Set(listLabels(db()).map((l) => l.name))
      const edit = writeTransaction(
        db(),
        (): GoldEdit => {
          const removedRelations: Relation[] = removeRelations.map((id) => {
            const relation = getRelation(db(), id)
            if (!relation) throw new FactspanError('not-found', `No relation ${id} in this project.`)
            if (relation.annotator !== GOLD_LAYER || relation.documentId !== documentId) {
              throw new FactspanError('conflict', `Relation ${id} is not in the gold layer of document "${documentId}".`)
            }
            deleteRelation(db(), id)
            return relation
          })
          // Removing a span removes its relations (foreign keys): listed first, so undo can put them back.
          for (const id of remove) requireGoldSpan(id, documentId)
          removedRelations.push(...relationsOfSpans(db(), remove))
          const removed = remove.map((id) => {
            const span = requireGoldSpan(id, documentId)
            deleteSpan(db(), id)
            return span
          })
          const insert = spanWriter(db())
          const createdAt = now()
          const added: Span[] = []
          for (const span of add) {
            if (!labels.has(span.label)) throw new FactspanError('bad-input', `No label "${span.label}" in this project.`)
            const text = quote(documentId, span.start, span.end)
            const id = insert({ ...span, documentId, text, annotator: GOLD_LAYER, createdAt: span.createdAt ?? createdAt })
            // A span put back by undo must come back exactly; a new one already in gold is simply there.
            if (id === null && span.id !== undefined) throw new FactspanError('conflict', `Span ${span.id} or the same gold span exists already.`)
            if (id !== null) added.push(getSpan(db(), id)!)
          }
          const addedRelations: Relation[] = []
          for (const relation of addRelations) {
            if (!getRelationType(db(), relation.type)) throw new FactspanError('bad-input', `No relation type "${relation.type}" in this project.`)
            const from = goldEnd(relation.from, documentId)
            const to = goldEnd(relation.to, documentId)
            if (from.id === to.id) throw new FactspanError('bad-input', `A relation links two different spans; gold span ${from.id} was given at both ends.`)
            const id = insertRelation(db(), {
              id: relation.id,
              documentId,
              annotator: GOLD_LAYER,
              from: from.id,
              to: to.id,
              type: relation.type,
              createdAt: relation.createdAt ?? createdAt,
            })
            if (id === null && relation.id !== undefined) throw new FactspanError('conflict', `Relation ${relation.id} or the same gold relation exists already.`)
            if (id !== null) addedRelations.push(getRelation(db(), id)!)
          }
          return { added: added.sort(compareSpans), removed, addedRelations, removedRelations: [...new Map(removedRelations.map((r) => [r.id, r])).values()] }
        },
      )
      if (edit.added.length + edit.removed.length + edit.addedRelations.length + edit.removedRelations.length > 0) {
        ws.emit('documents-changed', { ids: [documentId] })
      }
      return edit
    },

    'review.setReviewed': ({ id, reviewed }) => {
      if (!setDocumentReviewed(db(), id, reviewed ? now() : null)) throw new FactspanError('not-found', `No document "${id}" in this project.`)
      ws.emit('documents-changed', { ids: [id] })
      return getDocumentSummary(db(), id, ws.settings.annotator)!
    },

    'review.next': ({ after }) => {
      if (after !== undefined) requireDocument(after)
      return nextUnreviewedDocument(db(), after)
    },
  }
}
