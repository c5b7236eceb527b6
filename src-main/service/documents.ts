import type { Api } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { getDocument, getDocumentSummary, listDocuments, nextOpenDocument, setDocumentDone } from '../store/documents'
import { now, type Workspace } from './workspace'

export function documentMethods(ws: Workspace): Pick<Api, 'documents.list' | 'documents.get' | 'documents.setDone' | 'documents.next'> {
  return {
    'documents.list': (filter) => listDocuments(ws.database(), filter),
    'documents.get': ({ id }) => {
      const doc = getDocument(ws.database(), id)
      if (!doc) throw new FactspanError('not-found', `No document "${id}" in this project.`)
      return doc
    },
    'documents.setDone': ({ id, done }) => {
      const db = ws.database()
      if (!setDocumentDone(db, id, done ? now() : null)) throw new FactspanError('not-found', `No document "${id}" in this project.`)
      ws.emit('documents-changed', { ids: [id] })
      return getDocumentSummary(db, id)!
    },
    'documents.next': ({ after }) => nextOpenDocument(ws.database(), after),
  }
}
