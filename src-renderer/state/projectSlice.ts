// The project and its library: which project is open, who annotates, and its documents as the library lists them.
import type { DocumentStatus, DocumentSummary, ProjectInfo } from '../../src-main/shared/model'
import { ApiCallError } from '../api'
import type { SliceCreator } from './types'

export type StatusFilter = DocumentStatus | 'all'

export interface ProjectSlice {
  project: ProjectInfo | null
  /** The main side has no project open yet (desktop first run): the user must open or create one. */
  noProject: boolean
  /** The project the stored undo histories belong to; another project starts with none. */
  historyProject: string | null
  documents: DocumentSummary[]
  libraryLoaded: boolean
  statusFilter: StatusFilter
  query: string
  /** The document last opened, whose row takes the focus when the library comes back. */
  lastOpenedId: string | null
  loadProject(): Promise<void>
  switchProject(path: string, mode: 'open' | 'create'): Promise<boolean>
  setAnnotator(name: string): Promise<boolean>
  loadLibrary(): Promise<void>
  setStatusFilter(filter: StatusFilter): void
  setQuery(query: string): void
}

export const createProjectSlice: SliceCreator<ProjectSlice> = ({ set, get, api, runtime }) => {
  /** Shows a project; a different one than before starts over with no document open and, for a new project, no history. */
  function showProject(project: ProjectInfo): void {
    const switched = get().project?.path !== project.path
    // Histories persist across reloads, so they are dropped only when the project itself changes.
    const history = get().historyProject === project.path ? {} : { annotateHistories: {}, reviewHistories: {}, historyProject: project.path }
    set(
      switched
        ? { project, noProject: false, annotate: null, review: null, comparedSpans: [], loadedLayers: null, ...history, lastOpenedId: null, view: 'library', notice: null }
        : { project, noProject: false, ...history },
      undefined,
      'project/show',
    )
    void get().loadLibrary()
  }

  return {
    project: null,
    noProject: false,
    historyProject: null,
    documents: [],
    libraryLoaded: false,
    statusFilter: 'all',
    query: '',
    lastOpenedId: null,

    loadProject: async () => {
      try {
        showProject(await api.call('project.info', {}))
      } catch (error) {
        if (error instanceof ApiCallError && error.error.code === 'no-project') {
          set({ project: null, noProject: true, dialog: 'project' }, undefined, 'project/none')
        } else {
          get().reportError(error)
        }
      }
    },

    switchProject: async (path, mode) => {
      try {
        showProject(await api.call(mode === 'open' ? 'project.open' : 'project.create', { path }))
        get().setSaveStatus(`${mode === 'open' ? 'Opened' : 'Created'} ${path}`)
        return true
      } catch (error) {
        get().reportError(error)
        return false
      }
    },

    setAnnotator: async (name) => {
      try {
        const project = await api.call('project.setAnnotator', { name })
        showProject(project)
        get().setSaveStatus(`Saved · annotator is ${project.annotator}`)
        // Spans are layered by annotator, so the open document now shows the new annotator's layer.
        await get().refreshDocument()
        return true
      } catch (error) {
        get().reportError(error)
        return false
      }
    },

    loadLibrary: async () => {
      // Only the library shows the list, and every way back to it loads it: an edit elsewhere costs no listing.
      if (get().view !== 'library') return
      // Typing in the search field fires several lists; only the newest answer is shown.
      const current = runtime.latest.start('library/list')
      const { statusFilter, query } = get()
      try {
        const documents = await api.call('documents.list', {
          status: statusFilter === 'all' ? undefined : statusFilter,
          query: query.trim() || undefined,
        })
        if (current()) set({ documents, libraryLoaded: true }, undefined, 'library/loaded')
      } catch (error) {
        if (current()) get().reportError(error)
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
  }
}
