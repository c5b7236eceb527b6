// The Undo and Redo buttons of both views, with the keys that do the same, and the keyboard handed back to the text.
import { useEffect, type RefObject } from 'react'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)
/** The modifier of the command keys on this platform, as aria-keyshortcuts names it. */
export const MOD = isMac ? 'Meta' : 'Control'

export function UndoRedo({ canUndo, canRedo, undo, redo, refocus }: { canUndo: boolean; canRedo: boolean; undo: () => Promise<void>; redo: () => Promise<void>; refocus: () => void }) {
  return (
    <>
      <button type="button" aria-keyshortcuts={`${MOD}+Z`} disabled={!canUndo} onClick={() => void undo().then(refocus)}>
        Undo
      </button>
      <button type="button" aria-keyshortcuts={`${MOD}+Shift+Z ${MOD}+Y`} disabled={!canRedo} onClick={() => void redo().then(refocus)}>
        Redo
      </button>
    </>
  )
}

/** Each newly opened document starts with the keyboard in the text. */
export function useFocusOnOpen(regionRef: RefObject<HTMLElement | null>, documentId: string | undefined): void {
  useEffect(() => {
    if (documentId !== undefined) regionRef.current?.focus({ preventScroll: true })
  }, [regionRef, documentId])
}
