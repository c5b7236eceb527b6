// What the node side of the editor benchmark and the pages it drives agree on. Pure types: no DOM, no Node.

/** The three views measured on the same document: Factspan and its two baselines. */
export type AppName = 'factspan' | 'recogito' | 'marks'

/** A span of a generated document; offsets in code points, end exclusive. */
export interface BenchSpan {
  id: string
  start: number
  end: number
  label: string
  /** Whose layer the span is in; the benchmark's annotator when absent. */
  annotator?: string
}

/** What the baseline pages fetch from /data/<id>.json when "Open document" is clicked. */
export interface BenchDocumentData {
  id: string
  title: string
  text: string
  spans: BenchSpan[]
}

/** One timed interaction, measured inside the page with performance.now(). */
export interface Timed {
  /** From the trigger to the end of the first rendered frame that shows its effect. */
  ms: number
  /** Which frame after the trigger showed it: 1 is the first frame begun after the key press or click. */
  frame?: number
  timedOut: boolean
  /** Factspan adds: from the key press to the 'spans.add' answer, which the server sends after its SQLite commit. */
  commitMs?: number
  /** Factspan adds: the 'spans.add' request's round trip (fetch start to response end), so the server's part shows. */
  roundTripMs?: number
}

export interface ScrollResult {
  frames: number
  /** rAF intervals longer than SLOW_FRAME_MS: frames that missed their 60 Hz slot. */
  slowFrames: number
  longestFrameMs: number
  durationMs: number
  /** Share of the scroll height reached, 0…1. */
  reached: number
  timedOut: boolean
}

export type ArmSpec =
  /** The next click starts the clock; it stops at the first rendered frame with a highlight. */
  | { kind: 'open'; app: AppName; timeoutMs: number }
  /**
   * The next key press starts the clock. Factspan: it stops when a frame has been rendered with a mark for `label`
   * over start…end, where the pending selection (whose text is `quote`) was marked, and the 'spans.add' answer has arrived.
   * Baselines: it stops at the first rendered frame after an element carrying span `id` entered the DOM.
   */
  | { kind: 'add'; app: 'factspan'; label: string; quote: string; start: number; end: number; timeoutMs: number }
  | { kind: 'add'; app: 'recogito' | 'marks'; id: string; timeoutMs: number }
  /** The next key press starts the clock; it stops at the first rendered frame in which the named highlight's marks differ from now. */
  | { kind: 'change'; app: 'factspan'; highlight: string; timeoutMs: number }

/** Installed in every page as `window.factspanBench` (bench/editor/browser/probe.tsx). */
export interface Probe {
  arm(spec: ArmSpec): void
  result(): Promise<Timed>
  /** Scrolls the page's document scroller from top to bottom at a fixed pace, counting slow frames. */
  scroll(pxPerSecond: number, timeoutMs: number): Promise<ScrollResult>
  /** Scrolls the document scroller to a share of its height and waits for two frames. */
  scrollTo(fraction: number): Promise<void>
  /** The document scroller's box in the viewport, so the driver can click into the text. */
  scrollerBox(): { x: number; y: number; width: number; height: number }
  /** Elements and text nodes in the document. */
  domNodes(): number
  frames(count: number): Promise<void>
  /** A User Timing mark, which a performance trace records on the page's main thread. */
  mark(name: string): void
}

/** A selection made in a baseline page, in code points of the document. */
export interface BaselineSelection {
  start: number
  end: number
  quote: string
}

/** Installed by the baseline pages as `window.benchPage`. */
export interface BaselinePage {
  /**
   * Selects `length` characters from the text under a viewport point (natively, as a user would) and names the
   * span the next "1" key press adds; null when no text is there or the selection would leave its paragraph.
   */
  selectAt(x: number, y: number, length: number, id: string): BaselineSelection | null
}

/** An rAF interval above this missed its 60 Hz slot: on time it measures 16.7 ms give or take 0.2 ms. */
export const SLOW_FRAME_MS = 16.7 * 1.5

/** The label the add measurement tags with, and its key in all three views. */
export const ADD_LABEL = 'metric'
export const ADD_KEY = '1'
export const LABELS = ['metric', 'measure', 'organization', 'date'] as const
