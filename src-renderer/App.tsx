import { useEffect } from 'react'
import { onEvent } from './api'
import { selectNeedsAnnotator } from './state/selectors'
import { useStore } from './state/store'
import { AnnotateView } from './views/AnnotateView'
import { AnnotatorDialog } from './views/AnnotatorDialog'
import { ErrorAlert } from './views/ErrorAlert'
import { ExportDialog } from './views/ExportDialog'
import { ImportDialog } from './views/ImportDialog'
import { LibraryView } from './views/LibraryView'
import { ProjectDialog } from './views/ProjectDialog'
import { ReviewView } from './views/ReviewView'
import { StatusLine } from './views/StatusLine'
import { TopBar } from './views/TopBar'

export function App() {
  const view = useStore((s) => s.view)
  const dialog = useStore((s) => s.dialog)
  const needsAnnotator = useStore(selectNeedsAnnotator)

  useEffect(() => {
    const store = useStore.getState
    void store().loadProject()
    const unsubscribe = [
      onEvent('project-changed', ({ restored }) => void store().loadProject(restored)),
      onEvent('documents-changed', ({ ids }) => {
        void store().loadLibrary()
        // A bulk change (an import) may bring documents and labels the top bar and label bar show.
        if (!ids) void store().loadProject()
        const open = store().document?.id
        if (open !== undefined && (!ids || ids.includes(open))) void store().refreshDocument(ids)
        if (store().view === 'review') void store().refreshReview(ids)
      }),
    ]
    return () => unsubscribe.forEach((off) => off())
  }, [])

  return (
    <div className="app">
      <TopBar />
      <ErrorAlert />
      <main className="main">{view === 'annotate' ? <AnnotateView /> : view === 'review' ? <ReviewView /> : <LibraryView />}</main>
      <StatusLine />
      {dialog === 'project' && <ProjectDialog />}
      {dialog === 'import' && <ImportDialog />}
      {dialog === 'export' && <ExportDialog />}
      {needsAnnotator && dialog === null && <AnnotatorDialog />}
    </div>
  )
}
