// Values derived from the state, each computed once per change of what it reads: find hits, how the layers compare,
// the live layer counts. One set per store (in its state as `derive`), so two stores never share an answer.
import type { ReviewLayers } from '../../src-main/shared/api'
import { compareLayers, spanKey, unanimousSpans, type Comparison, type VersionSpan } from '../../src-main/shared/comparison'
import { linkedFactsOf, type Fact } from '../../src-main/shared/facts'
import { GOLD_LAYER, type Document, type Relation, type RelationType, type Span } from '../../src-main/shared/model'
import type { OffsetMap } from '../../src-main/shared/offsets'
import { findHits, type Hits } from '../editor/findHits'
import { compareRelations } from './relationComparison'
import { relationFocusOf } from './relationState'

/** Remembers the last answer, so a selector returns the same object until its inputs change. */
export function lastOf<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let args: A | null = null
  let result: R
  return (...next: A) => {
    if (args === null || args.length !== next.length || args.some((a, i) => a !== next[i])) {
      result = compute(...next)
      args = next
    }
    return result
  }
}

/** The layer counts the server gave, with the open document's part replaced by what the review session holds now. */
function liveLayers(loaded: LoadedLayers, spans: readonly Span[], document: Document | null): ReviewLayers {
  const { layers, spans: spansThen, document: documentThen } = loaded
  const gold = (list: readonly Span[]) => list.filter((s) => s.annotator === GOLD_LAYER).length
  const hasGold = (list: readonly Span[]) => Number(gold(list) > 0)
  const reviewed = (d: Document | null) => Number(d?.status === 'reviewed')
  const sameDocument = document?.id === documentThen?.id
  return {
    ...layers,
    reviewed: layers.reviewed + (sameDocument ? reviewed(document) - reviewed(documentThen) : 0),
    gold: {
      ...layers.gold,
      spans: layers.gold.spans + (sameDocument ? gold(spans) - gold(spansThen) : 0),
      documents: layers.gold.documents + (sameDocument ? hasGold(spans) - hasGold(spansThen) : 0),
    },
  }
}

/** The server's layer counts and the open document's spans and status when it counted them. */
export interface LoadedLayers {
  layers: ReviewLayers
  spans: readonly Span[]
  document: Document | null
}

export function createDerivations() {
  const comparisons = lastOf((compared: readonly Span[], gold: readonly Span[], annotators: readonly string[], withGold: boolean): Comparison[] => {
    const layers = withGold ? [...annotators, GOLD_LAYER] : annotators
    // One layer alone compares with nothing: every span of it would look agreed on.
    return layers.length < 2 ? [] : compareLayers(withGold ? [...compared, ...gold] : compared, layers)
  })
  const unanimous = lastOf((spans: readonly Span[], annotators: readonly string[]): VersionSpan[] =>
    annotators.length < 2 ? [] : unanimousSpans(compareLayers(spans, annotators)),
  )
  return {
    findHits: lastOf((map: OffsetMap, query: string): Hits => findHits(map, query)),
    comparisons,
    disagreements: lastOf((all: readonly Comparison[]) => all.filter((c) => c.kind !== 'agree')),
    unanimous,
    unanimousIn: lastOf((all: readonly Comparison[]) => unanimousSpans(all)),
    unanimousKeys: lastOf((agreed: readonly VersionSpan[]) => new Set(agreed.map(spanKey))),
    layers: lastOf(liveLayers),
    relationFocus: lastOf(relationFocusOf),
    relationComparisons: lastOf((compared: readonly Span[], gold: readonly Span[], relations: readonly Relation[], layers: readonly string[]) =>
      // One layer alone compares with nothing.
      layers.length < 2 ? [] : compareRelations([...compared, ...gold], relations, layers),
    ),
    facts: lastOf((spans: readonly Span[], relations: readonly Relation[], types: readonly RelationType[]): readonly Fact[] => {
      const facts = linkedFactsOf(spans, relations)
      // The same empty list every time: a span added where nothing is linked does not redraw the fact list.
      if (facts.length === 0) return NO_FACTS
      const order = new Map(types.map((t, i) => [t.name, i]))
      const place = (type: string) => order.get(type) ?? types.length
      // factsOf keeps text order within a type; the stable sort keeps it.
      return facts.map((fact) => ({ ...fact, links: [...fact.links].sort((a, b) => place(a.type) - place(b.type)) }))
    }),
  }
}

const NO_FACTS: readonly Fact[] = Object.freeze([])

export type Derivations = ReturnType<typeof createDerivations>
