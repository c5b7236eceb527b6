import { useEffect } from 'react'
import { selectNeedsAnnotator } from './state/selectors'
import { useApi, useStore, useStoreApi } from './state/store'
import { AnnotateView } from './views/AnnotateView'
import { AnnotatorDialog } from './views/AnnotatorDialog'
import { ErrorAlert } from './views/ErrorAlert'
import { ExportDialog } from './views/ExportDialog'
import { ImportDialog } from './views/ImportDialog'
import { LibraryView } from './views/LibraryView'
import { ProgressView } from './views/ProgressView'
import { ProjectDialog } from './views/ProjectDialog'
import { ReviewView } from './views/ReviewView'
import { StatusLine } from './views/StatusLine'
import { TopBar } from './views/TopBar'

/**
 * A few characters in the article's font, never seen: the browser loads that font and the fallbacks for 𠮷 and 😀
 * while the library is shown, not in the frame that first paints a document (about 30 ms of font lookups there,
 * measured in a fresh page, when the library had shown no Chinese).
 */
function FontWarmUp() {
  return (
    <span className="font-warm-up" aria-hidden="true" lang="zh">
      截至2月25日，企业复工率91.9%。複工𠮷😀
    </span>
  )
}

export function App() {
  const view = useStore((s) => s.view)
  const dialog = useStore((s) => s.dialog)
  const needsAnnotator = useStore(selectNeedsAnnotator)
  const api = useApi()
  const storeApi = useStoreApi()

  useEffect(() => {
    const store = storeApi.getState
    void store().loadProject()
    const unsubscribe = [
      api.onEvent('project-changed', ({ restored }) => {
        void store().loadProject(restored)
        // Relation types are the project's too: one edited in another window changes this one's relation mode.
        void store().loadRelationTypes()
      }),
      api.onEvent('documents-changed', ({ ids }) => {
        void store().loadLibrary()
        // A bulk change (an import) may bring documents and labels the top bar and label bar show.
        if (!ids) void store().loadProject()
        const open = store().annotate?.document.id
        if (open !== undefined && (!ids || ids.includes(open))) void store().refreshDocument(ids)
        if (store().view === 'review') void store().refreshReview(ids)
      }),
      // A model trained, the CLI wrote suggestions, or the settings changed.
      api.onEvent('suggestions-changed', ({ documentId }) => {
        const open = store().annotate?.document.id
        if (open !== undefined && (documentId === undefined || documentId === open)) void store().loadSuggestions(open, 'all')
        if (store().overlay === 'suggestions') void store().loadSuggestionSettings()
      }),
    ]
    return () => unsubscribe.forEach((off) => off())
  }, [api, storeApi])

  return (
    <div className="app">
      <TopBar />
      <ErrorAlert />
      <main className="main">{view === 'annotate' ? <AnnotateView /> : view === 'review' ? <ReviewView /> : view === 'progress' ? <ProgressView /> : <LibraryView />}</main>
      <StatusLine />
      <FontWarmUp />
      {dialog === 'project' && <ProjectDialog />}
      {dialog === 'import' && <ImportDialog />}
      {dialog === 'export' && <ExportDialog />}
      {needsAnnotator && dialog === null && <AnnotatorDialog />}
    </div>
  )
}
