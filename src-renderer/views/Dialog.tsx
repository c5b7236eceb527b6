// A modal dialog on the native <dialog>: showModal() makes the rest of the page inert, so focus stays inside.
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'

interface Props {
  title: string
  /** Absent when the dialog must be answered: Escape then does nothing. */
  onClose?: () => void
  /** The field to focus first; else the first control. */
  initialFocus?: RefObject<HTMLElement | null>
  className?: string
  children: ReactNode
}

export function Dialog({ title, onClose, initialFocus, className, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    // jsdom, where component tests run, has no showModal.
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    const first = initialFocus?.current ?? dialog.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog-close)')
    first?.focus()
    return () => {
      if (typeof dialog.close === 'function') dialog.close()
      else dialog.removeAttribute('open')
    }
  }, [initialFocus])

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault()
        closeRef.current?.()
      }}
      onClose={(e) => {
        // Chromium lets a second Escape close a dialog whose cancel was refused; one that must be answered reopens.
        const dialog = e.currentTarget
        if (!closeRef.current && dialog.isConnected && !dialog.open) dialog.showModal()
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        {onClose && (
          <button type="button" className="dialog-close icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {children}
    </dialog>
  )
}
