import { absorb } from './absorb'
import { applyEdit, asDone, describeEdit, inverse, type Edit } from './edits'
import { save } from './save'
import type { GetStore, SetStore, SliceCreator } from './types'

export interface DocumentHistory {
  undo: Edit[]
  redo: Edit[]
}

/** Undo and redo stacks per document id; kept in the store so they survive leaving and reopening a document. */
export interface HistorySlice {
  histories: Record<string, DocumentHistory>
  /** The project the stored histories belong to; another project starts with none. */
  historyProject: string | null
  undo(): Promise<void>
  redo(): Promise<void>
}

/** Moves the top edit of one stack to the other, applying it (redo) or its inverse (undo) on the server. */
function replay(get: GetStore, set: SetStore, from: 'undo' | 'redo'): Promise<boolean> {
  return save(get, set, async () => {
    const id = get().document?.id
    const edit = id === undefined ? undefined : get().histories[id]?.[from].at(-1)
    if (id === undefined || !edit) return null
    const applied = from === 'undo' ? inverse(edit) : edit
    const outcome = await applyEdit(applied)
    // What was done may differ from what was asked (a label deleted again takes the spans it has now).
    const done = from === 'undo' ? inverse(asDone(applied, outcome)) : asDone(applied, outcome)
    set(
      (s) => {
        const history = s.histories[id] ?? { undo: [], redo: [] }
        const rest = history[from].slice(0, -1)
        const moved: DocumentHistory = from === 'undo' ? { undo: rest, redo: [...history.redo, done] } : { undo: [...history.undo, done], redo: rest }
        return { ...absorb(s, outcome), histories: { ...s.histories, [id]: moved } }
      },
      undefined,
      `history/${from}`,
    )
    return `Saved · ${from === 'undo' ? 'undid' : 'redid'}: ${describeEdit(edit)}`
  })
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  histories: {},
  historyProject: null,
  undo: async () => {
    await replay(get, set, 'undo')
  },
  redo: async () => {
    await replay(get, set, 'redo')
  },
})
