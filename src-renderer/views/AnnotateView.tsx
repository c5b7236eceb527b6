import { useEffect, useRef } from 'react'
import { selectCanRedo, selectCanUndo, selectDocumentStatus } from '../state/selectors'
import { useStore } from '../state/store'
import { AnnotateText } from './AnnotateText'
import { MOD, UndoRedo, useFocusOnOpen } from './UndoRedo'
import { FindBar } from './FindBar'
import { GuidelinesPanel } from './GuidelinesPanel'
import { HelpDialog } from './HelpDialog'
import { LabelBar } from './LabelBar'
import { LabelEditorDialog } from './LabelEditorDialog'
import { SpanList } from './SpanList'
import { FactList } from './FactList'
import { RelationModeBar } from './RelationModeBar'
import { RelationTypesDialog } from './RelationTypesDialog'
import '../styles/relations.css'
import { SuggestionList } from './SuggestionList'
import { SuggestionSettingsDialog } from './SuggestionSettingsDialog'
import { StatusBadge } from './StatusBadge'


export function AnnotateView() {
  const document = useStore((s) => s.annotate?.document)
  const canUndo = useStore(selectCanUndo)
  const status = useStore(selectDocumentStatus)
  const canRedo = useStore(selectCanRedo)
  const undo = useStore((s) => s.undo)
  const redo = useStore((s) => s.redo)
  const setDone = useStore((s) => s.setDone)
  const finishDocument = useStore((s) => s.finishDocument)
  const closeDocument = useStore((s) => s.closeDocument)
  const findOpen = useStore((s) => s.findOpen)
  const openFind = useStore((s) => s.openFind)
  const overlay = useStore((s) => s.overlay)
  const setOverlay = useStore((s) => s.setOverlay)
  const regionRef = useRef<HTMLDivElement>(null)
  const documentId = document?.id

  useFocusOnOpen(regionRef, documentId)

  // A closed overlay hands the keyboard back to the text; only once it is gone, since a modal dialog makes the text inert.
  const hadOverlay = useRef(false)
  useEffect(() => {
    if (hadOverlay.current && overlay === null) regionRef.current?.focus({ preventScroll: true })
    hadOverlay.current = overlay !== null
  }, [overlay])

  if (!document) return <p className="loading">Opening the document…</p>

  /** Buttons hand the keyboard back to the text, so the next key press keeps annotating. */
  const refocus = () => regionRef.current?.focus({ preventScroll: true })
  const closeOverlay = () => setOverlay(null)
  const done = document.status === 'done'

  return (
    <section
      className="annotate"
      aria-labelledby="document-title"
      onKeyDown={(e) => {
        // Ctrl+F finds in the document from anywhere in the view, not only from the text.
        if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
          e.preventDefault()
          openFind()
        }
      }}
    >
      <div className="document-bar">
        <button type="button" className="back" onClick={() => closeDocument()}>
          <span aria-hidden="true">← </span>Library
        </button>
        <h1 id="document-title" className="document-title" lang="zh" title={document.title}>
          {document.title || document.id}
        </h1>
        <StatusBadge status={status ?? document.status} />
        <span className="toolbar-gap" />
        <button type="button" aria-keyshortcuts={`${MOD}+F`} onClick={() => openFind()}>
          Find
        </button>
        <button type="button" onClick={() => setOverlay('relationTypes')}>
          Relation types
        </button>
        <button type="button" aria-keyshortcuts="?" onClick={() => setOverlay('help')}>
          Shortcuts <kbd>?</kbd>
        </button>
        <UndoRedo canUndo={canUndo} canRedo={canRedo} undo={undo} redo={redo} refocus={refocus} />
        {done && (
          <button type="button" onClick={() => void setDone(false).then(refocus)}>
            Reopen
          </button>
        )}
        <button type="button" className="primary" aria-keyshortcuts="Enter" onClick={() => void finishDocument()}>
          {done ? 'Next document' : 'Done & next'} <kbd>Enter</kbd>
        </button>
      </div>
      <LabelBar afterAction={refocus} />
      <p id="article-keys" className="keys-hint">
        Select text with the mouse or <kbd>Shift</kbd>+arrows, then press a label key. <kbd>Tab</kbd> moves between spans,{' '}
        <kbd>Del</kbd> removes one, <kbd>y</kbd> / <kbd>n</kbd> accept or reject the dashed suggestion, <kbd>s</kbd> goes to
        the next, <kbd>r</kbd> links the selected span to another, <kbd>Enter</kbd> marks the document done, <kbd>?</kbd> lists
        every key.
      </p>
      <div className="workspace">
        <div className="text-pane">
          {findOpen && <FindBar afterClose={refocus} />}
          <RelationModeBar />
          <AnnotateText regionRef={regionRef} describedBy="article-keys" />
        </div>
        <div className="side-column">
          <SuggestionList afterAction={refocus} openSettings={() => setOverlay('suggestions')} />
          <SpanList afterAction={refocus} />
          <FactList afterAction={refocus} />
        </div>
        <GuidelinesPanel />
      </div>
      {overlay === 'help' && <HelpDialog onClose={closeOverlay} />}
      {overlay === 'labels' && <LabelEditorDialog onClose={closeOverlay} />}
      {overlay === 'relationTypes' && <RelationTypesDialog onClose={closeOverlay} />}
      {overlay === 'suggestions' && <SuggestionSettingsDialog onClose={closeOverlay} />}
    </section>
  )
}
