import type { LabelUsage } from '../../src-main/shared/api'
import type { Label } from '../../src-main/shared/model'
import { call } from '../api'
import { absorb, recorded } from './absorb'
import { applyEdit, asDone, describeEdit, type Edit } from './edits'
import { save } from './save'
import { selectLabels } from './selectors'
import type { GetStore, SetStore, SliceCreator } from './types'

/** The label set editor's actions; each change is saved at once and undone as one step. */
export interface LabelsSlice {
  addLabel(fields: Partial<Label> & { name: string }): Promise<boolean>
  updateLabel(name: string, label: Label): Promise<boolean>
  moveLabel(name: string, by: -1 | 1): Promise<boolean>
  labelUsage(name: string): Promise<LabelUsage | null>
  removeLabel(name: string): Promise<boolean>
}

/** Applies a label edit and records it in the open document's history, where Ctrl+Z finds it. */
function performLabelEdit(get: GetStore, set: SetStore, edit: Edit): Promise<boolean> {
  return save(get, set, async () => {
    const outcome = await applyEdit(edit)
    const done = asDone(edit, outcome)
    set((s) => ({ ...absorb(s, outcome), ...recorded(s, done) }), undefined, `labels/${edit.kind}`)
    return `Saved · ${describeEdit(done)}`
  })
}

export const createLabelsSlice: SliceCreator<LabelsSlice> = (set, get) => ({
  addLabel: (fields) =>
    save(get, set, async () => {
      const labels = await call('labels.add', fields)
      const position = labels.length - 1
      const label = labels[position]
      const documentId = get().document?.id ?? ''
      const edit: Edit = { kind: 'addLabel', documentId, label, position, spans: [] }
      set((s) => ({ ...absorb(s, { kind: 'labels-saved', labels }), ...recorded(s, edit) }), undefined, 'labels/add')
      return `Saved · ${describeEdit(edit)}`
    }),

  updateLabel: (name, label) => {
    const from = selectLabels(get()).find((l) => l.name === name)
    if (!from) return Promise.resolve(false)
    const same = from.name === label.name && from.color === label.color && from.hotkey === label.hotkey && from.description === label.description
    if (same) return Promise.resolve(true)
    return performLabelEdit(get, set, { kind: 'updateLabel', documentId: get().document?.id ?? '', from, to: label })
  },

  moveLabel: (name, by) => {
    const from = selectLabels(get()).map((l) => l.name)
    const at = from.indexOf(name)
    if (at < 0 || at + by < 0 || at + by >= from.length) return Promise.resolve(false)
    const to = [...from]
    to.splice(at, 1)
    to.splice(at + by, 0, name)
    return performLabelEdit(get, set, { kind: 'reorderLabels', documentId: get().document?.id ?? '', from, to })
  },

  labelUsage: async (name) => {
    try {
      return await call('labels.usage', { name })
    } catch (error) {
      get().reportError(error)
      return null
    }
  },

  removeLabel: (name) => {
    const labels = selectLabels(get())
    const label = labels.find((l) => l.name === name)
    if (!label) return Promise.resolve(false)
    // The spans are filled in from the server's answer: those it really removed.
    return performLabelEdit(get, set, { kind: 'removeLabel', documentId: get().document?.id ?? '', label, position: labels.indexOf(label), spans: [] })
  },
})
