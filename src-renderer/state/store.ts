// The renderer's one store: typed slices combined here, middleware on the combined store only.
import { create } from 'zustand'
import { devtools, persist } from 'zustand/middleware'
import { createDocumentSlice } from './documentSlice'
import { createEditorSlice } from './editorSlice'
import { createHistorySlice } from './historySlice'
import { historyStorage } from './historyStorage'
import { createLabelsSlice } from './labelsSlice'
import { createLibrarySlice } from './librarySlice'
import { createProjectSlice } from './projectSlice'
import { createReviewSlice } from './reviewSlice'
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
        ...createEditorSlice(...a),
        ...createLabelsSlice(...a),
        ...createReviewSlice(...a),
      }),
      {
        name: 'factspan-history',
        version: 1,
        storage: historyStorage,
        partialize: (s) => ({ histories: s.histories, historyProject: s.historyProject }),
      },
    ),
    { name: 'factspan', enabled: import.meta.env.DEV },
  ),
)
