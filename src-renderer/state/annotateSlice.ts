// The annotate session: one document of the annotator's layer, its selection, find, "tag all" and undo history.
import { hitAtOrAfter } from '../editor/findHits'
import { absorb, perform } from './absorb'
import { applyEdit } from './applyEdits'
import { asDone, describeEdit, inverse, type Edit } from './edits'
import { historyOf, moveEdit, type Histories } from './history'
import { createLabelEdits, type LabelEdits } from './labelEdits'
import { save } from './save'
import { selectFindHits } from './selectors'
import { createSpanEdits, type SpanEdits } from './spanEdits'
import { clearSelection, createTextSession, placeCaret, pendingOf, quote, refreshSession, selectSpan, setPending, type TextSession } from './textSession'
import type { Ctx, SliceCreator } from './types'

export interface AnnotateSlice extends SpanEdits, LabelEdits {
  annotate: TextSession | null
  /** Undo and redo stacks per document id; they survive leaving and reopening a document, and a reload. */
  annotateHistories: Histories<Edit>
  findOpen: boolean
  findQuery: string
  /** The current hit; -1 before the first step. */
  findIndex: number
  /** Counts Ctrl+F presses, each of which puts the keyboard in the find field. */
  findFocusRequest: number
  /** After `a`: the next label key tags every occurrence of the selected text. */
  tagAllArmed: boolean

  openDocument(id: string): Promise<void>
  /**
   * Reloads the open document's status and spans from the server. Given the documents a change was announced
   * for, it skips the announcement of a write of ours, whose answer is shown already.
   */
  refreshDocument(announcedFor?: readonly string[]): Promise<void>
  setDone(done: boolean): Promise<boolean>
  /** Marks the document done and opens the next open one, or returns to the library when there is none. */
  finishDocument(): Promise<void>
  closeDocument(notice?: string): void

  placeCaret(offset: number, extend: boolean): void
  setPending(anchor: number, focus: number): void
  selectSpan(id: number | null, caret?: number): void
  clearSelection(): void

  openFind(query?: string): void
  closeFind(): void
  setFindQuery(query: string): void
  /** Selects the next (or previous) hit after the caret, wrapping around. */
  stepFind(direction: 1 | -1): void
  armTagAll(armed: boolean): void
  undo(): Promise<void>
  redo(): Promise<void>
}

const NO_TOOLS = { findIndex: -1, tagAllArmed: false }

/** Moves the top edit of one stack to the other, applying it (redo) or its inverse (undo) on the server. */
function replay(ctx: Ctx, from: 'undo' | 'redo'): Promise<boolean> {
  const { get, set } = ctx
  return save(ctx, async () => {
    const id = get().annotate?.document.id
    const edit = historyOf(get().annotateHistories, id)[from].at(-1)
    if (id === undefined || !edit) return null
    const applied = from === 'undo' ? inverse(edit) : edit
    const outcome = await applyEdit(ctx, applied)
    // What was done may differ from what was asked (a label deleted again takes the spans it has now).
    const done = from === 'undo' ? inverse(asDone(applied, outcome)) : asDone(applied, outcome)
    set((s) => ({ ...absorb(s, outcome), annotateHistories: moveEdit(s.annotateHistories, id, from, done) }), undefined, `history/${from}`)
    return `Saved · ${from === 'undo' ? 'undid' : 'redid'}: ${describeEdit(edit)}`
  })
}

export const createAnnotateSlice: SliceCreator<AnnotateSlice> = (ctx) => {
  const { set, get, api, runtime } = ctx
  /** Changes the open session, if there is one. */
  const edit = (change: (session: TextSession) => TextSession, action: string) =>
    set((s) => (s.annotate ? { annotate: change(s.annotate) } : {}), undefined, action)

  return {
    annotate: null,
    annotateHistories: {},
    findOpen: false,
    findQuery: '',
    findIndex: -1,
    findFocusRequest: 0,
    tagAllArmed: false,
    ...createSpanEdits(ctx),
    ...createLabelEdits(ctx),

    openDocument: async (id) => {
      const current = runtime.latest.start('annotate/open')
      try {
        const annotator = get().project?.annotator
        // The text never waits for suggestions, and the suggestions are asked for once it has arrived: the server
        // computes those of the fast sources in one piece (about 25 ms for 10 KB), and asked for at once they held
        // up its answers for the text. (They cannot be painted with the text anyway: waiting one frame for them made
        // a 10 KB document's first paint 16 ms later.)
        const [document, spans] = await Promise.all([api.call('documents.get', { id }), api.call('spans.list', { documentId: id, annotator })])
        if (!current()) return
        runtime.echoes.forget()
        set(
          {
            annotate: createTextSession(document, spans),
            ...NO_TOOLS,
            suggestions: [],
            suggestionsFor: null,
            suggestionCursor: null,
            relations: [],
            relationMode: null,
            view: 'annotate',
            notice: null,
            lastOpenedId: id,
          },
          undefined,
          'document/open',
        )
        void get().loadSuggestions(id, 'fast')
        void get().loadSuggestions(id, 'slow')
        await get().loadRelations(id)
      } catch (error) {
        get().reportError(error)
      }
    },

    refreshDocument: async (announcedFor) => {
      const id = get().annotate?.document.id
      if (id === undefined) return
      if (announcedFor?.includes(id) && runtime.echoes.take(id)) return
      try {
        const annotator = get().project?.annotator
        const [fresh, spans] = await runtime.writes.run(() =>
          Promise.all([api.call('documents.get', { id }), api.call('spans.list', { documentId: id, annotator })]),
        )
        set((s) => (s.annotate?.document.id === id ? { annotate: refreshSession(s.annotate, fresh, spans) } : {}), undefined, 'document/refresh')
        // Spans made elsewhere answer some suggestions and teach the dictionary new ones.
        void get().loadSuggestions(id, 'all')
        await get().loadRelations(id)
      } catch (error) {
        get().reportError(error)
      }
    },

    setDone: (done) => {
      const id = get().annotate?.document.id
      if (id === undefined) return Promise.resolve(false)
      return save(ctx, async () => {
        if ((get().annotate?.document.status === 'done') === done) return null
        return perform(ctx, { kind: 'setDone', documentId: id, done })
      })
    },

    finishDocument: async () => {
      const document = get().annotate?.document
      if (!document) return
      if (document.status !== 'done' && !(await get().setDone(true))) return
      try {
        const next = await api.call('documents.next', { after: document.id })
        if (next === null) get().closeDocument(`“${document.title}” is done, and no open document is left.`)
        else await get().openDocument(next)
      } catch (error) {
        get().reportError(error)
      }
    },

    closeDocument: (notice) => {
      runtime.latest.drop('annotate/open')
      set({ annotate: null, relations: [], relationMode: null, view: 'library', notice: notice ?? null }, undefined, 'document/close')
      void get().loadLibrary()
    },

    placeCaret: (offset, extend) => edit((session) => placeCaret(session, offset, extend), 'selection/placeCaret'),
    setPending: (anchor, focus) => edit((session) => setPending(session, anchor, focus), 'selection/setPending'),
    selectSpan: (id, caret) => edit((session) => selectSpan(session, id, caret), 'selection/selectSpan'),
    clearSelection: () => {
      set({ tagAllArmed: false }, undefined, 'selection/disarm')
      edit(clearSelection, 'selection/clear')
    },

    openFind: (query) => {
      const pending = pendingOf(get().annotate)
      const given = query ?? (pending && get().annotate ? quote(get().annotate!, pending) : undefined)
      set(
        (s) => ({
          findOpen: true,
          findQuery: given ?? s.findQuery,
          findIndex: given === undefined ? s.findIndex : -1,
          findFocusRequest: s.findFocusRequest + 1,
        }),
        undefined,
        'find/open',
      )
    },
    closeFind: () => set({ findOpen: false, findIndex: -1 }, undefined, 'find/close'),
    setFindQuery: (findQuery) => set({ findQuery, findIndex: -1 }, undefined, 'find/query'),
    stepFind: (direction) => {
      const s = get()
      const hits = selectFindHits(s)
      const count = hits.starts.length
      if (count === 0 || !s.annotate) return
      const caret = s.annotate.caret
      let index: number
      if (s.findIndex >= 0 && s.findIndex < count) index = (s.findIndex + direction + count) % count
      else if (direction === 1) index = hitAtOrAfter(hits, caret) % count
      else index = (hitAtOrAfter(hits, caret) - 1 + count) % count
      // The hit becomes the pending selection, so a label key tags it at once.
      set((st) => ({ findIndex: index, annotate: st.annotate && setPending(st.annotate, hits.starts[index], hits.ends[index]) }), undefined, 'find/step')
    },
    armTagAll: (tagAllArmed) => set({ tagAllArmed }, undefined, 'tagAll/arm'),

    undo: async () => {
      await replay(ctx, 'undo')
    },
    redo: async () => {
      await replay(ctx, 'redo')
    },
  }
}
