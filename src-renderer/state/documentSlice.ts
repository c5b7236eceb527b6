import type { Document } from '../../src-main/shared/model'
import { OffsetMap } from '../../src-main/shared/offsets'
import { call } from '../api'
import { forgetEchoes, takeEcho } from './echoes'
import { emptyEditor } from './editorSlice'
import { perform } from './perform'
import { save } from './save'
import { emptySelection } from './selectionSlice'
import { serial } from './serial'
import type { SliceCreator } from './types'

/** The document open in the annotate view, with the offset map every conversion of its text goes through. */
export interface DocumentSlice {
  document: Document | null
  offsets: OffsetMap | null
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
}

// Answers to an older open are dropped when the user has moved on.
let openRequest = 0

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  document: null,
  offsets: null,

  openDocument: async (id) => {
    const request = ++openRequest
    try {
      const annotator = get().project?.annotator
      const [document, spans] = await Promise.all([call('documents.get', { id }), call('spans.list', { documentId: id, annotator })])
      if (request !== openRequest) return
      forgetEchoes()
      set(
        { document, offsets: new OffsetMap(document.text), spans, ...emptySelection, ...emptyEditor, view: 'annotate', notice: null, lastOpenedId: id },
        undefined,
        'document/open',
      )
    } catch (error) {
      get().reportError(error)
    }
  },

  refreshDocument: async (announcedFor) => {
    const id = get().document?.id
    if (id === undefined) return
    if (announcedFor?.includes(id) && takeEcho(id)) return
    try {
      const annotator = get().project?.annotator
      const [fresh, spans] = await serial(() =>
        Promise.all([call('documents.get', { id }), call('spans.list', { documentId: id, annotator })]),
      )
      set(
        (s) => {
          if (s.document?.id !== id) return {}
          const sameText = s.document.textSha256 === fresh.textSha256
          const selectedStillThere = spans.some((span) => span.id === s.selectedSpanId)
          return {
            document: fresh,
            offsets: sameText ? s.offsets : new OffsetMap(fresh.text),
            spans,
            selectedSpanId: selectedStillThere ? s.selectedSpanId : null,
            ...(sameText ? {} : emptySelection),
          }
        },
        undefined,
        'document/refresh',
      )
    } catch (error) {
      get().reportError(error)
    }
  },

  setDone: (done) => {
    const id = get().document?.id
    if (id === undefined) return Promise.resolve(false)
    return save(get, set, async () => {
      if ((get().document?.status === 'done') === done) return null
      return perform(set, { kind: 'setDone', documentId: id, done })
    })
  },

  finishDocument: async () => {
    const document = get().document
    if (!document) return
    if (document.status !== 'done' && !(await get().setDone(true))) return
    try {
      const next = await call('documents.next', { after: document.id })
      if (next === null) get().closeDocument(`“${document.title}” is done, and no open document is left.`)
      else await get().openDocument(next)
    } catch (error) {
      get().reportError(error)
    }
  },

  closeDocument: (notice) => {
    openRequest++
    set({ document: null, offsets: null, spans: [], ...emptySelection, view: 'library', notice: notice ?? null }, undefined, 'document/close')
    void get().loadLibrary()
  },
})
