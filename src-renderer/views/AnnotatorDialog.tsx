import { useRef, useState, type FormEvent } from 'react'
import { useStore } from '../state/store'
import { Dialog } from './Dialog'

/** Asks for the annotator's name: on first launch (must be answered) and from the top bar (may be cancelled). */
export function AnnotatorDialog({ onClose }: { onClose?: () => void }) {
  const current = useStore((s) => s.project?.annotator ?? '')
  const setAnnotator = useStore((s) => s.setAnnotator)
  const [name, setName] = useState(current)
  const [busy, setBusy] = useState(false)
  const field = useRef<HTMLInputElement>(null)
  const trimmed = name.trim()

  async function confirm(e: FormEvent) {
    e.preventDefault()
    if (!trimmed) return
    setBusy(true)
    const ok = await setAnnotator(trimmed)
    setBusy(false)
    if (ok) onClose?.()
  }

  return (
    <Dialog title={onClose ? 'Change annotator' : 'Welcome to Factspan'} onClose={onClose} initialFocus={field}>
      <form className="dialog-body" onSubmit={confirm}>
        <label className="field">
          <span className="field-label">Your name as annotator</span>
          <input
            ref={field}
            type="text"
            value={name}
            maxLength={200}
            required
            autoComplete="name"
            aria-describedby="annotator-help"
            onChange={(e) => setName(e.target.value)}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <p id="annotator-help" className="help">
          Every span you tag is saved in your own layer under this name, so several annotators can label the same documents
          and be compared.
        </p>
        <div className="dialog-actions">
          {onClose && (
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={!trimmed || busy}>
            Confirm
          </button>
        </div>
      </form>
    </Dialog>
  )
}
