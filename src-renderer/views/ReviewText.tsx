// The compared document: one block per line holding one text node, painted by how the layers compare (never
// wrapped per span), with each annotator's version shown on hover and the gold layer edited by mouse and keys.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Comparison } from '../../src-main/shared/comparison'
import { caretBox, reveal, toContent } from '../editor/caret'
import { canMeasure, measurableRange, selectionInText } from '../editor/domOffsets'
import { characterAtPoint, spansCovering, spanToSelect, utf16AtPoint } from '../editor/hitTest'
import { adjacentSpan, commandForKey, moveCaret } from '../editor/keyboard'
import { splitLines, trimSelection, type TextLines } from '../editor/textModel'
import { clearReviewHighlights, paintComparisons, paintMarks } from '../review/highlights'
import { reviewCommandForKey } from '../review/keys'
import { selectComparisons, selectCurrentComparison, selectGoldSpans, selectReviewPending, selectSelectedGold } from '../state/reviewSelectors'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { VersionLine } from './VersionLine'

interface Props {
  regionRef: RefObject<HTMLDivElement | null>
  describedBy?: string
}

interface Hover {
  comparison: Comparison
  left: number
  top: number
}

export function ReviewText({ regionRef, describedBy }: Props) {
  const offsets = useStore((s) => s.reviewOffsets)
  const comparisons = useStore(selectComparisons)
  const gold = useStore(selectGoldSpans)
  const current = useStore(selectCurrentComparison)
  const selected = useStore(selectSelectedGold)
  const pending = useStore(useShallow(selectReviewPending))
  const caret = useStore((s) => s.reviewCaret)
  const labels = useStore(selectLabels)
  const lines = useMemo(() => offsets && splitLines(offsets), [offsets])
  const linesRef = useRef<HTMLDivElement>(null)
  const caretRef = useRef<HTMLDivElement>(null)
  const goalColumn = useRef<number | null>(null)
  const [hover, setHover] = useState<Hover | null>(null)

  useLayoutEffect(() => {
    if (lines && linesRef.current) paintComparisons(linesRef.current, lines, comparisons, gold)
  }, [lines, comparisons, gold])

  useLayoutEffect(() => {
    if (lines && linesRef.current) paintMarks(linesRef.current, lines, { current, selected, pending })
  }, [lines, current, selected, pending])

  useEffect(() => clearReviewHighlights, [])

  // The caret follows the text when the panel is resized or fonts load.
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
    }
    place()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(place)
    observer.observe(root)
    return () => observer.disconnect()
  }, [regionRef, lines, caret])

  // The current comparison or the selected gold span may be off screen: bring it in.
  const target = current ?? selected
  const targetStart = target?.start
  const targetEnd = target?.end
  useLayoutEffect(() => {
    const container = regionRef.current
    const root = linesRef.current
    if (!container || !root || !lines || targetStart === undefined || targetEnd === undefined || !canMeasure()) return
    const rect = measurableRange(root, lines, lines.map.toUtf16(targetStart), lines.map.toUtf16(targetEnd)).getBoundingClientRect()
    reveal(container, toContent(container, rect))
  }, [regionRef, lines, targetStart, targetEnd])

  if (!lines) return null

  function comparisonAt(root: HTMLElement, textLines: TextLines, x: number, y: number): Comparison | null {
    const character = characterAtPoint(root, textLines, x, y)
    if (character === null) return null
    const at = textLines.map.toCodePoint(character)
    // The shortest stretch under the pointer: a name agreed inside a disputed phrase shows on its own.
    const under = selectComparisons(useStore.getState()).filter((c) => c.start <= at && at < c.end)
    return under.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null
  }

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
      store.setReviewPending(forwards ? trimmed.start : trimmed.end, forwards ? trimmed.end : trimmed.start)
      return
    }
    const utf16 = utf16AtPoint(root, lines, e.clientX, e.clientY)
    if (utf16 === null) return
    const offset = lines.map.toCodePoint(utf16, 'before')
    if (e.shiftKey) {
      store.placeReviewCaret(offset, true)
      return
    }
    // A click makes the comparison under it the current one and selects the gold span there, if any.
    const character = characterAtPoint(root, lines, e.clientX, e.clientY)
    const covering = character === null ? [] : spansCovering(selectGoldSpans(store), lines.map.toCodePoint(character))
    const comparison = comparisonAt(root, lines, e.clientX, e.clientY)
    if (comparison) store.goToComparison(comparison)
    store.selectGold(spanToSelect(covering, store.selectedGoldId)?.id ?? null, offset)
  }

  function onMouseDown(e: ReactMouseEvent) {
    if (e.button !== 0) return
    // A press on the scrollbar only scrolls.
    if (e.target === e.currentTarget && e.nativeEvent.offsetX >= e.currentTarget.clientWidth) return
    goalColumn.current = null
    const store = useStore.getState()
    if (!e.shiftKey) store.placeReviewCaret(store.reviewCaret, false)
    // The drag may end outside the text, so listen on the window.
    window.addEventListener('mouseup', finishPointer, { once: true })
  }

  function onMouseMove(e: ReactMouseEvent) {
    const root = linesRef.current
    const container = regionRef.current
    if (!root || !container || !lines || e.buttons !== 0) return
    const comparison = comparisonAt(root, lines, e.clientX, e.clientY)
    if (!comparison) {
      if (hover) setHover(null)
      return
    }
    if (hover?.comparison === comparison) return
    const rect = measurableRange(root, lines, lines.map.toUtf16(comparison.start), lines.map.toUtf16(comparison.end)).getClientRects()
    const last = rect[rect.length - 1]
    if (!last) return
    const box = toContent(container, last)
    setHover({ comparison, left: box.left, top: box.top + box.height + 4 })
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.nativeEvent.isComposing || !lines) return
    const store = useStore.getState()
    const review = reviewCommandForKey(e, labels)
    if (review) {
      e.preventDefault()
      if (review.type === 'step') store.stepDisagreement(review.direction)
      else if (review.type === 'take') void store.takeVersion(review.version)
      else void store.acceptUnanimous()
      return
    }
    const command = commandForKey(e, labels)
    if (!command) return
    switch (command.type) {
      case 'move': {
        const pending = selectReviewPending(store)
        // As in text editors, ← or → without Shift first collapses a selection to its start or end.
        if (pending && !command.extend && (command.move === 'left' || command.move === 'right')) {
          store.placeReviewCaret(command.move === 'left' ? pending.start : pending.end, false)
          break
        }
        const vertical = command.move === 'up' || command.move === 'down' || command.move === 'pageUp' || command.move === 'pageDown'
        const next = moveCaret(lines, store.reviewCaret, command.move, vertical ? goalColumn.current : null)
        goalColumn.current = next.goalColumn
        store.placeReviewCaret(next.caret, command.extend)
        const container = regionRef.current
        const root = linesRef.current
        if (container && root && canMeasure()) {
          const box = caretBox(container, root, lines, next.caret)
          if (box) reveal(container, box)
        }
        break
      }
      case 'selectSpan': {
        const span = adjacentSpan(selectGoldSpans(store), store.selectedGoldId, store.reviewCaret, command.direction)
        // Past the last (or first) gold span, Tab leaves the text as usual, so focus is never trapped here.
        if (!span) return
        store.selectGold(span.id, span.start)
        break
      }
      case 'clear':
        store.clearReviewSelection()
        break
      case 'label':
        void store.tagGold(command.label)
        break
      case 'remove':
        void store.removeSelectedGold()
        break
      case 'undo':
        void store.undoGold()
        break
      case 'redo':
        void store.redoGold()
        break
      case 'finish':
        void store.finishReview()
        break
      default:
        // The annotate view's other tools (find, resize, tag all) are not part of review.
        return
    }
    e.preventDefault()
  }

  return (
    <div
      ref={regionRef}
      className="article review-article"
      role="document"
      aria-label="Compared text"
      aria-describedby={describedBy}
      tabIndex={0}
      onMouseDown={onMouseDown}
      onMouseMove={onMouseMove}
      onMouseLeave={() => setHover(null)}
      onKeyDown={onKeyDown}
    >
      <div ref={linesRef} className="article-lines" lang="zh">
        {lines.texts.map((text, i) => (
          <div key={i} className="line" data-line={i} data-start={lines.starts[i]}>
            {text}
          </div>
        ))}
      </div>
      <div ref={caretRef} className="caret" aria-hidden="true" />
      {hover && (
        <div className="versions-tooltip" role="tooltip" style={{ left: hover.left, top: hover.top }}>
          {hover.comparison.versions.map((version, i) => (
            <VersionLine key={i} version={version} offsets={lines.map} labels={labels} />
          ))}
        </div>
      )}
    </div>
  )
}
