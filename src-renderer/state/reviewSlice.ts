// The review session: one document with every layer, the annotators compared, and the gold layer the reviewer builds.
import { settle, type Comparison } from '../../src-main/shared/comparison'
import { GOLD_LAYER, type DocumentSummary, type Span } from '../../src-main/shared/model'
import { trimSelection } from '../editor/textModel'
import type { LoadedLayers } from './derivations'
import { applyGold, changeGold, type GoldRelationEnds } from './applyEdits'
import { compareRelations, relationsAgreed, relationsToTake } from './relationComparison'
import { describeGold, inverseGold, type GoldEdit, type GoldOutcome } from './goldEdits'
import { historyOf, moveEdit, pushEdit, type Histories } from './history'
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
import { withoutSpans, withSpans } from './sortedSpans'
import { clearSelection, createTextSession, placeCaret, quote, refreshSession, selectSpan, setPending, type Stretch, type TextSession } from './textSession'
import type { SliceCreator, Store } from './types'

export interface ReviewSlice {
  /** The document's gold layer, which the reviewer edits, selects and tabs through; in text order. */
  review: TextSession | null
  /** The annotators' layers of the document, in text order: compared, never edited here. */
  comparedSpans: Span[]
  /** The layers as the server last counted them, with what the session held then. */
  loadedLayers: LoadedLayers | null
  /** The annotators compared: all of them at first, two or more. */
  reviewAnnotators: string[]
  /** Gold joins the comparison as one more layer. */
  compareGold: boolean
  /** Every document of the project, for moving between them. */
  reviewDocuments: DocumentSummary[]
  /** The comparison the reviewer is on, by its stretch of text, which stays the same while gold changes. */
  currentComparison: Stretch | null
  reviewHistories: Histories<GoldEdit>

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
  goToComparison(comparison: Stretch | null): void
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

/** Folds a server answer into the session; the layer counts follow from it (selectReviewLayers). */
function absorbGold(s: Store, outcome: GoldOutcome): Partial<Store> {
  const session = s.review
  if (outcome.kind === 'review-saved') {
    const { summary } = outcome
    return {
      review: session?.document.id === summary.id ? { ...session, document: { ...session.document, ...summary } } : session,
      reviewDocuments: s.reviewDocuments.map((d) => (d.id === summary.id ? summary : d)),
    }
  }
  if (!session) return {}
  const removed = new Set(outcome.removed.map((g) => g.id))
  const added = outcome.added.filter((g) => g.documentId === session.document.id)
  const selected = session.selectedSpanId !== null && removed.has(session.selectedSpanId) ? null : session.selectedSpanId
  return { review: { ...session, spans: withSpans(withoutSpans(session.spans, removed), added), selectedSpanId: selected } }
}

/** A document's spans split into the gold layer and the annotators' layers, each still in text order. */
function byLayer(spans: readonly Span[]): { gold: Span[]; compared: Span[] } {
  const gold: Span[] = []
  const compared: Span[] = []
  for (const span of spans) (span.annotator === GOLD_LAYER ? gold : compared).push(span)
  return { gold, compared }
}

/** The same spans, so a refresh after a gold edit keeps the comparisons as they are. */
function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((span, i) => span.id === b[i].id && span.start === b[i].start && span.end === b[i].end && span.label === b[i].label)
}

/** The annotators to compare: those still chosen, or every one when fewer than two are left. */
function keptAnnotators(s: Store, layers: LoadedLayers['layers']): string[] {
  const names = layers.annotators.map((a) => a.name)
  const kept = s.reviewAnnotators.filter((n) => names.includes(n))
  return kept.length >= 2 ? kept : names
}

export const createReviewSlice: SliceCreator<ReviewSlice> = (ctx) => {
  const { set, get, api, runtime } = ctx
  const edit = (change: (session: TextSession) => TextSession, action: string) =>
    set((s) => (s.review ? { review: change(s.review) } : {}), undefined, action)

  /**
   * One change of the gold layer as one undoable step; `select` picks the span to select among those added. Painted
   * at once, before the server answers, as a tag in the annotate view is: the answer puts the saved spans in place
   * of the provisional ones, and a refusal puts gold back as it was.
   */
  function performGold(
    add: ReadonlyArray<{ start: number; end: number; label: string }>,
    remove: readonly Span[],
    description: string,
    select?: (added: Span[]) => Span | undefined,
    relations?: { add: GoldRelationEnds[] },
  ): Promise<boolean> {
    const session = get().review
    if (!session) return Promise.resolve(false)
    const documentId = session.document.id
    const createdAt = new Date().toISOString()
    const provisional: Span[] = add.map((a) => ({ id: runtime.provisional.next(), documentId, ...a, text: quote(session, a), annotator: GOLD_LAYER, createdAt }))
    const provisionalIds = new Set(provisional.map((p) => p.id))
    const removedIds = new Set(remove.map((g) => g.id))
    const open = (s: Store) => (s.review?.document.id === documentId ? s.review : null)
    set(
      (s) => {
        const review = open(s)
        if (!review) return {}
        const selected = select?.(provisional)?.id ?? (review.selectedSpanId !== null && removedIds.has(review.selectedSpanId) ? null : review.selectedSpanId)
        return { review: { ...review, spans: withSpans(withoutSpans(review.spans, removedIds), provisional), selectedSpanId: selected } }
      },
      undefined,
      'review/goldStart',
    )
    /** Gold without the provisional spans, with those taken away put back when `restore`. */
    const settledFrom = (s: Store, restore: boolean): Store => {
      const review = open(s)
      if (!review) return s
      const spans = withoutSpans(review.spans, provisionalIds)
      const selectedSpanId = review.selectedSpanId !== null && provisionalIds.has(review.selectedSpanId) ? null : review.selectedSpanId
      return { ...s, review: { ...review, spans: restore ? withSpans(spans, remove) : spans, selectedSpanId } }
    }
    return save(
      ctx,
      async () => {
        const done = await changeGold(ctx, documentId, add, remove, relations)
        if (done.added.length + done.removed.length + done.addedRelations.length + done.removedRelations.length === 0) {
          set((s) => settledFrom(s, true), undefined, 'review/goldNothing')
          get().setSaveStatus(`Nothing to change: ${description} is in gold already`)
          return null
        }
        const goldEdit: GoldEdit = { kind: 'gold', documentId, ...done, description }
        const chosen = select?.(done.added)
        set(
          (s) => {
            const absorbed = absorbGold(settledFrom(s, false), { kind: 'gold-saved', ...done })
            const review = chosen && absorbed.review ? { ...absorbed.review, selectedSpanId: chosen.id, anchor: null } : absorbed.review
            return { ...absorbed, review, reviewHistories: pushEdit(s.reviewHistories, documentId, goldEdit) }
          },
          undefined,
          'review/gold',
        )
        await get().loadReviewRelations(documentId)
        return `Saved · ${description}`
      },
      () => {
        set((s) => settledFrom(s, true), undefined, 'review/goldFailed')
        void get().refreshReview()
      },
    )
  }

  function replay(from: 'undo' | 'redo'): Promise<boolean> {
    return save(
      ctx,
      async () => {
        const id = get().review?.document.id
        const last = historyOf(get().reviewHistories, id)[from].at(-1)
        if (id === undefined || !last) return null
        const outcome = await applyGold(ctx, from === 'undo' ? inverseGold(last) : last)
        // Spans put back keep their ids, so the stack stays exact; the edit is stored as the server did it.
        const done: GoldEdit =
          last.kind === 'gold' && outcome.kind === 'gold-saved'
            ? from === 'undo'
              ? { ...last, added: outcome.removed, removed: outcome.added, addedRelations: outcome.removedRelations, removedRelations: outcome.addedRelations }
              : { ...last, added: outcome.added, removed: outcome.removed, addedRelations: outcome.addedRelations, removedRelations: outcome.removedRelations }
            : last
        set((s) => ({ ...absorbGold(s, outcome), reviewHistories: moveEdit(s.reviewHistories, id, from, done) }), undefined, `review/${from}`)
        await get().loadReviewRelations(id)
        return `Saved · ${from === 'undo' ? 'undid' : 'redid'}: ${describeGold(last)}`
      },
      () => void get().refreshReview(),
    )
  }

  /** The document to open when none is named: the one on screen, else the last annotated, else the first not reviewed. */
  async function documentToOpen(documents: DocumentSummary[]): Promise<string | undefined> {
    const known = (id: string | null | undefined) => (id && documents.some((d) => d.id === id) ? id : undefined)
    return known(get().review?.document.id) ?? known(get().annotate?.document.id) ?? known(get().lastOpenedId) ?? (await api.call('review.next', {})) ?? documents[0]?.id
  }

  return {
    review: null,
    comparedSpans: [],
    loadedLayers: null,
    reviewAnnotators: [],
    compareGold: false,
    reviewDocuments: [],
    currentComparison: null,
    reviewHistories: {},

    openReview: async (documentId) => {
      const current = runtime.latest.start('review/open')
      try {
        const text = (id: string) => Promise.all([api.call('documents.get', { id }), api.call('spans.list', { documentId: id })])
        // A document named is asked for with the layers, not one round trip after them.
        const named = documentId === undefined ? null : text(documentId)
        // Its failure is reported when it is awaited, below, unless the layers failed first.
        named?.catch(() => undefined)
        const [layers, documents] = await Promise.all([api.call('review.layers', {}), api.call('documents.list', {})])
        const id = documentId ?? (await documentToOpen(documents))
        const [document, all] = named ? await named : id === undefined ? [null, []] : await text(id)
        if (!current()) return
        const { gold: spans, compared } = byLayer(all)
        if (get().annotate) get().closeDocument()
        const was = get().review
        const review = document === null ? null : was?.document.id === document.id ? refreshSession(was, document, spans) : createTextSession(document, spans)
        set(
          (s) => ({
            view: 'review',
            notice: null,
            loadedLayers: { layers, spans, document },
            reviewDocuments: documents,
            review,
            comparedSpans: compared,
            reviewAnnotators: keptAnnotators(s, layers),
            currentComparison: review === was ? s.currentComparison : null,
          }),
          undefined,
          'review/open',
        )
        if (document) await get().loadReviewRelations(document.id)
      } catch (error) {
        get().reportError(error)
      }
    },

    refreshReview: async (announcedFor) => {
      const id = get().review?.document.id
      if (get().view !== 'review' || id === undefined) return
      // Our own writes are shown already; one on a document left since (marked reviewed, then next) needs nothing either.
      if (announcedFor && announcedFor.filter((d) => runtime.echoes.take(d)).length === announcedFor.length) return
      try {
        const [layers, documents, document, all] = await runtime.writes.run(() =>
          Promise.all([api.call('review.layers', {}), api.call('documents.list', {}), api.call('documents.get', { id }), api.call('spans.list', { documentId: id })]),
        )
        const { gold: spans, compared } = byLayer(all)
        set(
          (s) =>
            s.review?.document.id !== id
              ? {}
              : {
                  loadedLayers: { layers, spans, document },
                  reviewDocuments: documents,
                  review: refreshSession(s.review, document, spans),
                  comparedSpans: sameSpans(s.comparedSpans, compared) ? s.comparedSpans : compared,
                  reviewAnnotators: keptAnnotators(s, layers),
                },
          undefined,
          'review/refresh',
        )
        await get().loadReviewRelations(id)
      } catch (error) {
        get().reportError(error)
      }
    },

    closeReview: () => {
      runtime.latest.drop('review/open')
      set({ view: 'library', notice: null, review: null, comparedSpans: [], currentComparison: null }, undefined, 'review/close')
      void get().loadLibrary()
    },

    setReviewAnnotators: (names) => set({ reviewAnnotators: names, currentComparison: null }, undefined, 'review/annotators'),
    setCompareGold: (compareGold) => set({ compareGold, currentComparison: null }, undefined, 'review/compareGold'),

    placeReviewCaret: (offset, extend) => edit((session) => placeCaret(session, offset, extend), 'review/caret'),
    setReviewPending: (anchor, focus) => edit((session) => setPending(session, anchor, focus), 'review/pending'),
    selectGold: (id, caret) => edit((session) => selectSpan(session, id, caret), 'review/selectGold'),
    clearReviewSelection: () => edit(clearSelection, 'review/clear'),

    goToComparison: (comparison) =>
      set(
        (s) =>
          comparison
            ? { currentComparison: { start: comparison.start, end: comparison.end }, review: s.review && placeCaret(s.review, comparison.start, false) }
            : { currentComparison: null },
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
      const caret = s.review?.caret ?? 0
      const from = current ?? { start: caret, end: caret }
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
      if (!comparison || !version || !s.review) {
        s.setSaveStatus(comparison ? `This comparison has no version ${index + 1}` : 'Go to a disagreement first (n or ])')
        return
      }
      const { remove, add } = settle(comparison, version, selectGoldSpans(s), selectUnanimousKeys(s))
      if (remove.length + add.length === 0) {
        s.setSaveStatus(`Gold already has ${version.annotators.join(', ')}'s version here`)
        return
      }
      const text = quote(s.review, comparison)
      const what = version.spans.length === 0 ? `no span at “${text}”` : `${version.annotators.join(', ')}'s version of “${text}”`
      // The version's relations come along where gold has (or now gets) the span at their other end.
      const removedIds = new Set(remove.map((g) => g.id))
      const goldAfter = [...selectGoldSpans(s).filter((g) => !removedIds.has(g.id)), ...add]
      const relations = relationsToTake(version, s.comparedSpans, s.reviewRelations, goldAfter)
      await performGold(add, remove, `take ${what}${relations.length > 0 ? ` and ${relations.length === 1 ? 'its relation' : `its ${relations.length} relations`}` : ''}`, undefined, { add: relations })
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
      // Relations every annotator made come along, where gold has (or now gets) both their ends.
      const agreed = relationsAgreed(compareRelations(s.comparedSpans, s.reviewRelations, s.reviewAnnotators), [...selectGoldSpans(s), ...unanimous])
      const withRelations = agreed.length > 0 ? ` and ${agreed.length === 1 ? '1 relation' : `${agreed.length} relations`}` : ''
      await performGold(unanimous, [], `accept ${unanimous.length} unanimous span${unanimous.length === 1 ? '' : 's'}${withRelations}`, undefined, { add: agreed })
    },

    tagGold: async (label) => {
      const s = get()
      const session = s.review
      const selection = selectReviewPending(s)
      if (selection && session) {
        edit((x) => ({ ...x, anchor: null }), 'review/tagStart')
        const range = trimSelection(session.text.map, selection.start, selection.end)
        if (!range) return
        await performGold([{ ...range, label }], [], `tag “${quote(session, range)}” as ${label} in gold`, (added) => added[0])
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
      const documentId = get().review?.document.id
      if (documentId === undefined) return Promise.resolve(false)
      return save(ctx, async () => {
        if ((get().review?.document.status === 'reviewed') === reviewed) return null
        const goldEdit: GoldEdit = { kind: 'reviewed', documentId, reviewed }
        const outcome = await applyGold(ctx, goldEdit)
        set((s) => ({ ...absorbGold(s, outcome), reviewHistories: pushEdit(s.reviewHistories, documentId, goldEdit) }), undefined, 'review/reviewed')
        return `Saved · ${describeGold(goldEdit)}`
      })
    },

    finishReview: async () => {
      const document = get().review?.document
      if (!document) return
      if (document.status !== 'reviewed' && !(await get().setReviewed(true))) return
      try {
        const next = await api.call('review.next', { after: document.id })
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
