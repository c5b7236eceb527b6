// A side list of the text's items (spans, comparisons, later suggestions or facts): only the rows in view are
// rendered, so 20,000 items cost what 20 do, and the current item is scrolled into view. A panel stacks one per section.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, type ReactNode } from 'react'

const indexKey = (i: number) => i

interface Props<T> {
  /** Names the list for assistive technology (the panel heading's id, or a name). */
  labelledBy?: string
  label?: string
  className: string
  items: readonly T[]
  keyOf(item: T): string | number
  /** Where the current item is in `items`, to keep it in view; -1 for none. */
  currentIndex: number
  /** A row's height before it is measured, in px. */
  estimateSize: number
  /** Every row is `estimateSize` high, so rows are never measured (each measure costs a layout). */
  fixedSize?: boolean
  children(item: T, index: number): ReactNode
}

export function SideList<T>({ labelledBy, label, className, items, keyOf, currentIndex, estimateSize, fixedSize, children }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const itemKey = useCallback((i: number) => keyOf(items[i]), [items, keyOf])
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    // Measured rows are kept by their item's key. Rows of a fixed size are never measured, so they go by index: the
    // virtualizer asks every row's key whenever the count changes (55,000 keys made for a long document's suggestions).
    getItemKey: fixedSize ? indexKey : itemKey,
    overscan: 6,
    // The rows follow a scroll in React's own time: a synchronous render in the scroll event held up the frame.
    useFlushSync: false,
  })

  // The current item comes into view when it is out of it, placed from what the virtualizer knows: scrollToIndex
  // reads the list's scroll height (a layout) and corrects itself over the next frames, on every edit.
  useEffect(() => {
    const element = scrollRef.current
    const item = currentIndex >= 0 ? virtualizer.measurementsCache[currentIndex] : undefined
    const height = virtualizer.scrollRect?.height ?? 0
    if (!element || !item || height === 0) return
    const offset = virtualizer.scrollOffset ?? 0
    if (item.start < offset) element.scrollTop = item.start
    else if (item.end > offset + height) element.scrollTop = item.end - height
  }, [currentIndex, items, virtualizer])

  return (
    <div ref={scrollRef} className="side-scroll">
      <ul className={`side-list ${className}`} aria-labelledby={labelledBy} aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <li
            key={row.key}
            ref={fixedSize ? undefined : virtualizer.measureElement}
            data-index={row.index}
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {children(items[row.index], row.index)}
          </li>
        ))}
      </ul>
    </div>
  )
}
