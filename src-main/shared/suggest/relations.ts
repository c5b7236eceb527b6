// Suggested relations: for each metric or measure, the nearest span in the same sentence that each relation type
// allows at its end (an organization as holder, a date as time, …). Pure, like the span suggestion sources; a
// suggestion becomes a relation only when someone accepts it (relations.add).
import { sentenceAround } from '../facts'
import { allowsLabel, FACT_HEAD_LABELS, type Relation, type RelationType, type Span } from '../model'
import { OffsetMap } from '../offsets'

export interface RelationSuggestion {
  /** Span ids, of one layer. */
  from: number
  to: number
  type: string
  source: 'relation'
  /** 0…1: 1 for a span touching the head, less the further it is. */
  score: number
}

/**
 * One suggestion per head (metric or measure) and relation type the head has no relation of yet: the span nearest to
 * the head, within its sentence, of the same layer, with a label the type allows at its end; on a tie, the one before
 * the head (reports name the district and the date first). A type that allows every label at its end suggests nothing.
 */
export function suggestRelations(text: string, spans: readonly Span[], relations: readonly Relation[], types: readonly RelationType[]): RelationSuggestion[] {
  const map = new OffsetMap(text)
  const linked = new Set(relations.map((r) => `${r.from}:${r.type}`))
  const suggestions: RelationSuggestion[] = []
  for (const head of spans) {
    if (!FACT_HEAD_LABELS.includes(head.label)) continue
    const sentence = sentenceAround(text, head.start, head.end, map)
    for (const type of types) {
      if (type.toLabels.length === 0 || !allowsLabel(type.fromLabels, head.label) || linked.has(`${head.id}:${type.name}`)) continue
      let best: { span: Span; gap: number } | undefined
      for (const span of spans) {
        if (span.id === head.id || span.annotator !== head.annotator || !type.toLabels.includes(span.label)) continue
        if (span.start < sentence.start || span.end > sentence.end) continue
        const gap = Math.max(0, span.start - head.end, head.start - span.end)
        if (!best || gap < best.gap || (gap === best.gap && span.start < best.span.start)) best = { span, gap }
      }
      if (best) suggestions.push({ from: head.id, to: best.span.id, type: type.name, source: 'relation', score: Math.round(1000 / (1 + best.gap / 10)) / 1000 })
    }
  }
  return suggestions
}
