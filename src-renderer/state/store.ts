// The renderer's one store: typed slices combined here, middleware on the combined store only.
import { create } from 'zustand'
import { createJSONStorage, devtools, persist } from 'zustand/middleware'
import { createDocumentSlice } from './documentSlice'
import { createHistorySlice } from './historySlice'
import { createLibrarySlice } from './librarySlice'
import { createProjectSlice } from './projectSlice'
import { createSelectionSlice } from './selectionSlice'
import { createSpansSlice } from './spansSlice'
import type { Store } from './types'
import { createUiSlice } from './uiSlice'

export type { Store } from './types'

export const useStore = create<Store>()(
  devtools(
    // Undo history is kept in localStorage, so undo still works after a reload or a restart of the app.
    persist(
      (...a) => ({
        ...createProjectSlice(...a),
        ...createLibrarySlice(...a),
        ...createDocumentSlice(...a),
        ...createSpansSlice(...a),
        ...createSelectionSlice(...a),
        ...createHistorySlice(...a),
        ...createUiSlice(...a),
      }),
      {
        name: 'factspan-history',
        version: 1,
        storage: createJSONStorage(() => localStorage),
        partialize: (s) => ({ histories: s.histories, historyProject: s.historyProject }),
      },
    ),
    { name: 'factspan', enabled: import.meta.env.DEV },
  ),
)
