import { useEffect, useState } from 'react'
import type { Guidelines } from '../../src-main/shared/api'
import { usePaintedOnce } from '../editor/useAfterPaint'
import { useApi, useStore } from '../state/store'
import { messageOf } from '../state/uiSlice'
import { GuidelinesEditor } from './GuidelinesEditor'
import { safeHtml } from './guidelinesHtml'

/** The open project's own guidelines, sanitized (a project file may be anyone's), with an editor for the reviewer. */
export function GuidelinesPanel() {
  const api = useApi()
  const open = useStore((s) => s.guidelinesOpen)
  const toggleGuidelines = useStore((s) => s.toggleGuidelines)
  const projectPath = useStore((s) => s.project?.path)
  const [guidelines, setGuidelines] = useState<Guidelines | null>(null)
  const markdown = guidelines?.markdown ?? null
  const [failure, setFailure] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  // The text is painted first; the guidelines, which nobody reads in that frame, one frame later.
  const shown = usePaintedOnce()
  const [html, setHtml] = useState('')

  // The service renders the Markdown (marked took ~50 ms of one frame the first time here); sanitizing it waits
  // until the page is idle, so it never lands in the frames of opening a document or of scrolling through it.
  const unsafeHtml = guidelines?.html
  useEffect(() => {
    if (unsafeHtml === undefined) return
    const render = () => setHtml(safeHtml(unsafeHtml))
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(render)
      return () => clearTimeout(timer)
    }
    const idle = requestIdleCallback(render, { timeout: 2_000 })
    return () => cancelIdleCallback(idle)
  }, [unsafeHtml])

  useEffect(() => {
    let current = true
    api
      .call('guidelines.get', {})
      .then((g) => current && setGuidelines(g))
      .catch((error: unknown) => current && setFailure(messageOf(error)))
    return () => {
      current = false
    }
  }, [api, projectPath])

  return (
    <aside className={open ? 'side-panel guidelines-panel' : 'side-panel guidelines-panel collapsed'} aria-labelledby="guidelines-heading">
      <h2 id="guidelines-heading" className="panel-heading">
        <button type="button" className="panel-toggle" aria-expanded={open} aria-controls="guidelines-body" onClick={toggleGuidelines}>
          <span className="chevron" aria-hidden="true">
            {open ? '›' : '‹'}
          </span>
          Guidelines
        </button>
      </h2>
      <div id="guidelines-body" hidden={!open}>
        {failure && (
          <p className="inline-error" role="alert">
            Could not read the guidelines: {failure}
          </p>
        )}
        {markdown !== null && (
          <button type="button" className="guidelines-edit" onClick={() => setEditing(true)}>
            Edit guidelines
          </button>
        )}
        <div className="guidelines" dangerouslySetInnerHTML={{ __html: shown ? html : '' }} />
      </div>
      {editing && markdown !== null && (
        <GuidelinesEditor
          markdown={markdown}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setGuidelines(saved)
            setEditing(false)
          }}
        />
      )}
    </aside>
  )
}
