// The in-page half of the editor benchmark, installed in every page before its own scripts: it times opens, adds
// and scrolling with performance.now() inside the page, so the test runner's round trips never enter a figure.
import { LABELS, SLOW_FRAME_MS, type AppName, type ArmSpec, type Probe, type ScrollResult, type Timed } from '../protocol'

declare global {
  interface Window {
    factspanBench: Probe
  }
}

interface Measurement {
  spec: ArmSpec
  armedAt: number
  /** The trigger event's timestamp: when the browser took the click or the key press. */
  startedAt: number | null
  conditionMet: boolean
  /** Frames begun since the trigger, counted in each frame's animation callbacks. */
  frames: number
  /** The frame, counted from the trigger, whose rendering showed the effect. */
  paintedInFrame: number | null
  paintedAt: number | null
  /** Factspan only: the 'spans.add' request once its answer arrived; the server answers after its SQLite commit. */
  committed: (() => PerformanceResourceTiming | null) | null
  commit: PerformanceResourceTiming | null
  painted: () => boolean
  finished: boolean
  resolve: (timed: Timed) => void
  done: Promise<Timed>
  cleanup: () => void
}

let current: Measurement | null = null

function arm(spec: ArmSpec): void {
  if (current && !current.finished) throw new Error('factspanBench: the previous measurement has not finished')
  const cleanups: Array<() => void> = []
  let painted: () => boolean
  let committed: Measurement['committed'] = null
  if (spec.kind === 'open') {
    app = spec.app
    painted = spec.app === 'factspan' ? anyMark : spec.app === 'recogito' ? () => document.querySelector('.r6o-annotation') !== null : () => document.querySelector('mark') !== null
  } else if (spec.kind === 'change') {
    const before = signature(spec.highlight)
    painted = () => signature(spec.highlight) !== before
  } else if (spec.app === 'factspan') {
    const target = pendingSelection(spec)
    painted = () => labelMarkHolds(spec.label, target)
    if (painted()) throw new Error(`factspanBench: “${spec.quote}” is already painted as ${spec.label} before the key press`)
    performance.clearResourceTimings()
    committed = () => addRequest(measurement.startedAt!)
  } else {
    const added = watchFor(spec.id)
    cleanups.push(added.stop)
    painted = added.seen
  }
  let resolve!: (timed: Timed) => void
  const done = new Promise<Timed>((r) => (resolve = r))
  const measurement: Measurement = {
    spec,
    armedAt: performance.now(),
    startedAt: null,
    conditionMet: false,
    frames: 0,
    paintedInFrame: null,
    paintedAt: null,
    committed,
    commit: null,
    painted,
    finished: false,
    resolve,
    done,
    cleanup: () => cleanups.forEach((c) => c()),
  }
  const trigger = spec.kind === 'open' ? 'click' : 'keydown'
  const onTrigger = (e: Event) => (measurement.startedAt = eventTime(e))
  window.addEventListener(trigger, onTrigger, { capture: true, once: true })
  cleanups.push(() => window.removeEventListener(trigger, onTrigger, { capture: true }))
  current = measurement
  requestAnimationFrame(() => poll(measurement))
}

/** Once a frame: stops at the time box, and has the condition checked in this frame's rendering steps. */
function poll(m: Measurement): void {
  if (m.finished) return
  const now = performance.now()
  const from = m.startedAt ?? m.armedAt
  if (now - from > m.spec.timeoutMs) return finish(m, { ms: now - from, timedOut: true })
  if (m.startedAt !== null) {
    m.frames++
    if (m.committed && m.commit === null) m.commit = m.committed()
    // A new ResizeObserver reports once, after every rAF callback and layout of this frame and before its paint, so
    // a highlight set by a rAF callback queued after this one still counts for this frame.
    if (!m.conditionMet) {
      const observer = new ResizeObserver(() => {
        observer.disconnect()
        check(m)
      })
      observer.observe(document.documentElement)
    }
    settle(m)
  }
  if (!m.finished) requestAnimationFrame(() => poll(m))
}

/** Runs just before a frame paints; the time taken is that of a message posted from here, handled once it has rendered. */
function check(m: Measurement): void {
  if (m.finished || m.conditionMet || !m.painted()) return
  m.conditionMet = true
  m.paintedInFrame = m.frames
  afterThisFrame((t) => {
    m.paintedAt = t
    settle(m)
  })
}

function settle(m: Measurement): void {
  if (m.finished || m.paintedAt === null || m.startedAt === null) return
  if (m.committed && m.commit === null) return
  const ms = m.paintedAt - m.startedAt
  finish(
    m,
    m.commit
      ? { ms, frame: m.paintedInFrame ?? undefined, timedOut: false, commitMs: m.commit.responseEnd - m.startedAt, roundTripMs: m.commit.responseEnd - m.commit.startTime }
      : { ms, frame: m.paintedInFrame ?? undefined, timedOut: false },
  )
}

function finish(m: Measurement, timed: Timed): void {
  m.finished = true
  m.cleanup()
  m.resolve(timed)
}

function afterThisFrame(callback: (time: number) => void): void {
  const channel = new MessageChannel()
  channel.port1.onmessage = () => callback(performance.now())
  channel.port2.postMessage(null)
}

/** Input events carry the time the browser received them; a synthetic event without one counts from its dispatch. */
function eventTime(e: Event): number {
  const now = performance.now()
  return e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now
}

// Factspan paints each item as a mark behind its line's text: an element in the line's .line-marks, named for its
// highlight and carrying the item's code points (src-renderer/editor/layers.ts).
const MARKS = '.line-marks > [data-mark]'

function marksNamed(name: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(MARKS)].filter((m) => m.dataset.mark === name)
}

/** Where every mark of a highlight is, as one string to compare. */
function signature(name: string): string {
  return marksNamed(name)
    .map((m) => `${m.dataset.start}-${m.dataset.end}`)
    .sort()
    .join(' ')
}

function anyMark(): boolean {
  return document.querySelector(MARKS) !== null
}

interface Stretch {
  start: number
  end: number
}

/** Factspan paints its pending selection as a mark that is not a label's; that is where the span will go. */
function pendingSelection(spec: { quote: string; start: number; end: number }): Stretch {
  const pending = [...document.querySelectorAll<HTMLElement>(MARKS)].filter((m) => !LABELS.some((label) => m.dataset.mark?.includes(label)))
  const found = pending.find((m) => Number(m.dataset.start) === spec.start && Number(m.dataset.end) === spec.end)
  if (!found) throw new Error(`factspanBench: no mark other than the labels' holds the pending selection “${spec.quote}” (${spec.start}–${spec.end})`)
  return spec
}

/**
 * True when a mark of the label's highlight, now in the document, covers exactly the target. One selector query, so
 * that checking once a frame costs the page next to nothing (a scan of every mark cost 1.5 ms a frame at 1 MB).
 */
function labelMarkHolds(label: string, target: Stretch): boolean {
  const mark = document.querySelector(`.line-marks > [data-mark="label-${CSS.escape(label)}"][data-start="${target.start}"][data-end="${target.end}"]`)
  return mark !== null && mark.childElementCount > 0
}

/** The 'spans.add' request sent after `since`, from Resource Timing, once its answer has been received; null before. */
function addRequest(since: number): PerformanceResourceTiming | null {
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    if (entry.name.endsWith('/api/spans.add') && entry.startTime >= since && entry.responseEnd > 0) return entry
  }
  return null
}

/** Baselines: notices an element carrying span `id` (recogito's data-annotation, the mark view's data-spans) entering the DOM. */
function watchFor(id: string): { seen: () => boolean; stop: () => void } {
  let seen = false
  const carries = (node: Node) =>
    node instanceof Element &&
    (node.getAttribute('data-annotation') === id || (node.getAttribute('data-spans') ?? '').split(' ').includes(id))
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (seen) return
      if (record.type === 'attributes') seen = carries(record.target)
      else
        for (const node of record.addedNodes) {
          if (carries(node) || (node instanceof Element && [...node.querySelectorAll('[data-annotation], [data-spans]')].some(carries))) {
            seen = true
            break
          }
        }
    }
  })
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-annotation', 'data-spans'] })
  return { seen: () => seen, stop: () => observer.disconnect() }
}

let app: AppName | null = null
let scroller: Element | null = null

/** A node of the document's text: where the view paints a highlight. */
function textAnchor(): Node | null {
  if (app === 'recogito') return document.querySelector('.r6o-annotatable')
  if (app === 'marks') return document.querySelector('mark')
  return document.querySelector(MARKS)
}

/** The element that scrolls the document's text: the nearest ancestor of the text that has something to scroll. */
function documentScroller(): Element {
  if (scroller?.isConnected) return scroller
  const anchor = textAnchor()
  if (!anchor) throw new Error(`factspanBench: no text of the document found in the ${app ?? 'unopened'} view`)
  for (let element = anchor instanceof Element ? anchor : anchor.parentElement; element; element = element.parentElement) {
    const overflow = getComputedStyle(element).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && element.scrollHeight > element.clientHeight) return (scroller = element)
  }
  return (scroller = document.scrollingElement ?? document.documentElement)
}

function frames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)))
    step(count)
  })
}

async function scroll(pxPerSecond: number, timeoutMs: number): Promise<ScrollResult> {
  const element = documentScroller()
  element.scrollTop = 0
  await frames(2)
  return new Promise((resolve) => {
    let first: number | null = null
    let last = 0
    let count = 0
    let slow = 0
    let longest = 0
    let atEnd = false
    const step = (time: number) => {
      if (first === null) first = last = time
      else {
        const interval = time - last
        count++
        if (interval > SLOW_FRAME_MS) slow++
        longest = Math.max(longest, interval)
        last = time
      }
      const max = element.scrollHeight - element.clientHeight
      const timedOut = time - first > timeoutMs
      // The last frame counted is the one that rendered the bottom of the document.
      if (atEnd || timedOut) {
        resolve({ frames: count, slowFrames: slow, longestFrameMs: longest, durationMs: time - first, reached: max > 0 ? Math.min(1, element.scrollTop / max) : 1, timedOut })
        return
      }
      const target = Math.min(max, ((time - first) * pxPerSecond) / 1000)
      element.scrollTop = target
      atEnd = target >= max
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
}

window.factspanBench = {
  arm,
  result: () => {
    if (!current) return Promise.reject(new Error('factspanBench: nothing was armed'))
    return current.done
  },
  scroll,
  scrollTo: async (fraction) => {
    const element = documentScroller()
    element.scrollTop = fraction * (element.scrollHeight - element.clientHeight)
    await frames(2)
  },
  scrollerBox: () => {
    const { x, y, width, height } = documentScroller().getBoundingClientRect()
    return { x, y, width, height }
  },
  domNodes: () => {
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
    let count = 1
    while (walker.nextNode()) count++
    return count
  },
  frames,
  mark: (name) => void performance.mark(name),
}
