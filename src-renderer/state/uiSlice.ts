// Dialogs and the rest of the UI: which view and dialog are open, the last error and the status line.
import { ApiCallError } from '../api'
import type { SliceCreator } from './types'

export type View = 'library' | 'annotate' | 'review' | 'progress'
export type DialogName = 'project' | 'import' | 'export'
/** The annotate view's overlays: the shortcut list, the label editor, the suggestion settings and the relation type editor. */
export type Overlay = 'help' | 'labels' | 'suggestions' | 'relationTypes' | null

export interface UiSlice {
  view: View
  dialog: DialogName | null
  overlay: Overlay
  /** The last failure, shown in an alert until dismissed or replaced. */
  error: string | null
  /** Outcome of the last write, e.g. "Saved · tagged …". */
  saveStatus: string
  /** A message for the library, e.g. that every document is done. */
  notice: string | null
  guidelinesOpen: boolean
  showView(view: View, notice?: string | null): void
  openDialog(dialog: DialogName): void
  closeDialog(): void
  setOverlay(overlay: Overlay): void
  reportError(error: unknown): void
  dismissError(): void
  setSaveStatus(status: string): void
  toggleGuidelines(): void
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}

export const createUiSlice: SliceCreator<UiSlice> = ({ set, get }) => ({
  view: 'library',
  dialog: null,
  overlay: null,
  error: null,
  saveStatus: '',
  notice: null,
  guidelinesOpen: true,
  showView: (view, notice = null) => {
    set({ view, notice }, undefined, 'ui/showView')
    if (view === 'library') void get().loadLibrary()
  },
  openDialog: (dialog) => set({ dialog }, undefined, 'ui/openDialog'),
  closeDialog: () => set({ dialog: null }, undefined, 'ui/closeDialog'),
  setOverlay: (overlay) => set({ overlay }, undefined, 'ui/setOverlay'),
  reportError: (error) => set({ error: messageOf(error) }, undefined, 'ui/reportError'),
  dismissError: () => set({ error: null }, undefined, 'ui/dismissError'),
  setSaveStatus: (saveStatus) => set({ saveStatus }, undefined, 'ui/setSaveStatus'),
  toggleGuidelines: () => set((s) => ({ guidelinesOpen: !s.guidelinesOpen }), undefined, 'ui/toggleGuidelines'),
})
