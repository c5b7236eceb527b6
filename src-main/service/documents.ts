import type { Api, StatusTable } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { isGoldName, type LayerStatus } from '../shared/model'
import { writeTransaction } from '../store/db'
import { documentExists, getDocument, getDocumentSummary, listDocuments, nextOpenDocument } from '../store/documents'
import { clearLayerStatus, layerAnnotators, setLayerStatus, statusTable } from '../store/layerStatus'
import { now, type Workspace } from './workspace'

/** Sets an annotator's status of documents in one transaction; the gold layer and unknown documents are refused. */
export function setStatus(ws: Workspace, ids: readonly string[], annotator: string, status: LayerStatus): { changed: number } {
  if (isGoldName(annotator)) {
    throw new FactspanError('bad-input', 'The gold layer has no status of its own: a reviewer marks documents reviewed in the review view.')
  }
  const db = ws.database()
  const unique = [...new Set(ids)]
  writeTransaction(db, () => {
    const missing = setLayerStatus(db, unique, annotator, status, now())
    if (missing.length > 0) throw new FactspanError('not-found', `No document ${missing.map((id) => `"${id}"`).join(', ')} in this project: no status was changed.`)
  })
  ws.emit('documents-changed', { ids: unique })
  return { changed: unique.length }
}

export function statusesOf(ws: Workspace, annotator?: string): StatusTable {
  const db = ws.database()
  const annotators = annotator === undefined ? layerAnnotators(db) : [annotator]
  return { annotators, documents: statusTable(db, annotators) }
}

export function documentMethods(
  ws: Workspace,
): Pick<Api, 'documents.list' | 'documents.get' | 'documents.setDone' | 'documents.next' | 'documents.statuses' | 'documents.setStatus'> {
  // Each user sees, and marks, their own layer.
  const me = () => ws.settings.annotator
  return {
    'documents.list': (filter) => listDocuments(ws.database(), me(), filter),
    'documents.get': ({ id }) => {
      const doc = getDocument(ws.database(), id, me())
      if (!doc) throw new FactspanError('not-found', `No document "${id}" in this project.`)
      return doc
    },
    'documents.setDone': ({ id, done }) => {
      if (done) setStatus(ws, [id], me(), 'done')
      else {
        // Not done any more: in progress or new again, as the layer's spans say.
        if (!documentExists(ws.database(), id)) throw new FactspanError('not-found', `No document "${id}" in this project.`)
        clearLayerStatus(ws.database(), id, me())
        ws.emit('documents-changed', { ids: [id] })
      }
      return getDocumentSummary(ws.database(), id, me())!
    },
    'documents.next': ({ after }) => nextOpenDocument(ws.database(), after, me()),
    'documents.statuses': ({ annotator }) => statusesOf(ws, annotator),
    'documents.setStatus': ({ ids, annotator, status }) => setStatus(ws, ids, annotator, status),
  }
}
