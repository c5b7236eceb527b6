// The text-session model both views edit: a document, its lines and offset map, its spans, the caret, the anchor of
// the pending selection and the selected span. Built by one factory; every change gives a new session. Pure.
import type { Document, Span } from '../../src-main/shared/model'
import { OffsetMap } from '../../src-main/shared/offsets'
import { splitLines, type TextLines } from '../editor/textModel'

export interface TextSession {
  document: Document
  /** The text as lines, with the offset map every conversion of it goes through (`text.map`). */
  text: TextLines
  /** In text order. */
  spans: Span[]
  /** Code points, like every offset here. */
  caret: number
  /** The other end of the pending selection, which runs from here to the caret; null when there is none. */
  anchor: number | null
  selectedSpanId: number | null
}

export interface Stretch {
  start: number
  end: number
}

const NO_MARKS = { caret: 0, anchor: null, selectedSpanId: null }

export function createTextSession(document: Document, spans: Span[]): TextSession {
  return { document, text: splitLines(new OffsetMap(document.text)), spans, ...NO_MARKS }
}

/**
 * The session with the server's newer document and spans: the same text keeps its lines, caret and selection (the
 * selected span only while it is still there); another text starts over.
 */
export function refreshSession(session: TextSession, document: Document, spans: Span[]): TextSession {
  if (session.document.textSha256 !== document.textSha256) return createTextSession(document, spans)
  const selectedStillThere = spans.some((span) => span.id === session.selectedSpanId)
  return { ...session, document, spans, selectedSpanId: selectedStillThere ? session.selectedSpanId : null }
}

/** Moves the caret; with `extend` the pending selection grows or shrinks with it. */
export function placeCaret(session: TextSession, offset: number, extend: boolean): TextSession {
  return extend ? { ...session, caret: offset, anchor: session.anchor ?? session.caret, selectedSpanId: null } : { ...session, caret: offset, anchor: null }
}

/** A pending selection and a selected span exclude each other, so a key never has two targets. */
export function setPending(session: TextSession, anchor: number, focus: number): TextSession {
  return { ...session, anchor, caret: focus, selectedSpanId: null }
}

export function selectSpan(session: TextSession, id: number | null, caret = session.caret): TextSession {
  return { ...session, selectedSpanId: id, anchor: null, caret }
}

export function clearSelection(session: TextSession): TextSession {
  return { ...session, anchor: null, selectedSpanId: null }
}

export function pendingOf(session: TextSession | null): Stretch | null {
  if (!session || session.anchor === null || session.anchor === session.caret) return null
  return { start: Math.min(session.anchor, session.caret), end: Math.max(session.anchor, session.caret) }
}

/** The text between two code-point offsets. */
export function quote(session: TextSession, stretch: Stretch): string {
  return session.text.map.slice(stretch.start, stretch.end)
}
