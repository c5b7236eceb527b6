import { useState } from 'react'
import { useStore } from '../state/store'
import { AnnotatorDialog } from './AnnotatorDialog'
import { MergeDialog } from './MergeDialog'

export function TopBar() {
  const project = useStore((s) => s.project)
  const openDialog = useStore((s) => s.openDialog)
  const [changingAnnotator, setChangingAnnotator] = useState(false)
  const [merging, setMerging] = useState(false)
  const reviewing = useStore((s) => s.view === 'review')
  const openReview = useStore((s) => s.openReview)
  const showingProgress = useStore((s) => s.view === 'progress')
  const showView = useStore((s) => s.showView)

  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">F</span>
        Factspan
      </div>
      <div className="project">
        {project ? (
          <>
            <span className="project-name">{project.name}</span>
            <span className="project-path path" title={project.path}>
              {project.path}
            </span>
            {project.readOnly && (
              <span className="read-only-mark" title="This project file may not be written here: it is shown as it is, and edits are refused.">
                Read-only
              </span>
            )}
          </>
        ) : (
          <span className="project-name muted">No project open</span>
        )}
      </div>
      <nav className="topbar-actions" aria-label="Project">
        <button type="button" onClick={() => openDialog('project')}>
          Switch project
        </button>
        <button type="button" disabled={!project} onClick={() => openDialog('import')}>
          Import
        </button>
        <button type="button" disabled={!project} onClick={() => openDialog('export')}>
          Export
        </button>
        <button type="button" disabled={!project} onClick={() => setMerging(true)}>
          Merge
        </button>
        <button type="button" disabled={!project} aria-pressed={reviewing} onClick={() => void openReview()}>
          Review
        </button>
        <button type="button" disabled={!project} aria-pressed={showingProgress} onClick={() => showView('progress')}>
          Progress
        </button>
        {project && (
          <button type="button" className="annotator" title="Change the annotator name" onClick={() => setChangingAnnotator(true)}>
            <span className="annotator-caption">Annotator</span>
            <span className="annotator-name">{project.annotator}</span>
          </button>
        )}
      </nav>
      {changingAnnotator && <AnnotatorDialog onClose={() => setChangingAnnotator(false)} />}
      {merging && <MergeDialog onClose={() => setMerging(false)} />}
    </header>
  )
}
