import { useRef, useState } from 'react'
import '../styles/review.css'
import { selectGoldRedo, selectGoldUndo } from '../state/reviewSelectors'
import { useStore } from '../state/store'
import { AgreementPanel } from './AgreementPanel'
import { AnnotatorPicker } from './AnnotatorPicker'
import { ComparisonList, KIND_NAMES } from './ComparisonList'
import { RelationComparisonList } from './RelationComparisonList'
import { GoldLabelBar } from './GoldLabelBar'
import { MergeDialog } from './MergeDialog'
import { ReviewText } from './ReviewText'
import { StatusBadge } from './StatusBadge'
import { UndoRedo, useFocusOnOpen } from './UndoRedo'


/** The compare view: where annotators' layers agree and differ in one document, and the gold layer built from them. */
export function ReviewView() {
  const document = useStore((s) => s.review?.document)
  const documents = useStore((s) => s.reviewDocuments)
  const canUndo = useStore((s) => selectGoldUndo(s).length > 0)
  const canRedo = useStore((s) => selectGoldRedo(s).length > 0)
  const undoGold = useStore((s) => s.undoGold)
  const redoGold = useStore((s) => s.redoGold)
  const setReviewed = useStore((s) => s.setReviewed)
  const finishReview = useStore((s) => s.finishReview)
  const openReview = useStore((s) => s.openReview)
  const closeReview = useStore((s) => s.closeReview)
  const stepDisagreement = useStore((s) => s.stepDisagreement)
  const [merging, setMerging] = useState(false)
  const [agreementOpen, setAgreementOpen] = useState(false)
  const annotators = useStore((s) => s.reviewAnnotators)
  const compareGold = useStore((s) => s.compareGold)
  const regionRef = useRef<HTMLDivElement>(null)
  const documentId = document?.id

  useFocusOnOpen(regionRef, documentId)

  /** Buttons hand the keyboard back to the text, so the next key keeps reviewing. */
  const refocus = () => regionRef.current?.focus({ preventScroll: true })
  const index = documents.findIndex((d) => d.id === documentId)
  const reviewed = document?.status === 'reviewed'

  return (
    <section className="annotate review" aria-labelledby="review-title">
      <div className="document-bar">
        <button type="button" className="back" onClick={closeReview}>
          <span aria-hidden="true">← </span>Library
        </button>
        <h1 id="review-title" className="document-title" lang="zh" title={document?.title}>
          <span className="review-caption">Review</span> {document ? document.title || document.id : 'No document'}
        </h1>
        {document && <StatusBadge status={document.status} />}
        {document && (
          <span className="finished-by" title="Annotators who marked their layer of this document done">
            Finished by {document.finishedBy.length > 0 ? document.finishedBy.join(', ') : 'nobody yet'}
          </span>
        )}
        <span className="toolbar-gap" />
        <label className="document-picker">
          <span className="visually-hidden">Document</span>
          <select value={documentId ?? ''} onChange={(e) => void openReview(e.target.value)} disabled={documents.length === 0}>
            {documents.map((d, i) => (
              <option key={d.id} value={d.id}>
                {i + 1}. {d.title || d.id}
                {d.status === 'reviewed' ? ' ✓' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-label="Previous document" disabled={index <= 0} onClick={() => void openReview(documents[index - 1].id)}>
          ‹
        </button>
        <button type="button" aria-label="Next document" disabled={index < 0 || index >= documents.length - 1} onClick={() => void openReview(documents[index + 1].id)}>
          ›
        </button>
        <UndoRedo canUndo={canUndo} canRedo={canRedo} undo={undoGold} redo={redoGold} refocus={refocus} />
        {reviewed && (
          <button type="button" onClick={() => void setReviewed(false).then(refocus)}>
            Mark not reviewed
          </button>
        )}
        <button type="button" className="primary" aria-keyshortcuts="Enter" disabled={!document} onClick={() => void finishReview()}>
          {reviewed ? 'Next document' : 'Reviewed & next'} <kbd>Enter</kbd>
        </button>
      </div>
      <div className="review-bar">
        <AnnotatorPicker onMerge={() => setMerging(true)} />
        <span className="toolbar-gap" />
        <button type="button" aria-expanded={agreementOpen} aria-controls="agreement-side" onClick={() => setAgreementOpen((open) => !open)}>
          Agreement
        </button>
        <button type="button" aria-keyshortcuts="P [" onClick={() => (stepDisagreement(-1), refocus())}>
          ‹ Previous disagreement <kbd>p</kbd>
        </button>
        <button type="button" aria-keyshortcuts="N ]" onClick={() => (stepDisagreement(1), refocus())}>
          Next disagreement <kbd>n</kbd> ›
        </button>
      </div>
      <GoldLabelBar afterAction={refocus} />
      <p id="review-keys" className="keys-hint">
        <kbd>n</kbd>/<kbd>]</kbd> next and <kbd>p</kbd>/<kbd>[</kbd> previous disagreement · <kbd>Shift</kbd>+<kbd>1</kbd>…<kbd>9</kbd> take that version
        into gold · <kbd>u</kbd> accept all unanimous spans · select text and press a label key to tag it in gold · <kbd>Tab</kbd> selects gold spans,{' '}
        <kbd>Del</kbd> removes one · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Enter</kbd> mark reviewed and go on.
      </p>
      <Legend />
      {document ? (
        <div className="workspace">
          <div className="text-pane">
            <ReviewText regionRef={regionRef} describedBy="review-keys" />
          </div>
          <div className="side-stack">
            <ComparisonList afterAction={refocus} />
            <RelationComparisonList afterAction={refocus} />
          </div>
          {agreementOpen && (
            <aside id="agreement-side" className="side-panel agreement-side" aria-label="Agreement over the project">
              <AgreementPanel annotators={annotators} includeGold={compareGold} />
            </aside>
          )}
        </div>
      ) : (
        <p className="empty">This project has no documents yet: merge annotators’ work to review it.</p>
      )}
      {merging && <MergeDialog onClose={() => setMerging(false)} />}
    </section>
  )
}

function Legend() {
  return (
    <ul className="review-legend" aria-label="Colours">
      {(Object.keys(KIND_NAMES) as Array<keyof typeof KIND_NAMES>).map((kind) => (
        <li key={kind}>
          <span className={`legend-swatch kind-${kind}`} aria-hidden="true" />
          {KIND_NAMES[kind]}
        </li>
      ))}
      <li>
        <span className="legend-swatch legend-gold" aria-hidden="true" />
        In gold (underlined)
      </li>
    </ul>
  )
}
