// Formats without annotators hold one set of spans: the layers merge, and a span two annotators share is written once.
import { compareSpans } from '../model'
import type { NativeSpan } from './native'

/** The record's spans in text order with each start, end and label once. */
export function distinctSpans(spans: readonly NativeSpan[]): NativeSpan[] {
  const seen = new Set<string>()
  const out: NativeSpan[] = []
  for (const span of [...spans].sort(compareSpans)) {
    const key = `${span.start}\u0000${span.end}\u0000${span.label}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(span)
  }
  return out
}
