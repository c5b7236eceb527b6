import { useStore } from '../state/store'

export function ErrorAlert() {
  const error = useStore((s) => s.error)
  const dismissError = useStore((s) => s.dismissError)
  return (
    <div className="alert-slot">
      {error && (
        <div className="alert" role="alert">
          <span className="alert-text">{error}</span>
          <button type="button" className="icon-button" aria-label="Dismiss error" onClick={dismissError}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}
