// Main-thread work per add, from a Chromium performance trace (the categories DevTools' Performance panel records):
// each event's self time on the page's main thread, sorted into scripting, style, layout and paint as DevTools
// sorts them, between two User Timing marks the driver set around each add.

export const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline']

export type WorkKind = 'scripting' | 'style' | 'layout' | 'paint'
export type Work = Record<WorkKind, number>

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
}

const KINDS: Record<string, WorkKind> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  EventDispatch: 'scripting',
  TimerFire: 'scripting',
  FireIdleCallback: 'scripting',
  FireAnimationFrame: 'scripting',
  RunMicrotasks: 'scripting',
  'v8.compile': 'scripting',
  'v8.compileModule': 'scripting',
  'v8.evaluateModule': 'scripting',
  'v8.run': 'scripting',
  'V8.Execute': 'scripting',
  MajorGC: 'scripting',
  MinorGC: 'scripting',
  'V8.GCIncrementalMarking': 'scripting',
  'V8.GCScavenger': 'scripting',
  'V8.GCFinalizeMC': 'scripting',
  BlinkGC: 'scripting',
  XHRReadyStateChange: 'scripting',
  XHRLoad: 'scripting',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  HitTest: 'layout',
  'IntersectionObserverController::computeIntersections': 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayerTree: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
}

export function noWork(): Work {
  return { scripting: 0, style: 0, layout: 0, paint: 0 }
}

export function total(work: Work): number {
  return work.scripting + work.style + work.layout + work.paint
}

/**
 * The work in each window between a mark named `${prefix}start-${i}` and `${prefix}end-${i}`, in ms, on the thread
 * those marks were set on (the page's main thread). Nested events count their self time only.
 */
export function workBetweenMarks(traceJson: string, prefix: string): Work[] {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  const marks = events.filter((e) => e.name.startsWith(prefix))
  if (marks.length === 0) return []
  const { pid, tid } = marks[0]
  const starts = new Map<string, number>()
  const windows: Array<{ from: number; to: number }> = []
  for (const mark of marks.sort((a, b) => a.ts - b.ts)) {
    const rest = mark.name.slice(prefix.length)
    const [edge, index] = rest.split('-')
    if (edge === 'start') starts.set(index, mark.ts)
    else if (starts.has(index)) windows.push({ from: starts.get(index)!, to: mark.ts })
  }
  const slices = completeEvents(events.filter((e) => e.pid === pid && e.tid === tid))
  const work = windows.map(() => noWork())
  // Self time: an event's duration less that of the events nested in it.
  const stack: Array<{ end: number; kind: WorkKind | null; start: number; child: number; window: number }> = []
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1].end <= until) {
      const done = stack.pop()!
      const self = done.end - done.start - done.child
      if (done.kind && done.window >= 0) work[done.window][done.kind] += self / 1000
      if (stack.length > 0) stack[stack.length - 1].child += done.end - done.start
    }
  }
  for (const slice of slices) {
    close(slice.ts)
    const window = windows.findIndex((w) => slice.ts >= w.from && slice.ts < w.to)
    stack.push({ start: slice.ts, end: slice.ts + slice.dur, kind: KINDS[slice.name] ?? null, child: 0, window })
  }
  close(Number.POSITIVE_INFINITY)
  return work
}

/** Complete ('X') events, and begin/end pairs joined into them, outermost first where they start together. */
function completeEvents(events: readonly TraceEvent[]): Array<{ name: string; ts: number; dur: number }> {
  const slices: Array<{ name: string; ts: number; dur: number }> = []
  const open: TraceEvent[] = []
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X' && e.dur !== undefined) slices.push({ name: e.name, ts: e.ts, dur: e.dur })
    else if (e.ph === 'B') open.push(e)
    else if (e.ph === 'E') {
      const begin = open.pop()
      if (begin) slices.push({ name: begin.name, ts: begin.ts, dur: e.ts - begin.ts })
    }
  }
  return slices.sort((a, b) => a.ts - b.ts || b.dur - a.dur)
}
