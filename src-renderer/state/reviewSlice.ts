import type { ReviewLayers } from '../../src-main/shared/api'
import { settle, type Comparison } from '../../src-main/shared/comparison'
import { GOLD_LAYER, type Document, type DocumentSummary, type Span } from '../../src-main/shared/model'
import { OffsetMap } from '../../src-main/shared/offsets'
import { call } from '../api'
import { trimSelection } from '../editor/textModel'
import { takeEcho } from './echoes'
import { applyGold, changeGold, describeGold, inverseGold, type GoldEdit, type GoldOutcome } from './goldEdits'
import { loadGoldHistories, saveGoldHistories, type GoldHistory } from './goldHistoryStorage'
import {
  selectCurrentComparison,
  selectDisagreements,
  selectGoldSpans,
  selectReviewPending,
  selectSelectedGold,
  selectUnanimous,
  selectUnanimousKeys,
} from './reviewSelectors'
import { save } from './save'
import { serial } from './serial'
import { withoutSpans, withSpans } from './sortedSpans'
import type { SliceCreator, Store } from './types'

/** The compare view: one document with every layer, the annotators compared, and the gold layer the reviewer builds. */
export interface ReviewSlice {
  reviewLayers: ReviewLayers | null
  /** The annotators compared: all of them at first, two or more. */
  reviewAnnotators: string[]
  /** Gold joins the comparison as one more layer. */
  compareGold: boolean
  /** Every document of the project, for moving between them. */
  reviewDocuments: DocumentSummary[]
  reviewDocument: Document | null
  reviewOffsets: OffsetMap | null
  /** Every layer of the document, gold included, in text order. */
  reviewSpans: Span[]
  reviewCaret: number
  /** The other end of the pending selection; null when there is none. */
  reviewAnchor: number | null
  selectedGoldId: number | null
  /** The comparison the reviewer is on, by its stretch of text, which stays the same while gold changes. */
  currentComparison: { start: number; end: number } | null
  goldHistories: Record<string, GoldHistory>
  /** The project the gold histories belong to. */
  goldHistoryProject: string | null

  /** Opens the compare view on a document: the one asked for, else the one being reviewed or annotated, else the first not reviewed. */
  openReview(documentId?: string): Promise<void>
  refreshReview(announcedFor?: readonly string[]): Promise<void>
  closeReview(): void
  setReviewAnnotators(names: string[]): void
  setCompareGold(on: boolean): void
  placeReviewCaret(offset: number, extend: boolean): void
  setReviewPending(anchor: number, focus: number): void
  selectGold(id: number | null, caret?: number): void
  clearReviewSelection(): void
  goToComparison(comparison: { start: number; end: number } | null): void
  /** Moves to the next (or previous) disagreement after the current one, or after the caret. */
  stepDisagreement(direction: 1 | -1): void
  /** Takes one version of the current comparison into gold, replacing what gold had there. */
  takeVersion(index: number): Promise<void>
  acceptUnanimous(): Promise<void>
  /** Tags the pending selection in gold, or relabels the selected gold span. */
  tagGold(label: string): Promise<void>
  removeSelectedGold(): Promise<void>
  undoGold(): Promise<void>
  redoGold(): Promise<void>
  setReviewed(reviewed: boolean): Promise<boolean>
  /** Marks the document reviewed and opens the next one not reviewed, or returns to the library when none is left. */
  finishReview(): Promise<void>
}

const emptyMarks = { reviewCaret: 0, reviewAnchor: null, selectedGoldId: null, currentComparison: null }

// Answers to an older open are dropped when the reviewer has moved on.
let openRequest = 0

function quote(s: Store, span: { start: number; end: number }): string {
  return s.reviewOffsets?.slice(span.start, span.end) ?? ''
}

/** Folds a server answer into the view, the layer counts of the picker included (our own edits skip the refresh that brings them). */
function absorbGold(s: Store, outcome: GoldOutcome): Partial<Store> {
  const layers = s.reviewLayers
  if (outcome.kind === 'review-saved') {
    const { summary } = outcome
    const was = s.reviewDocuments.find((d) => d.id === summary.id)?.status === 'reviewed'
    const is = summary.status === 'reviewed'
    return {
      reviewDocument: s.reviewDocument?.id === summary.id ? { ...s.reviewDocument, ...summary } : s.reviewDocument,
      reviewDocuments: s.reviewDocuments.map((d) => (d.id === summary.id ? summary : d)),
      reviewLayers: layers && { ...layers, reviewed: layers.reviewed + Number(is) - Number(was) },
    }
  }
  const removed = new Set(outcome.removed.map((g) => g.id))
  const added = outcome.added.filter((g) => g.documentId === s.reviewDocument?.id)
  const reviewSpans = withSpans(withoutSpans(s.reviewSpans, removed), added)
  const hasGold = (spans: readonly Span[]) => Number(spans.some((g) => g.annotator === GOLD_LAYER))
  return {
    reviewSpans,
    selectedGoldId: s.selectedGoldId !== null && removed.has(s.selectedGoldId) ? null : s.selectedGoldId,
    reviewLayers: layers && {
      ...layers,
      gold: {
        ...layers.gold,
        spans: layers.gold.spans + outcome.added.length - outcome.removed.length,
        documents: layers.gold.documents + hasGold(reviewSpans) - hasGold(s.reviewSpans),
      },
    },
  }
}

export const createReviewSlice: SliceCreator<ReviewSlice> = (set, get) => {
  const stored = loadGoldHistories()

  function keepHistories(histories: Record<string, GoldHistory>): Partial<Store> {
    saveGoldHistories({ project: get().goldHistoryProject, histories })
    return { goldHistories: histories }
  }

  function recordGold(s: Store, edit: GoldEdit): Partial<Store> {
    const history = s.goldHistories[edit.documentId] ?? { undo: [], redo: [] }
    return keepHistories({ ...s.goldHistories, [edit.documentId]: { undo: [...history.undo, edit], redo: [] } })
  }

  /** One change of the gold layer as one undoable step; `select` picks the span to select among those added. */
  function performGold(
    add: ReadonlyArray<{ start: number; end: number; label: string }>,
    remove: readonly Span[],
    description: string,
    select?: (added: Span[]) => Span | undefined,
  ): Promise<boolean> {
    const documentId = get().reviewDocument?.id
    if (documentId === undefined) return Promise.resolve(false)
    return save(
      get,
      set,
      async () => {
        const done = await changeGold(documentId, add, remove)
        if (done.added.length + done.removed.length === 0) {
          get().setSaveStatus(`Nothing to change: ${description} is in gold already`)
          return null
        }
        const edit: GoldEdit = { kind: 'gold', documentId, ...done, description }
        const chosen = select?.(done.added)
        set(
          (s) => ({ ...absorbGold(s, { kind: 'gold-saved', ...done }), ...recordGold(s, edit), ...(chosen ? { selectedGoldId: chosen.id, reviewAnchor: null } : {}) }),
          undefined,
          'review/gold',
        )
        return `Saved · ${description}`
      },
      () => void get().refreshReview(),
    )
  }

  function replay(from: 'undo' | 'redo'): Promise<boolean> {
    return save(
      get,
      set,
      async () => {
        const id = get().reviewDocument?.id
        const edit = id === undefined ? undefined : get().goldHistories[id]?.[from].at(-1)
        if (id === undefined || !edit) return null
        const outcome = await applyGold(from === 'undo' ? inverseGold(edit) : edit)
        // Spans put back keep their ids, so the stack stays exact; the edit is stored as the server did it.
        const done: GoldEdit =
          edit.kind === 'gold' && outcome.kind === 'gold-saved'
            ? from === 'undo'
              ? { ...edit, added: outcome.removed, removed: outcome.added }
              : { ...edit, added: outcome.added, removed: outcome.removed }
            : edit
        set(
          (s) => {
            const history = s.goldHistories[id] ?? { undo: [], redo: [] }
            const rest = history[from].slice(0, -1)
            const moved = from === 'undo' ? { undo: rest, redo: [...history.redo, done] } : { undo: [...history.undo, done], redo: rest }
            return { ...absorbGold(s, outcome), ...keepHistories({ ...s.goldHistories, [id]: moved }) }
          },
          undefined,
          `review/${from}`,
        )
        return `Saved · ${from === 'undo' ? 'undid' : 'redid'}: ${describeGold(edit)}`
      },
      () => void get().refreshReview(),
    )
  }

  /** The document to open when none is named: the one on screen, else the last annotated, else the first not reviewed. */
  async function documentToOpen(documents: DocumentSummary[]): Promise<string | undefined> {
    const known = (id: string | null | undefined) => (id && documents.some((d) => d.id === id) ? id : undefined)
    return known(get().reviewDocument?.id) ?? known(get().document?.id) ?? known(get().lastOpenedId) ?? (await call('review.next', {})) ?? documents[0]?.id
  }

  return {
    reviewLayers: null,
    reviewAnnotators: [],
    compareGold: false,
    reviewDocuments: [],
    reviewDocument: null,
    reviewOffsets: null,
    reviewSpans: [],
    ...emptyMarks,
    goldHistories: stored.histories,
    goldHistoryProject: stored.project,

    openReview: async (documentId) => {
      const request = ++openRequest
      try {
        const [layers, documents] = await Promise.all([call('review.layers', {}), call('documents.list', {})])
        const id = documentId ?? (await documentToOpen(documents))
        const [document, spans] = id === undefined ? [null, []] : await Promise.all([call('documents.get', { id }), call('spans.list', { documentId: id })])
        if (request !== openRequest) return
        if (get().document) get().closeDocument()
        const project = get().project?.path ?? null
        const names = layers.annotators.map((a) => a.name)
        const kept = get().reviewAnnotators.filter((n) => names.includes(n))
        const sameDocument = document !== null && get().reviewDocument?.id === document.id && get().reviewDocument?.textSha256 === document.textSha256
        if (get().goldHistoryProject !== project) {
          saveGoldHistories({ project, histories: {} })
          set({ goldHistories: {}, goldHistoryProject: project }, undefined, 'review/newProject')
        }
        set(
          {
            view: 'review',
            notice: null,
            reviewLayers: layers,
            reviewDocuments: documents,
            reviewDocument: document,
            reviewOffsets: sameDocument ? get().reviewOffsets : document && new OffsetMap(document.text),
            reviewSpans: spans,
            reviewAnnotators: kept.length >= 2 ? kept : names,
            ...(sameDocument ? {} : emptyMarks),
          },
          undefined,
          'review/open',
        )
      } catch (error) {
        get().reportError(error)
      }
    },

    refreshReview: async (announcedFor) => {
      const id = get().reviewDocument?.id
      if (get().view !== 'review' || id === undefined) return
      // Our own writes are shown already; one on a document left since (marked reviewed, then next) needs nothing either.
      if (announcedFor && announcedFor.filter((d) => takeEcho(d)).length === announcedFor.length) return
      try {
        const [layers, documents, document, spans] = await serial(() =>
          Promise.all([call('review.layers', {}), call('documents.list', {}), call('documents.get', { id }), call('spans.list', { documentId: id })]),
        )
        set(
          (s) => {
            if (s.reviewDocument?.id !== id) return {}
            const names = layers.annotators.map((a) => a.name)
            const kept = s.reviewAnnotators.filter((n) => names.includes(n))
            return {
              reviewLayers: layers,
              reviewDocuments: documents,
              reviewDocument: document,
              reviewSpans: spans,
              reviewAnnotators: kept.length >= 2 ? kept : names,
              selectedGoldId: spans.some((g) => g.id === s.selectedGoldId) ? s.selectedGoldId : null,
            }
          },
          undefined,
          'review/refresh',
        )
      } catch (error) {
        get().reportError(error)
      }
    },

    closeReview: () => {
      openRequest++
      set({ view: 'library', notice: null, reviewDocument: null, reviewOffsets: null, reviewSpans: [], ...emptyMarks }, undefined, 'review/close')
      void get().loadLibrary()
    },

    setReviewAnnotators: (names) => set({ reviewAnnotators: names, currentComparison: null }, undefined, 'review/annotators'),
    setCompareGold: (compareGold) => set({ compareGold, currentComparison: null }, undefined, 'review/compareGold'),

    placeReviewCaret: (offset, extend) =>
      set(
        (s) => (extend ? { reviewCaret: offset, reviewAnchor: s.reviewAnchor ?? s.reviewCaret, selectedGoldId: null } : { reviewCaret: offset, reviewAnchor: null }),
        undefined,
        'review/caret',
      ),
    // A pending selection and a selected gold span exclude each other, so a key never has two targets.
    setReviewPending: (anchor, focus) => set({ reviewAnchor: anchor, reviewCaret: focus, selectedGoldId: null }, undefined, 'review/pending'),
    selectGold: (id, caret) => set((s) => ({ selectedGoldId: id, reviewAnchor: null, reviewCaret: caret ?? s.reviewCaret }), undefined, 'review/selectGold'),
    clearReviewSelection: () => set({ reviewAnchor: null, selectedGoldId: null }, undefined, 'review/clear'),

    goToComparison: (comparison) =>
      set(
        comparison ? { currentComparison: { start: comparison.start, end: comparison.end }, reviewCaret: comparison.start, reviewAnchor: null } : { currentComparison: null },
        undefined,
        'review/goTo',
      ),

    stepDisagreement: (direction) => {
      const s = get()
      const disagreements = selectDisagreements(s)
      if (disagreements.length === 0) {
        s.setSaveStatus(s.reviewAnnotators.length < 2 ? 'Choose two or more annotators to compare' : 'No disagreements in this document')
        return
      }
      const current = selectCurrentComparison(s)
      const from = current ?? { start: s.reviewCaret, end: s.reviewCaret }
      const after = (c: Comparison) => c.start > from.start || (c.start === from.start && c.end > from.end)
      const before = (c: Comparison) => c.start < from.start || (c.start === from.start && c.end < from.end)
      // At either end the walk wraps around, as find does.
      const next =
        direction === 1
          ? (disagreements.find((c) => (current ? after(c) : c.start >= from.start)) ?? disagreements[0])
          : (disagreements.findLast((c) => (current ? before(c) : c.start < from.start)) ?? disagreements[disagreements.length - 1])
      s.goToComparison(next)
    },

    takeVersion: async (index) => {
      const s = get()
      const comparison = selectCurrentComparison(s)
      const version = comparison?.versions[index]
      if (!comparison || !version) {
        s.setSaveStatus(comparison ? `This comparison has no version ${index + 1}` : 'Go to a disagreement first (n or ])')
        return
      }
      const { remove, add } = settle(comparison, version, selectGoldSpans(s), selectUnanimousKeys(s))
      if (remove.length + add.length === 0) {
        s.setSaveStatus(`Gold already has ${version.annotators.join(', ')}'s version here`)
        return
      }
      const what = version.spans.length === 0 ? `no span at “${quote(s, comparison)}”` : `${version.annotators.join(', ')}'s version of “${quote(s, comparison)}”`
      await performGold(add, remove, `take ${what}`)
    },

    acceptUnanimous: async () => {
      const s = get()
      if (s.reviewAnnotators.length < 2) {
        s.setSaveStatus('Choose two or more annotators to compare')
        return
      }
      const unanimous = selectUnanimous(s)
      if (unanimous.length === 0) {
        s.setSaveStatus('The annotators agree on no span in this document')
        return
      }
      await performGold(unanimous, [], `accept ${unanimous.length} unanimous span${unanimous.length === 1 ? '' : 's'}`)
    },

    tagGold: async (label) => {
      const s = get()
      const selection = selectReviewPending(s)
      if (selection) {
        set({ reviewAnchor: null }, undefined, 'review/tagStart')
        const range = s.reviewOffsets && trimSelection(s.reviewOffsets, selection.start, selection.end)
        if (!range) return
        await performGold([{ ...range, label }], [], `tag “${quote(s, range)}” as ${label} in gold`, (added) => added[0])
        return
      }
      const selected = selectSelectedGold(s)
      if (!selected) {
        s.setSaveStatus('Select some text or a gold span first')
        return
      }
      if (selected.label === label) return
      await performGold([{ start: selected.start, end: selected.end, label }], [selected], `relabel “${selected.text}” as ${label} in gold`, (added) => added[0])
    },

    removeSelectedGold: async () => {
      const selected = selectSelectedGold(get())
      if (selected) await performGold([], [selected], `remove “${selected.text}” from gold`)
    },

    undoGold: async () => {
      await replay('undo')
    },

    redoGold: async () => {
      await replay('redo')
    },

    setReviewed: (reviewed) => {
      const documentId = get().reviewDocument?.id
      if (documentId === undefined) return Promise.resolve(false)
      return save(get, set, async () => {
        if ((get().reviewDocument?.status === 'reviewed') === reviewed) return null
        const edit: GoldEdit = { kind: 'reviewed', documentId, reviewed }
        const outcome = await applyGold(edit)
        set((s) => ({ ...absorbGold(s, outcome), ...recordGold(s, edit) }), undefined, 'review/reviewed')
        return `Saved · ${describeGold(edit)}`
      })
    },

    finishReview: async () => {
      const document = get().reviewDocument
      if (!document) return
      if (document.status !== 'reviewed' && !(await get().setReviewed(true))) return
      try {
        const next = await call('review.next', { after: document.id })
        if (next === null) {
          get().closeReview()
          get().showView('library', `“${document.title}” is reviewed, and every document of the project is.`)
        } else {
          await get().openReview(next)
        }
      } catch (error) {
        get().reportError(error)
      }
    },
  }
}
