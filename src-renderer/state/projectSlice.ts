import type { ProjectInfo } from '../../src-main/shared/model'
import { ApiCallError, call } from '../api'
import { emptySelection } from './selectionSlice'
import type { SliceCreator } from './types'

export interface ProjectSlice {
  project: ProjectInfo | null
  /** The main side has no project open yet (desktop first run): the user must open or create one. */
  noProject: boolean
  /** A project that would not open because its file is damaged: the project dialog offers its backup and a salvage. */
  damagedProject: { path: string; message: string } | null
  /** Shows the main side's project; `restored` when a backup was just put back in its place. */
  loadProject(restored?: boolean): Promise<void>
  switchProject(path: string, mode: 'open' | 'create'): Promise<boolean>
  clearDamagedProject(): void
  /** A backup was put back in place of the project: it is shown afresh. */
  showRestoredProject(project: ProjectInfo): void
  setAnnotator(name: string): Promise<boolean>
}

export const createProjectSlice: SliceCreator<ProjectSlice> = (set, get) => {
  /**
   * Shows a project; a different one than before starts over with empty document, selection and history, and so
   * does a project restored from a backup (`restored`), whose spans are not those the history knows.
   */
  function showProject(project: ProjectInfo, restored = false): void {
    const switched = restored || get().project?.path !== project.path
    // Histories persist across reloads, so they are dropped only when the project itself changes.
    const history = !restored && get().historyProject === project.path ? {} : { histories: {}, historyProject: project.path }
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
    damagedProject: null,

    loadProject: async (restored = false) => {
      try {
        const project = await call('project.info', {})
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
        showProject(await call(mode === 'open' ? 'project.open' : 'project.create', { path }))
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
