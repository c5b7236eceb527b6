// The store's shape: one store made of typed slices, each slice creator sees the whole store.
import type { StateCreator } from 'zustand'
import type { DocumentSlice } from './documentSlice'
import type { EditorSlice } from './editorSlice'
import type { HistorySlice } from './historySlice'
import type { LabelsSlice } from './labelsSlice'
import type { LibrarySlice } from './librarySlice'
import type { ProjectSlice } from './projectSlice'
import type { ReviewSlice } from './reviewSlice'
import type { SelectionSlice } from './selectionSlice'
import type { SpansSlice } from './spansSlice'
import type { UiSlice } from './uiSlice'

export type Store = ProjectSlice & LibrarySlice & DocumentSlice & SpansSlice & SelectionSlice & HistorySlice & UiSlice & EditorSlice & LabelsSlice & ReviewSlice

export type SliceCreator<T> = StateCreator<Store, [['zustand/devtools', never], ['zustand/persist', unknown]], [], T>
export type SetStore = Parameters<SliceCreator<unknown>>[0]
export type GetStore = Parameters<SliceCreator<unknown>>[1]
