// The one text surface of annotate and review: one block per line (paragraph) holding one text node and, after it,
// the marks its layers paint behind the text (layers.ts), driven by mouse and keys. Long documents are virtual: only the lines near the viewport are
// elements, between two spacers whose heights come from estimated, then measured, line heights. The selection is the
// session's, not the DOM's, so it may reach lines that are not rendered; a DOM selection made another way (caret
// browsing, select-all, assistive technology, a script) is read through domSelection() when a key needs one.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type ReactNode, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import type { Label, Span } from '../../src-main/shared/model'
import { caretBox, caretRect, reveal, toContent, type Box } from './caret'
import { canMeasure, liveRange, selectionInText, visibleRange } from './domOffsets'
import { characterAtPoint, utf16AtPoint } from './hitTest'
import { spansCovering, spanToSelect } from './spanChoice'
import { adjacentSpan, commandForKey, isVertical, moveCaret, type CaretMove, type EditorCommand } from './keyboard'
import { LayerPainter, type PaintLayer } from './layers'
import { LineHeights, type LineMetrics } from './lineHeights'
import type { Stretch } from './rangeIndex'
import { lineIndexAt, trimSelection, type TextLines } from './textModel'
import { paragraphAt, wordAt } from './words'

/** Documents up to this many UTF-16 units render every line; longer ones render the lines near the viewport. */
const VIRTUAL_ABOVE = 20_000
/** Lines are rendered this many viewport heights above and below the viewport. */
const OVERSCAN = 1
/** How many lines a virtual document renders before the viewport has been measured. */
const FIRST_WINDOW = 60
/** Before measuring: 18px text at line-height 1.95 in a 44em column. */
const DEFAULT_METRICS: LineMetrics = { rowHeight: 35.1, charsPerRow: 42 }
/** Dragging near or past an edge of the article scrolls it; the speed grows with the distance, up to this many px a frame. */
const AUTOSCROLL_MAX = 48
/** How far inside the edges dragging starts to scroll, in px. */
const AUTOSCROLL_EDGE = 16

/** The commands that act on the selection, and so take a DOM selection when the session has none. */
const SELECTION_COMMANDS = new Set<EditorCommand['type']>(['label', 'tagAll', 'find'])

/** What a view does with the keys and pointer the surface does not handle itself. */
export interface SurfaceHandlers {
  setCaret(offset: number, extend: boolean): void
  setPending(anchor: number, focus: number): void
  selectSpan(id: number | null, caret: number): void
  clearSelection(): void
  /** Every editor command comes here first; true when the view did it (a label, Delete, undo…). */
  command(command: EditorCommand): boolean
  /** Keys looked at before the editor's (review's n, p, Shift+digits); true when handled. */
  key?(e: KeyboardEvent<HTMLDivElement>): boolean
  /** A click on the text (not a drag), at the character under the pointer, before the span there is selected. */
  click?(character: number | null): void
  /** A drag with Alt (or Ctrl) held, from the character pressed on to the one released on: linking two spans. */
  linkDrag?(from: number, to: number): void
  /** The pointer rests over a character (null: over none); `boxOf` places a stretch in the surface's content box. */
  hover?(character: number | null, boxOf: (stretch: Stretch) => Box | null): void
}

export interface SurfaceProps {
  /** The focusable scroll region, so the view can give it focus back after a button press. */
  regionRef: RefObject<HTMLDivElement | null>
  /** The region's accessible name: "Article text", "Compared text". */
  label: string
  describedBy?: string
  className?: string
  lines: TextLines
  caret: number
  anchor: number | null
  /** The spans a click or Tab selects: the annotator's, or gold's in review; in text order. */
  selectable: readonly Span[]
  selectedId: number | null
  /** The labels, whose hotkeys the keyboard model knows. */
  labels: readonly Label[]
  layers: readonly PaintLayer[]
  /** Scrolled into view whenever it changes: the selected span, a find hit, the current comparison. */
  focus: Stretch | null
  on: SurfaceHandlers
  /** Drawn over the text, in its content coordinates (a tooltip). */
  children?: ReactNode
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
      <span className="line-marks" aria-hidden="true" />
    </div>
  )
})

/** The DOM selection inside the article as a code-point range, trimmed of white space; null when there is none. */
export function domSelection(root: HTMLElement | null, lines: TextLines): { anchor: number; focus: number } | null {
  const selection = typeof window === 'undefined' ? null : window.getSelection()
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null
  const picked = selectionInText(root, lines, selection)
  if (!picked) return null
  const trimmed = trimSelection(lines.map, Math.min(picked.anchor, picked.focus), Math.max(picked.anchor, picked.focus))
  if (!trimmed) return null
  return picked.focus >= picked.anchor ? { anchor: trimmed.start, focus: trimmed.end } : { anchor: trimmed.end, focus: trimmed.start }
}

export function TextSurface({ regionRef, label, describedBy, className, lines, caret, anchor, selectable, selectedId, labels, layers, focus, on, children }: SurfaceProps) {
  const virtual = lines.map.utf16Length > VIRTUAL_ABOVE
  const heights = useMemo(() => new LineHeights(lines.texts.map((t) => t.length), DEFAULT_METRICS), [lines])
  const [rendered, setWindow] = useState<RenderedLines | null>(null)
  const [layoutVersion, setLayoutVersion] = useState(0)
  const painter = useMemo(() => new LayerPainter(), [])
  const styles = layers.map((l) => l.styles ?? '').join('\n')

  const linesRef = useRef<HTMLDivElement>(null)
  const caretRef = useRef<HTMLDivElement>(null)
  /** Pixel column kept across ↑/↓ and page presses. */
  const goalX = useRef<number | null>(null)
  /** A range to scroll into view once its lines are rendered; set by keys and by `focus`. */
  const revealTarget = useRef<{ start: number; end: number; tries: number } | null>(null)
  const lastFocus = useRef<string>('')
  /** The pending selection of the last render: a span tagged on it is where the user is, and needs no reveal. */
  const lastPending = useRef<string>('')
  /** What the caret and the window were last measured for: an effect that changed neither reads no layout. */
  const measuredFor = useRef<{ caret: string; window: string; lines: TextLines | null }>({ caret: '', window: '', lines: null })
  /** The width the text was last wrapped at: 0 before the first layout. */
  const metricsWidth = useRef(0)
  const hovered = useRef<number | null>(null)

  const current: RenderedLines =
    rendered?.lines === lines ? rendered : { lines, first: 0, last: virtual ? Math.min(lines.starts.length - 1, FIRST_WINDOW) : lines.starts.length - 1 }

  /** The lines to render for the scroll position now; every line of a short document. */
  function wantedWindow(): RenderedLines | null {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root) return null
    if (!virtual) return { lines, first: 0, last: lines.starts.length - 1 }
    const top = region.scrollTop - root.offsetTop
    const view = region.clientHeight
    return { lines, first: heights.lineAt(Math.max(0, top - view * OVERSCAN)), last: heights.lineAt(top + view * (1 + OVERSCAN)) }
  }

  /** Renders other lines when the viewport comes within half a screen of the rendered ones. */
  function followScroll(): void {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root || !virtual) return
    const top = region.scrollTop - root.offsetTop
    const view = region.clientHeight
    const short =
      (current.first > 0 && top - view / 2 < heights.top(current.first)) ||
      (current.last < lines.starts.length - 1 && top + view * 1.5 > heights.top(current.last + 1))
    if (!short) return
    const wanted = wantedWindow()
    if (wanted && (wanted.first !== current.first || wanted.last !== current.last)) setWindow(wanted)
  }

  const focusKey = focus ? `${focus.start}:${focus.end}` : ''
  if (focusKey !== lastFocus.current) {
    lastFocus.current = focusKey
    if (focus && focusKey !== lastPending.current) revealTarget.current = { start: focus.start, end: focus.end, tries: 0 }
  }
  lastPending.current = anchor !== null && anchor !== caret ? `${Math.min(anchor, caret)}:${Math.max(anchor, caret)}` : ''

  // Measures what was rendered, follows a pending reveal, places the caret and paints: after every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root) return
    if (canMeasure()) {
      // Only a virtual document has spacers, whose heights come from the lines measured.
      if (virtual) {
        for (const element of root.children as HTMLCollectionOf<HTMLElement>) {
          const index = element.dataset.line
          if (index !== undefined && !heights.isMeasured(Number(index))) heights.measure(Number(index), element.getBoundingClientRect().height)
        }
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
        const rect = range && target.end > target.start ? toLive(range).getBoundingClientRect() : caretRect(root, lines, target.start)
        if (rect) reveal(region, toContent(region, rect))
      }
      // Each read of the layout below forces one when the page changed (a side list, the status line): only when
      // what they depend on changed, which an edit elsewhere in the text (a new span) does not.
      const windowKey = `${current.first}:${current.last}:${layoutVersion}:${lines.starts.length}`
      const caretKey = `${caret}:${windowKey}`
      const moved = measuredFor.current.window !== windowKey || measuredFor.current.lines !== lines || target !== null
      measuredFor.current.window = windowKey
      measuredFor.current.lines = lines
      if (moved) followScroll()
      const bar = caretRef.current
      if (bar && (moved || measuredFor.current.caret !== caretKey)) {
        measuredFor.current.caret = caretKey
        const box = caretBox(region, root, lines, Math.min(caret, lines.map.codePointLength))
        // Written only when it moved: a style write invalidates the caret's paint even when the value is the same.
        const place = box ? `${box.left}:${box.top}:${box.height}` : 'none'
        if (bar.dataset.place !== place) {
          bar.dataset.place = place
          bar.style.display = box ? '' : 'none'
          if (box) {
            bar.style.transform = `translate(${box.left}px, ${box.top}px)`
            bar.style.height = `${box.height}px`
          }
        }
      }
    }
    painter.paint(root, lines, current.first, current.last, layers)
  })

  useEffect(() => () => painter.clear(), [painter])

  // A new width re-wraps the text, and so does a font that arrives late: a long document's line-height estimates
  // start over (they are also made here on the first layout), every mark is measured again, and one new layout
  // version renders the window and measures the caret again. One observer for all of it, so a new width renders once.
  useLayoutEffect(() => {
    const root = linesRef.current
    if (!root || !canMeasure() || typeof ResizeObserver === 'undefined') return
    const rewrapped = (fontsChanged: boolean) => {
      const width = root.clientWidth
      if (width === 0 || (width === metricsWidth.current && !fontsChanged)) return
      const first = metricsWidth.current === 0
      metricsWidth.current = width
      // A short document renders every line and has no spacers to size: nothing to estimate on its first layout.
      if (first && !virtual) return
      if (virtual) heights.reestimate(measureMetrics(root))
      if (!first) painter.remeasure()
      setLayoutVersion((v) => v + 1)
    }
    rewrapped(false)
    const observer = new ResizeObserver(() => rewrapped(false))
    observer.observe(root)
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined
    const fontsLoaded = () => rewrapped(true)
    fonts?.addEventListener('loadingdone', fontsLoaded)
    return () => {
      observer.disconnect()
      fonts?.removeEventListener('loadingdone', fontsLoaded)
      metricsWidth.current = 0
    }
  }, [heights, virtual, painter])
  void layoutVersion

  /** The code point nearest to a viewport point, the point first pulled inside the article's visible box. */
  function offsetAtPoint(x: number, y: number): number | null {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root) return null
    const frame = region.getBoundingClientRect()
    const box = root.getBoundingClientRect()
    const inX = Math.min(Math.max(x, box.left + 1), box.right - 1)
    const inY = Math.min(Math.max(y, frame.top + 1), frame.bottom - 1)
    const utf16 = utf16AtPoint(root, lines, inX, inY)
    return utf16 === null ? null : lines.map.toCodePoint(utf16, 'before')
  }

  /** The code point of the character drawn under a viewport point, or null beside the text. */
  function characterUnder(x: number, y: number): number | null {
    const root = linesRef.current
    const character = root && characterAtPoint(root, lines, x, y)
    return character === null || character === undefined ? null : lines.map.toCodePoint(character)
  }

  function onMouseDown(e: ReactMouseEvent) {
    if (e.button !== 0) return
    // A press on the scrollbar only scrolls.
    if (e.target === e.currentTarget && e.nativeEvent.offsetX >= e.currentTarget.clientWidth) return
    // The selection is ours: the browser's would stop at the rendered lines.
    e.preventDefault()
    window.getSelection()?.removeAllRanges()
    regionRef.current?.focus({ preventScroll: true })
    goalX.current = null
    const at = offsetAtPoint(e.clientX, e.clientY)
    if (at === null) return
    const utf16 = lines.map.toUtf16(at)
    if (e.detail === 2 || e.detail >= 3) {
      const part = e.detail === 2 ? wordAt(lines, utf16) : paragraphAt(lines, utf16)
      const trimmed = trimSelection(lines.map, lines.map.toCodePoint(part.start), lines.map.toCodePoint(part.end, 'after'))
      if (trimmed) on.setPending(trimmed.start, trimmed.end)
      return
    }
    if (e.shiftKey) {
      on.setCaret(at, true)
      return
    }
    if ((e.altKey || e.ctrlKey || e.metaKey) && on.linkDrag) {
      linkDrag(e.clientX, e.clientY)
      return
    }
    dragFrom(at, e.clientX, e.clientY)
  }

  /** Follows a drag with a modifier held: released over another character, it asks the view to link the two. */
  function linkDrag(x0: number, y0: number): void {
    const from = characterUnder(x0, y0)
    const onUp = (e: MouseEvent) => {
      window.removeEventListener('mouseup', onUp)
      const to = characterUnder(e.clientX, e.clientY)
      if (from !== null && to !== null) on.linkDrag?.(from, to)
    }
    window.addEventListener('mouseup', onUp)
  }

  /** Follows a drag from an offset: the pending selection grows to the pointer, and the article scrolls at its edges. */
  function dragFrom(from: number, x0: number, y0: number): void {
    const region = regionRef.current
    if (!region) return
    const pointer = { x: x0, y: y0 }
    let focusAt = from
    let moved = false
    let frame = 0
    const follow = () => {
      const at = offsetAtPoint(pointer.x, pointer.y)
      if (at === null) return
      focusAt = at
      if (at !== from) moved = true
      if (moved) on.setPending(from, at)
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
      if (moved) {
        const trimmed = trimSelection(lines.map, Math.min(from, focusAt), Math.max(from, focusAt))
        if (!trimmed) on.setCaret(focusAt, false)
        else if (focusAt >= from) on.setPending(trimmed.start, trimmed.end)
        else on.setPending(trimmed.end, trimmed.start)
        return
      }
      // A click: the span under the pointer, shortest first, then the next one on each click; else the caret.
      const character = characterUnder(e.clientX, e.clientY)
      on.click?.(character)
      const covering = character === null ? [] : spansCovering(selectable, character)
      on.selectSpan(spanToSelect(covering, selectedId)?.id ?? null, from)
    }
    window.addEventListener('mousemove', onMove)
    window.addEventListener('mouseup', onUp)
  }

  function onMouseMove(e: ReactMouseEvent) {
    if (!on.hover || e.buttons !== 0) return
    const character = characterUnder(e.clientX, e.clientY)
    if (character === hovered.current) return
    hovered.current = character
    on.hover(character, boxOf)
  }

  function onMouseLeave() {
    hovered.current = null
    on.hover?.(null, boxOf)
  }

  /** Where the last row of a stretch is drawn, in the region's content coordinates; null off the rendered lines. */
  function boxOf(stretch: Stretch): Box | null {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root || !canMeasure()) return null
    const range = visibleRange(root, lines, stretch.start, stretch.end)
    const rects = range ? toLive(range).getClientRects() : null
    const last = rects?.[rects.length - 1]
    return last ? toContent(region, last) : null
  }

  /** Where ↑ ↓ PageUp PageDown land: the same x one row (or one screen) away, read from the layout. */
  function verticalMove(move: CaretMove, from: number): number | null {
    const region = regionRef.current
    const root = linesRef.current
    if (!region || !root || !canMeasure()) return null
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
    if (e.nativeEvent.isComposing) return
    if (on.key?.(e)) {
      e.preventDefault()
      return
    }
    const command = commandForKey(e, labels)
    if (!command) return
    // With no selection of its own, the session takes one made in the DOM (caret browsing, select-all, a script).
    if (anchor === null && selectedId === null && SELECTION_COMMANDS.has(command.type)) {
      const picked = domSelection(linesRef.current, lines)
      if (picked) on.setPending(picked.anchor, picked.focus)
    }
    if (on.command(command)) {
      e.preventDefault()
      return
    }
    switch (command.type) {
      case 'move': {
        const pending = anchor === null || anchor === caret ? null : { start: Math.min(anchor, caret), end: Math.max(anchor, caret) }
        // As in text editors, ← or → without Shift first collapses a selection to its start or end.
        if (pending && !command.extend && (command.move === 'left' || command.move === 'right')) {
          on.setCaret(command.move === 'left' ? pending.start : pending.end, false)
          break
        }
        const vertical = isVertical(command.move)
        if (!vertical) goalX.current = null
        const next = (vertical ? verticalMove(command.move, caret) : null) ?? moveCaret(lines, caret, command.move, null).caret
        revealTarget.current = { start: next, end: next, tries: 0 }
        on.setCaret(next, command.extend)
        break
      }
      case 'selectSpan': {
        const span = adjacentSpan(selectable, selectedId, caret, command.direction)
        // Past the last (or first) span, Tab leaves the article as usual, so focus is never trapped here.
        if (!span) return
        on.selectSpan(span.id, span.start)
        break
      }
      case 'clear':
        window.getSelection()?.removeAllRanges()
        on.clearSelection()
        break
      default:
        return
    }
    e.preventDefault()
  }

  function onCopy(e: ClipboardEvent) {
    const selected = selectedId === null ? null : selectable.find((s) => s.id === selectedId)
    const range = anchor !== null && anchor !== caret ? { start: Math.min(anchor, caret), end: Math.max(anchor, caret) } : selected
    if (!range) return
    e.clipboardData.setData('text/plain', lines.map.slice(range.start, range.end))
    e.preventDefault()
  }

  const { first, last } = current
  const indices: number[] = []
  for (let i = first; i <= last; i++) indices.push(i)

  return (
    <div
      ref={regionRef}
      className={className ? `article ${className}` : 'article'}
      role="document"
      aria-label={label}
      aria-describedby={describedBy}
      tabIndex={0}
      onMouseDown={onMouseDown}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onKeyDown={onKeyDown}
      onScroll={() => followScroll()}
      onCopy={onCopy}
    >
      {styles && <style>{styles}</style>}
      <div ref={linesRef} className="article-lines" lang="zh" data-first={first} data-last={last}>
        <div className="spacer" data-spacer="before" style={{ height: heights.top(first) }} />
        {indices.map((i) => (
          <Line key={i} index={i} start={lines.starts[i]} text={lines.texts[i]} />
        ))}
        <div className="spacer" data-spacer="after" style={{ height: heights.total() - heights.top(last + 1) }} />
      </div>
      <div ref={caretRef} className="caret" aria-hidden="true" />
      {children}
    </div>
  )
}

/** A live range over a static one, to measure it at once. */
function toLive(range: StaticRange): Range {
  return liveRange(range.startContainer, range.startOffset, range.endContainer, range.endOffset)
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
