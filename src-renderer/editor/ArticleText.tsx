// The article: one block per line holding one text node, painted with highlights, driven by mouse and keys.
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { selectLabels, selectPending, selectSelectedSpan } from '../state/selectors'
import { useStore } from '../state/store'
import { caretBox, reveal, toContent } from './caret'
import { canMeasure, measurableRange, selectionInText } from './domOffsets'
import { clearHighlights, highlightStyles, paintSelection, paintSpans } from './highlights'
import { characterAtPoint, spansCovering, spanToSelect, utf16AtPoint } from './hitTest'
import { adjacentSpan, commandForKey, moveCaret } from './keyboard'
import { splitLines, trimSelection } from './textModel'

// Above this many lines, off-screen lines are skipped by layout (see article.css).
const LONG_DOCUMENT_LINES = 2000

interface Props {
  /** The focusable scroll region, so the view can give it focus back after a button press. */
  regionRef: RefObject<HTMLDivElement | null>
  describedBy?: string
}

export function ArticleText({ regionRef, describedBy }: Props) {
  const offsets = useStore((s) => s.offsets)
  const spans = useStore((s) => s.spans)
  const labels = useStore(selectLabels)
  const selected = useStore(selectSelectedSpan)
  const pending = useStore(useShallow(selectPending))
  const caret = useStore((s) => s.caret)
  const lines = useMemo(() => offsets && splitLines(offsets), [offsets])
  const styles = useMemo(() => highlightStyles(labels), [labels])

  const linesRef = useRef<HTMLDivElement>(null)
  const caretRef = useRef<HTMLDivElement>(null)
  /** Column kept across ↑/↓ presses. */
  const goalColumn = useRef<number | null>(null)
  /** Set by keyboard moves, so only they scroll the caret into view. */
  const revealCaret = useRef(false)

  useLayoutEffect(() => {
    if (lines && linesRef.current) paintSpans(linesRef.current, lines, spans)
  }, [lines, spans])

  useLayoutEffect(() => {
    if (lines && linesRef.current) paintSelection(linesRef.current, lines, selected, pending)
  }, [lines, selected, pending])

  useEffect(() => clearHighlights, [])

  // The caret is drawn from layout, so it follows the text when the panel is resized or fonts load.
  useLayoutEffect(() => {
    const container = regionRef.current
    const root = linesRef.current
    const bar = caretRef.current
    if (!container || !root || !bar || !lines || !canMeasure()) return
    const place = () => {
      const box = caretBox(container, root, lines, Math.min(caret, lines.map.codePointLength))
      bar.style.display = box ? '' : 'none'
      if (!box) return
      bar.style.transform = `translate(${box.left}px, ${box.top}px)`
      bar.style.height = `${box.height}px`
      if (revealCaret.current) reveal(container, box)
      revealCaret.current = false
    }
    place()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => place())
    observer.observe(root)
    return () => observer.disconnect()
  }, [regionRef, lines, caret])

  // A span chosen from the list or by Tab may be off screen.
  const selectedId = selected?.id
  useLayoutEffect(() => {
    const container = regionRef.current
    const root = linesRef.current
    const span = useStore.getState().spans.find((s) => s.id === selectedId)
    if (!container || !root || !lines || !span || !canMeasure()) return
    const { map } = lines
    const rect = measurableRange(root, lines, map.toUtf16(span.start), map.toUtf16(span.end)).getBoundingClientRect()
    reveal(container, toContent(container, rect))
  }, [regionRef, lines, selectedId])

  if (!lines) return null

  function finishPointer(e: MouseEvent) {
    const root = linesRef.current
    if (!root || !lines) return
    const store = useStore.getState()
    const selection = window.getSelection()
    const picked = selection && !selection.isCollapsed ? selectionInText(root, lines, selection) : null
    if (picked && selection) {
      selection.removeAllRanges()
      const trimmed = trimSelection(lines.map, Math.min(picked.anchor, picked.focus), Math.max(picked.anchor, picked.focus))
      if (!trimmed) return
      const forwards = picked.focus >= picked.anchor
      store.setPending(forwards ? trimmed.start : trimmed.end, forwards ? trimmed.end : trimmed.start)
      return
    }
    const utf16 = utf16AtPoint(root, lines, e.clientX, e.clientY)
    if (utf16 === null) return
    const offset = lines.map.toCodePoint(utf16, 'before')
    if (e.shiftKey) {
      store.placeCaret(offset, true)
      return
    }
    const character = characterAtPoint(root, lines, e.clientX, e.clientY)
    const covering = character === null ? [] : spansCovering(store.spans, lines.map.toCodePoint(character))
    store.selectSpan(spanToSelect(covering, store.selectedSpanId)?.id ?? null, offset)
  }

  function onMouseDown(e: ReactMouseEvent) {
    if (e.button !== 0) return
    // A press on the scrollbar only scrolls.
    if (e.target === e.currentTarget && e.nativeEvent.offsetX >= e.currentTarget.clientWidth) return
    goalColumn.current = null
    // The native selection shows the drag; the old pending selection would only confuse it.
    const store = useStore.getState()
    if (!e.shiftKey) store.placeCaret(store.caret, false)
    // The drag may end outside the article, so listen on the window.
    window.addEventListener('mouseup', finishPointer, { once: true })
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.nativeEvent.isComposing || !lines) return
    const command = commandForKey(e, labels)
    if (!command) return
    const store = useStore.getState()
    switch (command.type) {
      case 'move': {
        const pending = selectPending(store)
        // As in text editors, ← or → without Shift first collapses a selection to its start or end.
        if (pending && !command.extend && (command.move === 'left' || command.move === 'right')) {
          store.placeCaret(command.move === 'left' ? pending.start : pending.end, false)
          break
        }
        const vertical = command.move === 'up' || command.move === 'down'
        const next = moveCaret(lines, store.caret, command.move, vertical ? goalColumn.current : null)
        goalColumn.current = next.goalColumn
        revealCaret.current = true
        store.placeCaret(next.caret, command.extend)
        break
      }
      case 'selectSpan': {
        const span = adjacentSpan(store.spans, store.selectedSpanId, store.caret, command.direction)
        // Past the last (or first) span, Tab leaves the article as usual, so focus is never trapped here.
        if (!span) return
        store.selectSpan(span.id, span.start)
        break
      }
      case 'clear':
        store.clearSelection()
        break
      case 'label':
        void store.applyLabel(command.label)
        break
      case 'remove':
        void store.removeSelectedSpan()
        break
      case 'undo':
        void store.undo()
        break
      case 'redo':
        void store.redo()
        break
      case 'finish':
        void store.finishDocument()
        break
    }
    e.preventDefault()
  }

  return (
    <div
      ref={regionRef}
      className="article"
      role="document"
      aria-label="Article text"
      aria-describedby={describedBy}
      tabIndex={0}
      onMouseDown={onMouseDown}
      onKeyDown={onKeyDown}
    >
      <style>{styles}</style>
      <div ref={linesRef} className={lines.texts.length > LONG_DOCUMENT_LINES ? 'article-lines long' : 'article-lines'} lang="zh">
        {lines.texts.map((text, i) => (
          <div key={i} className="line" data-start={lines.starts[i]}>
            {text}
          </div>
        ))}
      </div>
      <div ref={caretRef} className="caret" aria-hidden="true" />
    </div>
  )
}
