import type { DocumentStatus, DocumentSummary } from '../../src-main/shared/model'
import { call } from '../api'
import type { SliceCreator } from './types'

export type StatusFilter = DocumentStatus | 'all'

/** The project's documents as the library shows them: filtered by status and title on the server. */
export interface LibrarySlice {
  documents: DocumentSummary[]
  libraryLoaded: boolean
  statusFilter: StatusFilter
  query: string
  /** The document last opened, whose row takes the focus when the library comes back. */
  lastOpenedId: string | null
  loadLibrary(): Promise<void>
  setStatusFilter(filter: StatusFilter): void
  setQuery(query: string): void
}

// Typing in the search field fires several lists; only the newest answer is shown.
let listRequest = 0

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => ({
  documents: [],
  libraryLoaded: false,
  statusFilter: 'all',
  query: '',
  lastOpenedId: null,

  loadLibrary: async () => {
    // Only the library shows the list, and every way back to it loads it: an edit elsewhere costs no listing.
    if (get().view !== 'library') return
    const request = ++listRequest
    const { statusFilter, query } = get()
    try {
      const documents = await call('documents.list', {
        status: statusFilter === 'all' ? undefined : statusFilter,
        query: query.trim() || undefined,
      })
      if (request === listRequest) set({ documents, libraryLoaded: true }, undefined, 'library/loaded')
    } catch (error) {
      if (request === listRequest) get().reportError(error)
    }
  },

  setStatusFilter: (statusFilter) => {
    set({ statusFilter }, undefined, 'library/setStatusFilter')
    void get().loadLibrary()
  },

  setQuery: (query) => {
    set({ query }, undefined, 'library/setQuery')
    void get().loadLibrary()
  },
})
