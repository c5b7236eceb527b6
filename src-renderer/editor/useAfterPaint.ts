import { startTransition, useEffect, useState } from 'react'

/** How long a side list waits, after the frame that shows an edit, for the edit's answer to change the value again. */
const SETTLE_MS = 30

/**
 * A value as it was before its last change, until the browser has painted the frame that shows the change in the
 * text and the value has then held for SETTLE_MS: a view that is slow to follow (the list of 20,000 spans) then
 * never holds up an edit's highlight, and follows an add once, not once for the span painted at the key press and
 * again for the saved one that replaces it when the server answers (~10 ms later).
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(shown, value)) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // A timer set in a frame's callback runs once that frame is painted; a newer value starts the wait again.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(value)), SETTLE_MS)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [value, shown])
  return shown
}

/**
 * False until the browser has painted the first frame after mount: what is not needed to see the text (a side
 * list, the guidelines) then waits one frame, and opening a document paints its text sooner.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return painted
}
