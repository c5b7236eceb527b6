// The project and its library: which project is open, who annotates, and its documents as the library lists them.
import type { DocumentStatus, DocumentSummary, ProjectInfo } from '../../src-main/shared/model'
import { ApiCallError } from '../api'
import type { SliceCreator } from './types'

export type StatusFilter = DocumentStatus | 'all'

export interface ProjectSlice {
  project: ProjectInfo | null
  /** The main side has no project open yet (desktop first run): the user must open or create one. */
  noProject: boolean
  /** A project that would not open because its file is damaged: the project dialog offers its backup and a salvage. */
  damagedProject: { path: string; message: string } | null
  /** The project the stored undo histories belong to; another project starts with none. */
  historyProject: string | null
  documents: DocumentSummary[]
  libraryLoaded: boolean
  statusFilter: StatusFilter
  query: string
  /** The document last opened, whose row takes the focus when the library comes back. */
  lastOpenedId: string | null
  /** Shows the main side's project; `restored` when a backup was just put back in its place. */
  loadProject(restored?: boolean): Promise<void>
  switchProject(path: string, mode: 'open' | 'create'): Promise<boolean>
  clearDamagedProject(): void
  /** A backup was put back in place of the project: it is shown afresh. */
  showRestoredProject(project: ProjectInfo): void
  setAnnotator(name: string): Promise<boolean>
  loadLibrary(): Promise<void>
  setStatusFilter(filter: StatusFilter): void
  setQuery(query: string): void
}

export const createProjectSlice: SliceCreator<ProjectSlice> = ({ set, get, api, runtime }) => {
  /**
   * Shows a project; a different one than before starts over with no document open and empty history, and so
   * does a project restored from a backup (`restored`), whose spans are not those the history knows.
   */
  function showProject(project: ProjectInfo, restored = false): void {
    const switched = restored || get().project?.path !== project.path
    // Histories persist across reloads, so they are dropped only when the project itself changes.
    const history = !restored && get().historyProject === project.path ? {} : { annotateHistories: {}, reviewHistories: {}, historyProject: project.path }
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
    damagedProject: null,
    historyProject: null,
    documents: [],
    libraryLoaded: false,
    statusFilter: 'all',
    query: '',
    lastOpenedId: null,

    loadProject: async (restored = false) => {
      try {
        const project = await api.call('project.info', {})
        showProject(project, restored)
        const failed = project.reopenFailed
        if (failed?.code === 'corrupt') set({ damagedProject: { path: failed.path, message: failed.message }, dialog: 'project' }, undefined, 'project/damaged')
        else if (failed) get().reportError(failed.message)
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
        set({ damagedProject: null }, undefined, 'project/undamaged')
        return true
      } catch (error) {
        if (error instanceof ApiCallError && error.error.code === 'corrupt') set({ damagedProject: { path, message: error.message } }, undefined, 'project/damaged')
        else get().reportError(error)
        return false
      }
    },

    clearDamagedProject: () => set({ damagedProject: null }, undefined, 'project/undamaged'),

    showRestoredProject: (project) => {
      set({ damagedProject: null }, undefined, 'project/undamaged')
      showProject(project, true)
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
