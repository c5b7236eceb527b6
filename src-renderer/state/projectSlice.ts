import type { ProjectInfo } from '../../src-main/shared/model'
import { ApiCallError, call } from '../api'
import { emptySelection } from './selectionSlice'
import type { SliceCreator } from './types'

export interface ProjectSlice {
  project: ProjectInfo | null
  /** The main side has no project open yet (desktop first run): the user must open or create one. */
  noProject: boolean
  loadProject(): Promise<void>
  switchProject(path: string, mode: 'open' | 'create'): Promise<boolean>
  setAnnotator(name: string): Promise<boolean>
}

export const createProjectSlice: SliceCreator<ProjectSlice> = (set, get) => {
  /** Shows a project; a different one than before starts over with empty document, selection and history. */
  function showProject(project: ProjectInfo): void {
    const switched = get().project?.path !== project.path
    // Histories persist across reloads, so they are dropped only when the project itself changes.
    const history = get().historyProject === project.path ? {} : { histories: {}, historyProject: project.path }
    set(
      switched
        ? { project, noProject: false, document: null, offsets: null, spans: [], ...emptySelection, ...history, lastOpenedId: null, view: 'library', notice: null }
        : { project, noProject: false },
      undefined,
      'project/show',
    )
    void get().loadLibrary()
  }

  return {
    project: null,
    noProject: false,

    loadProject: async () => {
      try {
        showProject(await call('project.info', {}))
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
        showProject(await call(mode === 'open' ? 'project.open' : 'project.create', { path }))
        get().setSaveStatus(`${mode === 'open' ? 'Opened' : 'Created'} ${path}`)
        return true
      } catch (error) {
        get().reportError(error)
        return false
      }
    },

    setAnnotator: async (name) => {
      try {
        const project = await call('project.setAnnotator', { name })
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
  }
}
