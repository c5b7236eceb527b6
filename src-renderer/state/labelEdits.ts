// The label set editor's actions, recorded in the open document's history where Ctrl+Z finds them.
import type { LabelUsage } from '../../src-main/shared/api'
import type { Label } from '../../src-main/shared/model'
import { absorb, recorded } from './absorb'
import { applyEdit } from './applyEdits'
import { asDone, describeEdit, type Edit } from './edits'
import { save } from './save'
import { selectLabels } from './selectors'
import type { Ctx } from './types'

/** The label set editor's actions; each change is saved at once and undone as one step. */
export interface LabelEdits {
  addLabel(fields: Partial<Label> & { name: string }): Promise<boolean>
  updateLabel(name: string, label: Label): Promise<boolean>
  moveLabel(name: string, by: -1 | 1): Promise<boolean>
  labelUsage(name: string): Promise<LabelUsage | null>
  removeLabel(name: string): Promise<boolean>
}

/** Applies a label edit and records it in the open document's history, where Ctrl+Z finds it. */
function performLabelEdit(ctx: Ctx, edit: Edit): Promise<boolean> {
  return save(ctx, async () => {
    const outcome = await applyEdit(ctx, edit)
    const done = asDone(edit, outcome)
    ctx.set((s) => ({ ...absorb(s, outcome), ...recorded(s, done) }), undefined, `labels/${edit.kind}`)
    return `Saved · ${describeEdit(done)}`
  })
}

export function createLabelEdits(ctx: Ctx): LabelEdits {
  const { set, get, api } = ctx
  return {
  addLabel: (fields) =>
    save(ctx, async () => {
      const labels = await api.call('labels.add', fields)
      const position = labels.length - 1
      const label = labels[position]
      const documentId = get().annotate?.document.id ?? ''
      const edit: Edit = { kind: 'addLabel', documentId, label, position, spans: [] }
      set((s) => ({ ...absorb(s, { kind: 'labels-saved', labels }), ...recorded(s, edit) }), undefined, 'labels/add')
      return `Saved · ${describeEdit(edit)}`
    }),

  updateLabel: (name, label) => {
    const from = selectLabels(get()).find((l) => l.name === name)
    if (!from) return Promise.resolve(false)
    const same = from.name === label.name && from.color === label.color && from.hotkey === label.hotkey && from.description === label.description
    if (same) return Promise.resolve(true)
    return performLabelEdit(ctx, { kind: 'updateLabel', documentId: get().annotate?.document.id ?? '', from, to: label })
  },

  moveLabel: (name, by) => {
    const from = selectLabels(get()).map((l) => l.name)
    const at = from.indexOf(name)
    if (at < 0 || at + by < 0 || at + by >= from.length) return Promise.resolve(false)
    const to = [...from]
    to.splice(at, 1)
    to.splice(at + by, 0, name)
    return performLabelEdit(ctx, { kind: 'reorderLabels', documentId: get().annotate?.document.id ?? '', from, to })
  },

  labelUsage: async (name) => {
    try {
      return await api.call('labels.usage', { name })
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
    return performLabelEdit(ctx, { kind: 'removeLabel', documentId: get().annotate?.document.id ?? '', label, position: labels.indexOf(label), spans: [] })
  },
  }
}
