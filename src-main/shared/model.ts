// The data model shared by the service, the CLI and the renderer. Pure: no Node, no DOM.

/** Offsets are Unicode code points, end exclusive, everywhere outside the DOM layer. */
export interface Span {
  id: number
  documentId: string
  start: number
  end: number
  label: string
  /** The text the span covers when it was made, so drift is detected, not silently exported. */
  text: string
  annotator: string
  createdAt: string
}

export interface Label {
  name: string
  color: string
  /** A single key, '1'…'9' or a letter; '' for none. */
  hotkey: string
  description: string
}

export const DOCUMENT_STATUSES = ['new', 'in_progress', 'done', 'reviewed'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

/** The status of one annotator's layer of a document; the gold layer has 'reviewed' on the document instead. */
export const LAYER_STATUSES = ['new', 'in_progress', 'done'] as const
export type LayerStatus = (typeof LAYER_STATUSES)[number]

/** The reviewer's adjudicated layer: spans with this annotator are the gold version. No user may take the name. */
export const GOLD_LAYER = 'gold'

/** What `--layer suggestions` names in exports: the stored suggestions, which belong to no layer. No user may take it. */
export const SUGGESTIONS_LAYER = 'suggestions'

/** True for a name that would be mistaken for the gold layer, whatever its case or surrounding spaces. */
export function isGoldName(name: string): boolean {
  return name.trim().toLowerCase() === GOLD_LAYER
}

export interface DocumentSummary {
  id: string
  title: string
  /** 'reviewed' once a reviewer marked the document so, else the status of the user's own layer. */
  status: DocumentStatus
  /** The user's own layer's status, whether or not the document is reviewed. */
  layerStatus: LayerStatus
  /** The annotators whose layer of the document is done, by name. */
  finishedBy: string[]
  spanCount: number
  /** Length of the text in code points. */
  length: number
}

export interface Document extends DocumentSummary {
  text: string
  textSha256: string
  meta: Record<string, unknown>
}

export interface ProjectInfo {
  path: string
  name: string
  annotator: string
  /** True until the user has confirmed an annotator name once. */
  annotatorConfirmed: boolean
  labels: Label[]
  documentCount: number
  recentProjects: string[]
  /** True when the project file may not be written here: it is shown, and every edit is refused. */
  readOnly?: boolean
  /** The last project did not open at start (e.g. it is damaged), so another one was opened; told once. */
  reopenFailed?: { path: string; code: string; message: string }
}

export const DEFAULT_LABELS: readonly Label[] = [
  { name: 'metric', color: '#f59e0b', hotkey: '1', description: 'A reported figure with the indicator it quantifies' },
  { name: 'measure', color: '#10b981', hotkey: '2', description: 'A policy measure or action taken' },
  { name: 'organization', color: '#3b82f6', hotkey: '3', description: 'A government body, district, company or institution' },
  { name: 'date', color: '#d946ef', hotkey: '4', description: 'A date or time expression' },
]

/** Colours given to labels that arrive with an import and are not in the project yet. */
export const EXTRA_LABEL_COLORS = ['#ef4444', '#14b8a6', '#8b5cf6', '#84cc16', '#f97316', '#06b6d4', '#ec4899', '#64748b']

/** Spans in text order: by start, then end, then label and annotator so the order is total. */
export function compareSpans(
  a: Pick<Span, 'start' | 'end' | 'label' | 'annotator'>,
  b: Pick<Span, 'start' | 'end' | 'label' | 'annotator'>,
): number {
  return a.start - b.start || a.end - b.end || cmp(a.label, b.label) || cmp(a.annotator, b.annotator)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A typed, directed link from one span to another of the same document and layer. */
export interface Relation {
  id: number
  documentId: string
  /** The layer of both spans. */
  annotator: string
  /** The span ids at its two ends. */
  from: number
  to: number
  type: string
  createdAt: string
}

/** A project's kind of relation, edited like a label. Empty label lists allow every label at that end. */
export interface RelationType {
  name: string
  color: string
  /** A single key pressed in relation mode, '1'…'9' or a letter; '' for none. */
  hotkey: string
  description: string
  fromLabels: string[]
  toLabels: string[]
}

/** The labels whose spans head a fact: a reported figure or a measure taken. */
export const FACT_HEAD_LABELS: readonly string[] = ['metric', 'measure']

/** Report facts as the corpus states them; resources/guidelines.md says why these three. */
export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  {
    name: 'holder',
    color: '#2563eb',
    hotkey: '1',
    description: 'The organization the figure belongs to, or that carried out the measure',
    fromLabels: ['metric', 'measure'],
    toLabels: ['organization'],
  },
  {
    name: 'time',
    color: '#c026d3',
    hotkey: '2',
    description: 'The date or period the figure or measure holds for',
    fromLabels: ['metric', 'measure'],
    toLabels: ['date'],
  },
  {
    name: 'result_of',
    color: '#059669',
    hotkey: '3',
    description: 'The measure whose result the figure reports',
    fromLabels: ['metric'],
    toLabels: ['measure'],
  },
]

/** Colours given to relation types added by hand or arriving with an import, in turn. */
export const RELATION_TYPE_COLORS = ['#2563eb', '#c026d3', '#059669', '#dc2626', '#d97706', '#0891b2', '#7c3aed', '#4b5563']

/** True when a relation type allows a label at one end. */
export function allowsLabel(labels: readonly string[], label: string): boolean {
  return labels.length === 0 || labels.includes(label)
}
