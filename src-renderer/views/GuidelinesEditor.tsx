import { useId, useMemo, useRef, useState } from 'react'
import type { Guidelines } from '../../src-main/shared/api'
import { useApi } from '../state/store'
import { messageOf } from '../state/uiSlice'
import { Dialog } from './Dialog'
import { guidelinesHtml } from './guidelinesHtml'

/** The project's guidelines in Markdown beside their preview, rendered as the panel shows them; saved into the project. */
export function GuidelinesEditor({ markdown, onSaved, onClose }: { markdown: string; onSaved: (saved: Guidelines) => void; onClose: () => void }) {
  const api = useApi()
  const [text, setText] = useState(markdown)
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const preview = useMemo(() => guidelinesHtml(text), [text])
  const source = useRef<HTMLTextAreaElement>(null)
  const id = useId()

  const save = () => {
    setSaving(true)
    setFailure(null)
    api
      .call('guidelines.set', { markdown: text })
      .then(onSaved)
      .catch((error: unknown) => setFailure(messageOf(error)))
      .finally(() => setSaving(false))
  }

  return (
    <Dialog title="Edit guidelines" onClose={onClose} initialFocus={source} className="guidelines-editor">
      <div className="dialog-body">
      <p className="help">The project keeps its own guidelines: everyone who opens or merges it reads these. Markdown; the preview shows them as the panel will.</p>
      <div className="guidelines-editor-panes">
        <label className="guidelines-source">
          <span className="field-label" id={`${id}-source`}>
            Markdown
          </span>
          <textarea
            ref={source}
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save()
            }}
          />
        </label>
        <section className="guidelines-preview" aria-labelledby={`${id}-preview`}>
          <span className="field-label" id={`${id}-preview`}>
            Preview
          </span>
          <div className="guidelines" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          Could not save the guidelines: {failure}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" aria-disabled={saving} onClick={() => saving || save()} title="Ctrl+Enter">
          {saving ? 'Saving…' : 'Save guidelines'}
        </button>
      </div>
      </div>
    </Dialog>
  )
}
