// The store's shape: one store of feature slices (project and library, annotate session, review session, dialogs and
// UI); each slice creator sees the whole store, the API client and the store's runtime.
import type { StateCreator } from 'zustand'
import type { ApiClient } from '../api'
import type { AnnotateSlice } from './annotateSlice'
import type { Derivations } from './derivations'
import type { ProjectSlice } from './projectSlice'
import type { RelationSlice } from './relationSlice'
import type { ReviewSlice } from './reviewSlice'
import type { Runtime } from './runtime'
import type { SuggestionsSlice } from './suggestionsSlice'
import type { UiSlice } from './uiSlice'

export type Store = ProjectSlice & AnnotateSlice & RelationSlice & SuggestionsSlice & ReviewSlice & UiSlice & { derive: Derivations }

type Creator = StateCreator<Store, [['zustand/devtools', never], ['zustand/persist', unknown]], [], Store>
export type SetStore = Parameters<Creator>[0]
export type GetStore = Parameters<Creator>[1]

/** What a slice works with: the store, the contract's client and the per-store runtime. */
export interface Ctx {
  set: SetStore
  get: GetStore
  api: ApiClient
  runtime: Runtime
}

export type SliceCreator<T> = (ctx: Ctx) => T
