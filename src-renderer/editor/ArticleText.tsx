// The article: one block per line (paragraph) holding one text node, painted with highlights, driven by mouse and
// keys. Long documents are virtual: only the lines near the viewport are elements, between two spacers whose
// heights come from estimated, then measured, line heights. The selection is the store's, never the DOM's,
// so it may reach lines that are not rendered.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { useShallow } from 'zustand/react/shallow'
import { selectFindHits } from '../state/editorSlice'
import { quoted } from '../state/edits'
import { selectLabels, selectPending, selectSelectedSpan } from '../state/selectors'
import { phraseToTagAll } from '../state/spansSlice'
import { useStore } from '../state/store'
import { caretBox, caretRect, reveal, toContent } from './caret'
import { canMeasure, visibleRange } from './domOffsets'
import { highlightStyles, clearHighlights, VisiblePainter } from './highlights'
import { characterAtPoint, spansCovering, spanToSelect, utf16AtPoint } from './hitTest'
import { adjacentSpan, commandForKey, moveCaret, type CaretMove } from './keyboard'
import { LineHeights, type LineMetrics } from './lineHeights'
import { lineIndexAt, splitLines, trimSelection, type TextLines } from './textModel'
import { paragraphAt, wordAt } from './words'

/** Documents up to this many UTF-16 units render every line; longer ones render the lines near the viewport. */
const VIRTUAL_ABOVE = 20_000
/** Lines are rendered this many viewport heights above and below the viewport. */
const OVERSCAN = 1
/** Before measuring: 18px text at line-height 1.95 in a 44em column. */
const DEFAULT_METRICS: LineMetrics = { rowHeight: 35.1, charsPerRow: 42 }
/** Dragging near or past an edge of the article scrolls it; the speed grows with the distance, up to this many px a frame. */
const AUTOSCROLL_MAX = 48
/** How far inside the edges dragging starts to scroll, in px. */
const AUTOSCROLL_EDGE = 16

interface Props {
  /** The focusable scroll region, so the view can give it focus back after a button press. */
  regionRef: RefObject<HTMLDivElement | null>
  describedBy?: string
}

interface RenderedLines {
  lines: TextLines
  first: number
  last: number
}

const Line = memo(function Line({ index, start, text }: { index: number; start: number; text: string }) {
  return (
    <div className="line" data-line={index} data-start={start}>
      {text}
    </div>
  )
})

export function ArticleText({ regionRef, describedBy }: Props) {
  const offsets = useStore((s) => s.offsets)
  const spans = useStore((s) => s.spans)
  const labels = useStore(selectLabels)
  const selected = useStore(selectSelectedSpan)
  const pending = useStore(useShallow(selectPending))
  const caret = useStore((s) => s.caret)
  const hits = useStore(selectFindHits)
  const findIndex = useStore((s) => s.findIndex)
  const lines = useMemo(() => offsets && splitLines(offsets), [offsets])
  const styles = useMemo(() => highlightStyles(labels), [labels])
  const virtual = lines !== null && lines.map.utf16Length > VIRTUAL_ABOVE
  const heights = useMemo(() => lines && new LineHeights(lines.texts.map((t) => t.length), DEFAULT_METRICS), [lines])
  const [rendered, setWindow] = useState<RenderedLines | null>(null)
  const [layoutVersion, setLayoutVersion] = useState(0)
  const painter = useMemo(() => new VisiblePainter(), [])

  const linesRef = useRef<HTMLDivElement>(null)
  const caretRef = useRef<HTMLDivElement>(null)
  /** Pixel column kept across ↑/↓ and page presses. */
  const goalX = useRef<number | null>(null)
  /** A range to scroll into view once its lines are rendered; set by keys, Tab, the span list and find. */
  const revealTarget = useRef<{ start: number; end: number; tries: number } | null>(null)
  const lastSelectedId = useRef<number | null>(null)
  const lastFindIndex = useRef(-1)
  const metricsWidth = useRef(0)

  const current: RenderedLines | null = !lines
    ? null
    : rendered?.lines === lines
      ? rendered
      : { lines, first: 0, last: virtual ? Math.min(lines.starts.length - 1, 60) : lines.starts.length - 1 }

  /** The lines to render for the scroll position now; every line of a short document. */
  function wantedWindow(): RenderedLines | null {
    const region = regionRef.current
    const root = linesRef.current
    if (!lines || !heights || !region || !root) return null
    if (!virtual) return { lines, first: 0, last: lines.starts.length - 1 }
    const top = region.scrollTop - root.offsetTop
    const view = region.clientHeight
    return { lines, first: heights.lineAt(Math.max(0, top - view * OVERSCAN)), last: heights.lineAt(top + view * (1 + OVERSCAN)) }
  }

  /** Renders other lines when the viewport comes within half a screen of the rendered ones. */
  function followScroll(force = false): void {
    const region = regionRef.current
    const root = linesRef.current
    if (!current || !heights || !region || !root || !virtual) return
    const top = region.scrollTop - root.offsetTop
    const view = region.clientHeight
    const renderedTop = heights.top(current.first)
    const renderedBottom = heights.top(current.last + 1)
    const short = (current.first > 0 && top - view / 2 < renderedTop) || (current.last < lines!.starts.length - 1 && top + view * 1.5 > renderedBottom)
    if (!short && !force) return
    const wanted = wantedWindow()
    if (wanted && (wanted.first !== current.first || wanted.last !== current.last)) setWindow(wanted)
  }

  // Measures what was rendered, follows a pending reveal, places the caret and paints: after every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root || !lines || !heights || !current || !canMeasure()) return
    for (const element of root.children as HTMLCollectionOf<HTMLElement>) {
      const index = element.dataset.line
      if (index !== undefined && !heights.isMeasured(Number(index))) heights.measure(Number(index), element.getBoundingClientRect().height)
    }
    if (selected?.id !== lastSelectedId.current) {
      lastSelectedId.current = selected?.id ?? null
      if (selected) revealTarget.current = { start: selected.start, end: selected.end, tries: 0 }
    }
    if (findIndex !== lastFindIndex.current) {
      lastFindIndex.current = findIndex
      if (findIndex >= 0 && findIndex < hits.starts.length) revealTarget.current = { start: hits.starts[findIndex], end: hits.ends[findIndex], tries: 0 }
    }
    const target = revealTarget.current
    if (target) {
      const line = lineIndexAt(lines, lines.map.toUtf16(target.start))
      if ((line < current.first || line > current.last) && target.tries < 3) {
        target.tries++
        region.scrollTop = root.offsetTop + heights.top(line) - region.clientHeight / 3
        const wanted = wantedWindow()
        if (wanted) setWindow(wanted)
        return
      }
      revealTarget.current = null
      const range = visibleRange(root, lines, target.start, Math.max(target.end, target.start))
      const rect = range && target.end > target.start ? toStatic(range).getBoundingClientRect() : caretRect(root, lines, target.start)
      if (rect) reveal(region, toContent(region, rect))
    }
    followScroll()
    const bar = caretRef.current
    if (bar) {
      const box = caretBox(region, root, lines, Math.min(caret, lines.map.codePointLength))
      bar.style.display = box ? '' : 'none'
      if (box) {
        bar.style.transform = `translate(${box.left}px, ${box.top}px)`
        bar.style.height = `${box.height}px`
      }
    }
    painter.paint(root, lines, spans, { selected, pending, hits })
  })

  useEffect(() => painter.reset(), [painter, labels])
  useEffect(() => clearHighlights, [])

  // A new width (or the first layout) changes how many characters fit a row: estimates and measures start over.
  useLayoutEffect(() => {
    const root = linesRef.current
    if (!root || !heights || !canMeasure() || typeof ResizeObserver === 'undefined') return
    const remeasure = () => {
      const width = root.clientWidth
      if (width === 0 || width === metricsWidth.current) return
      metricsWidth.current = width
      heights.reestimate(measureMetrics(root))
      setLayoutVersion((v) => v + 1)
    }
    remeasure()
    const observer = new ResizeObserver(remeasure)
    observer.observe(root)
    return () => {
      observer.disconnect()
      metricsWidth.current = 0
    }
  }, [heights])

  if (!lines || !heights || !current) return null
  void layoutVersion

  /** The code point nearest to a viewport point, the point first pulled inside the article's visible box. */
  function offsetAtPoint(x: number, y: number): number | null {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root || !lines) return null
    const frame = region.getBoundingClientRect()
    const box = root.getBoundingClientRect()
    const inX = Math.min(Math.max(x, box.left + 1), box.right - 1)
    const inY = Math.min(Math.max(y, frame.top + 1), frame.bottom - 1)
    const utf16 = utf16AtPoint(root, lines, inX, inY)
    return utf16 === null ? null : lines.map.toCodePoint(utf16, 'before')
  }

  function onMouseDown(e: ReactMouseEvent) {
    if (e.button !== 0 || !lines) return
    // A press on the scrollbar only scrolls.
    if (e.target === e.currentTarget && e.nativeEvent.offsetX >= e.currentTarget.clientWidth) return
    // The selection is ours: the browser's would stop at the rendered lines.
    e.preventDefault()
    regionRef.current?.focus({ preventScroll: true })
    goalX.current = null
    const store = useStore.getState()
    const at = offsetAtPoint(e.clientX, e.clientY)
    if (at === null) return
    const utf16 = lines.map.toUtf16(at)
    if (e.detail === 2 || e.detail >= 3) {
      const part = e.detail === 2 ? wordAt(lines, utf16) : paragraphAt(lines, utf16)
      const trimmed = trimSelection(lines.map, lines.map.toCodePoint(part.start), lines.map.toCodePoint(part.end, 'after'))
      if (trimmed) store.setPending(trimmed.start, trimmed.end)
      return
    }
    if (e.shiftKey) {
      store.placeCaret(at, true)
      return
    }
    dragFrom(at, e.clientX, e.clientY)
  }

  /** Follows a drag from an offset: the pending selection grows to the pointer, and the article scrolls at its edges. */
  function dragFrom(anchor: number, x0: number, y0: number): void {
    const region = regionRef.current
    if (!region || !lines) return
    const map = lines.map
    const pointer = { x: x0, y: y0 }
    let moved = false
    let frame = 0
    const follow = () => {
      const focus = offsetAtPoint(pointer.x, pointer.y)
      if (focus === null) return
      if (focus !== anchor) moved = true
      if (moved) useStore.getState().setPending(anchor, focus)
    }
    const autoscroll = () => {
      frame = 0
      const box = region.getBoundingClientRect()
      const top = box.top + AUTOSCROLL_EDGE
      const bottom = box.bottom - AUTOSCROLL_EDGE
      const over = pointer.y < top ? pointer.y - top : pointer.y > bottom ? pointer.y - bottom : 0
      if (over === 0) return
      region.scrollTop += Math.max(-AUTOSCROLL_MAX, Math.min(AUTOSCROLL_MAX, over))
      follow()
      frame = requestAnimationFrame(autoscroll)
    }
    const onMove = (e: MouseEvent) => {
      pointer.x = e.clientX
      pointer.y = e.clientY
      follow()
      if (!frame) frame = requestAnimationFrame(autoscroll)
    }
    const onUp = (e: MouseEvent) => {
      window.removeEventListener('mousemove', onMove)
      window.removeEventListener('mouseup', onUp)
      if (frame) cancelAnimationFrame(frame)
      const store = useStore.getState()
      if (moved) {
        const focus = store.caret
        const trimmed = trimSelection(map, Math.min(anchor, focus), Math.max(anchor, focus))
        if (!trimmed) store.placeCaret(focus, false)
        else if (focus >= anchor) store.setPending(trimmed.start, trimmed.end)
        else store.setPending(trimmed.end, trimmed.start)
        return
      }
      // A click: the span under the pointer, shortest first, then the next one on each click; else the caret.
      const root = linesRef.current
      const character = root && characterAtPoint(root, lines, e.clientX, e.clientY)
      const covering = character === null || character === undefined ? [] : spansCovering(store.spans, map.toCodePoint(character))
      store.selectSpan(spanToSelect(covering, store.selectedSpanId)?.id ?? null, anchor)
    }
    window.addEventListener('mousemove', onMove)
    window.addEventListener('mouseup', onUp)
  }

  /** Where ↑ ↓ PageUp PageDown land: the same x one row (or one screen) away, read from the layout. */
  function verticalMove(move: CaretMove, from: number): number | null {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root || !lines || !canMeasure()) return null
    const rect = caretRect(root, lines, from)
    if (!rect) return null
    const x = goalX.current ?? rect.left
    goalX.current = x
    const frame = region.getBoundingClientRect()
    if (move === 'pageUp' || move === 'pageDown') {
      const page = region.clientHeight - rect.height * 2
      const before = region.scrollTop
      region.scrollTop += move === 'pageDown' ? page : -page
      const wanted = wantedWindow()
      if (wanted) flushSync(() => setWindow(wanted))
      if (region.scrollTop === before) return move === 'pageDown' ? lines.map.codePointLength : 0
      const y = Math.min(Math.max(rect.top + rect.height / 2, frame.top + rect.height), frame.bottom - rect.height)
      return offsetAtPoint(x, y)
    }
    const y = move === 'down' ? rect.bottom + rect.height / 2 : rect.top - rect.height / 2
    // The row may be just outside the viewport: bring it in first.
    if (y < frame.top) region.scrollTop -= frame.top - y + rect.height
    else if (y > frame.bottom) region.scrollTop += y - frame.bottom + rect.height
    const after = caretRect(root, lines, from)
    if (!after) return null
    const target = move === 'down' ? after.bottom + after.height / 2 : after.top - after.height / 2
    const box = root.getBoundingClientRect()
    if (target < box.top) return 0
    if (target > box.bottom) return lines.map.codePointLength
    const utf16 = utf16AtPoint(root, lines, Math.min(Math.max(x, box.left + 1), box.right - 1), target)
    return utf16 === null ? null : lines.map.toCodePoint(utf16, 'before')
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.nativeEvent.isComposing || !lines) return
    const command = commandForKey(e, labels)
    if (!command) return
    const store = useStore.getState()
    if (store.tagAllArmed && command.type !== 'label' && command.type !== 'tagAll') store.armTagAll(false)
    switch (command.type) {
      case 'move': {
        const pending = selectPending(store)
        // As in text editors, ← or → without Shift first collapses a selection to its start or end.
        if (pending && !command.extend && (command.move === 'left' || command.move === 'right')) {
          store.placeCaret(command.move === 'left' ? pending.start : pending.end, false)
          break
        }
        const vertical = command.move === 'up' || command.move === 'down' || command.move === 'pageUp' || command.move === 'pageDown'
        if (!vertical) goalX.current = null
        const next = (vertical ? verticalMove(command.move, store.caret) : null) ?? moveCaret(lines, store.caret, command.move, null).caret
        revealTarget.current = { start: next, end: next, tries: 0 }
        store.placeCaret(next, command.extend)
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
      case 'resize':
        void store.resizeSelectedSpan(command.edge, command.by)
        break
      case 'tagAll': {
        const phrase = phraseToTagAll(store)
        if (phrase === '') store.setSaveStatus('Select some text or a span first, then press a to tag all its occurrences')
        else {
          store.armTagAll(true)
          store.setSaveStatus(`Tag every ${quoted(phrase)}: press a label key (Esc cancels)`)
        }
        break
      }
      case 'find': {
        const pending = selectPending(store)
        store.openFind(pending && store.offsets ? store.offsets.slice(pending.start, pending.end) : undefined)
        break
      }
      case 'help':
        store.setOverlay('help')
        break
      case 'editLabels':
        store.setOverlay('labels')
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

  function onCopy(e: ClipboardEvent) {
    const store = useStore.getState()
    const range = selectPending(store) ?? selectSelectedSpan(store)
    if (!range || !store.offsets) return
    e.clipboardData.setData('text/plain', store.offsets.slice(range.start, range.end))
    e.preventDefault()
  }

  const { first, last } = current
  const indices: number[] = []
  for (let i = first; i <= last; i++) indices.push(i)

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
      onScroll={() => followScroll()}
      onCopy={onCopy}
    >
      <style>{styles}</style>
      <div ref={linesRef} className="article-lines" lang="zh" data-first={first} data-last={last}>
        <div className="spacer" data-spacer="before" style={{ height: heights.top(first) }} />
        {indices.map((i) => (
          <Line key={i} index={i} start={lines.starts[i]} text={lines.texts[i]} />
        ))}
        <div className="spacer" data-spacer="after" style={{ height: heights.total() - heights.top(last + 1) }} />
      </div>
      <div ref={caretRef} className="caret" aria-hidden="true" />
    </div>
  )
}

/** A live range over a static one, to measure it. */
function toStatic(range: StaticRange): Range {
  const live = document.createRange()
  live.setStart(range.startContainer, range.startOffset)
  live.setEnd(range.endContainer, range.endOffset)
  return live
}

/** Row height and characters per row of the article text, from its style and a sample of Chinese characters. */
function measureMetrics(root: HTMLElement): LineMetrics {
  const probe = document.createElement('span')
  probe.textContent = '中'.repeat(20)
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap'
  root.appendChild(probe)
  const charWidth = probe.getBoundingClientRect().width / 20
  probe.remove()
  const rowHeight = parseFloat(getComputedStyle(root).lineHeight) || DEFAULT_METRICS.rowHeight
  return { rowHeight, charsPerRow: charWidth > 0 ? Math.max(1, Math.floor(root.clientWidth / charWidth)) : DEFAULT_METRICS.charsPerRow }
}
