// Every write goes through here: queued in order, reported in the status line, failures shown and resynced.
import type { Ctx } from './types'

/**
 * Runs a write. The task returns the status to show ("Saved · …"), or null when it had nothing to do.
 * On failure the error is shown, `onFailure` restores what the user had, and the open document is reloaded
 * so the view matches the server again.
 */
export async function save(ctx: Ctx, task: () => Promise<string | null>, onFailure?: () => void): Promise<boolean> {
  const { get, set } = ctx
  const before = get().saveStatus
  set({ saveStatus: 'Saving…' }, undefined, 'save/start')
  try {
    const status = await ctx.runtime.writes.run(task)
    if (status !== null) set({ saveStatus: status }, undefined, 'save/done')
    else if (get().saveStatus === 'Saving…') set({ saveStatus: before }, undefined, 'save/nothing')
    return status !== null
  } catch (error) {
    get().reportError(error)
    set({ saveStatus: 'Not saved' }, undefined, 'save/failed')
    onFailure?.()
    await get().refreshDocument()
    return false
  }
}
