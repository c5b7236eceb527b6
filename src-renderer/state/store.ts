// The renderer's one store: feature slices combined here, middleware on the combined store only. Each store is made
// by createAppStore with its API client and runtime, and handed to the views by <StoreProvider>, so a test makes an
// isolated one.
import { createContext, createElement, useContext, type ReactNode } from 'react'
import { createStore, useStore as useZustand, type StoreApi } from 'zustand'
import { devtools, persist } from 'zustand/middleware'
import type { ApiClient } from '../api'
import { createAnnotateSlice } from './annotateSlice'
import { createDerivations } from './derivations'
import { historyStorage } from './history'
import { createProjectSlice } from './projectSlice'
import { createRelationSlice } from './relationSlice'
import { createReviewSlice } from './reviewSlice'
import { createRuntime } from './runtime'
import { createSuggestionsSlice } from './suggestionsSlice'
import type { Ctx, Store } from './types'
import { createUiSlice } from './uiSlice'

export type { Store } from './types'

type Persisted = Pick<Store, 'annotateHistories' | 'reviewHistories' | 'historyProject'>

export interface AppStore {
  store: StoreApi<Store>
  api: ApiClient
}

export interface StoreOptions {
  /** Where undo histories are kept between sessions; localStorage by default, none with null. */
  storage?: Storage | null
  devtools?: boolean
}

const HISTORY_KEY = 'factspan-history'

export function createAppStore(api: ApiClient, options: StoreOptions = {}): AppStore {
  const runtime = createRuntime()
  const storage = options.storage !== undefined ? options.storage : typeof localStorage === 'undefined' ? null : localStorage
  const store = createStore<Store>()(
    devtools(
      // Both views' undo histories are kept in localStorage, so undo still works after a reload or a restart of the app.
      persist(
        (set, get) => {
          const ctx: Ctx = { set, get, api, runtime }
          return {
            ...createProjectSlice(ctx),
            ...createAnnotateSlice(ctx),
            ...createRelationSlice(ctx),
            ...createSuggestionsSlice(ctx),
            ...createReviewSlice(ctx),
            ...createUiSlice(ctx),
            derive: createDerivations(),
          }
        },
        {
          name: HISTORY_KEY,
          version: 2,
          storage: historyStorage<Persisted>(
            storage,
            (a, b) => a.annotateHistories !== b.annotateHistories || a.reviewHistories !== b.reviewHistories || a.historyProject !== b.historyProject,
          ),
          partialize: (s) => ({ annotateHistories: s.annotateHistories, reviewHistories: s.reviewHistories, historyProject: s.historyProject }),
          // Histories written by an older version have another shape: they are dropped, never misread.
          migrate: () => ({ annotateHistories: {}, reviewHistories: {}, historyProject: null }),
        },
      ),
      { name: 'factspan', enabled: options.devtools ?? false },
    ),
  )
  return { store, api }
}

const StoreContext = createContext<AppStore | null>(null)

export function StoreProvider({ value, children }: { value: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value }, children)
}

function useAppStore(): AppStore {
  const app = useContext(StoreContext)
  if (!app) throw new Error('useStore: no <StoreProvider> above this component')
  return app
}

/** Reads the store of the nearest <StoreProvider> with a selector; re-renders when the selected value changes. */
export function useStore<T>(selector: (s: Store) => T): T {
  return useZustand(useAppStore().store, selector)
}

/** The store itself, for event handlers that read the state at the moment they run. */
export function useStoreApi(): StoreApi<Store> {
  return useAppStore().store
}

/** The contract's client of this store, for views that call a method directly (previews, jobs). */
export function useApi(): ApiClient {
  return useAppStore().api
}
