import { absorb, recorded } from './absorb'
import { applyEdit, describeEdit, type Edit } from './edits'
import type { SetStore } from './types'

/** Applies one edit (inside a queued write), shows the server's answer and records the edit for undo. */
export async function perform(set: SetStore, edit: Edit): Promise<string> {
  const outcome = await applyEdit(edit)
  set((s) => ({ ...absorb(s, outcome), ...recorded(s, edit) }), undefined, `edit/${edit.kind}`)
  return `Saved · ${describeEdit(edit)}`
}
