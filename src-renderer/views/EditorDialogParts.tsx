// What the label editor and the relation types editor share: the last refusal, dismissable, and a footer that
// shows the save status and undoes the last edit, since each change in them is saved at once.
import { describeEdit } from '../state/edits'
import { selectUndoStack } from '../state/selectors'
import { useStore } from '../state/store'

export function EditorError() {
  const error = useStore((s) => s.error)
  const dismissError = useStore((s) => s.dismissError)
  if (!error) return null
  return (
    <p className="inline-error" role="alert">
      {error}{' '}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissError}>
        ×
      </button>
    </p>
  )
}

export function EditorActions({ onClose }: { onClose: () => void }) {
  const last = useStore(selectUndoStack).at(-1)
  const undo = useStore((s) => s.undo)
  const saveStatus = useStore((s) => s.saveStatus)
  return (
    <div className="dialog-actions">
      <span className="label-editor-status muted">{saveStatus}</span>
      <button type="button" disabled={!last} onClick={() => void undo()}>
        {last ? `Undo ${describeEdit(last)}` : 'Undo'}
      </button>
      <button type="button" className="primary" onClick={onClose}>
        Done
      </button>
    </div>
  )
}
