// What `review.agreement` returns: agreement between annotators' layers over a whole project, per pair and for
// the group, overall and per label. The measures themselves are in agreement/.

/** A measure's value; null where it is undefined: nothing to compare, fewer than two annotators, or no disagreement to expect. */
export type Score = number | null

export interface SpanScores {
  /** Share of the second annotator's spans that the first also has. */
  precision: Score
  /** Share of the first annotator's spans that the second also has. */
  recall: Score
  f1: Score
}

export interface PairScores {
  /** Span F1, same start, end and label. */
  exactF1: SpanScores
  /** Span F1, same label and at least one shared character. */
  overlapF1: SpanScores
  /** Cohen's kappa on characters: each character is the label covering it or none (per label: that label or not). */
  cohenKappa: Score
  /** Krippendorff's unitizing alpha α_U. */
  unitizedAlpha: Score
}

export interface GroupScores {
  /** Mean of the pairs' exact-match F1. */
  exactF1: Score
  /** Mean of the pairs' overlap-match F1. */
  overlapF1: Score
  /** Fleiss' kappa on characters, all annotators at once. */
  fleissKappa: Score
  /** Krippendorff's unitizing alpha α_U, all annotators at once. */
  unitizedAlpha: Score
}

export interface PairAgreement {
  /** The first is the reference for precision and recall. */
  annotators: [string, string]
  overall: PairScores
  labels: Record<string, PairScores>
  /** Relation F1: a relation matches when both ends match exactly (start, end, label) and the type is equal. */
  relations: { overall: SpanScores; types: Record<string, SpanScores> }
}

export interface AgreementReport {
  /** The layers compared, in the order of the pairs. */
  annotators: string[]
  /** The project's labels, in their order. */
  labels: string[]
  /** The documents compared: those every compared annotator finished, or all of them with `allDocuments`. */
  documents: number
  /** True when every document was counted, finished or not. */
  allDocuments: boolean
  /** Documents left out, in project order, each with why: "alice has not finished". */
  leftOut: Array<{ documentId: string; title: string; reasons: string[] }>
  /** The compared documents laid end to end, in code points: the continuum the kappas and α_U are measured on. */
  characters: number
  /** Spans per annotator, then per label. */
  spans: Record<string, Record<string, number>>
  /** The project's relation types, in their order, then any other type a compared relation has. */
  relationTypes: string[]
  /** Relations per annotator, then per type. */
  relations: Record<string, Record<string, number>>
  pairs: PairAgreement[]
  group: { overall: GroupScores; labels: Record<string, GroupScores> }
}
