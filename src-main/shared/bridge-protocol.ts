// What both transports agree on, so the preload, the HTTP bridge and the renderer client name things once.
// No runtime imports: the sandboxed preload bundles this file and may require nothing but electron.
import type { ApiEvents, ArgsOf, EventName, Method, Result, ResultOf } from './api'

/** Electron IPC: one channel per method of the contract, so the main side registers exactly the list. */
export function ipcChannel(method: Method): string {
  return `factspan:call:${method}`
}
export const IPC_EVENT_CHANNEL = 'factspan:event'

/** HTTP bridge: POST `${HTTP_API_PREFIX}<method>` with the JSON arguments; the body of the answer is a Result. */
export const HTTP_API_PREFIX = '/api/'
/** HTTP bridge: server-sent events, one `data:` line of JSON `{ event, payload }` each. */
export const HTTP_EVENTS_PATH = '/events'
/** Cookie set when the page is opened with `?token=`; every later request must carry it (or the header). */
export const HTTP_TOKEN_COOKIE = 'factspan_token'
export const HTTP_TOKEN_HEADER = 'x-factspan-token'

/** What the preload puts on `window.factspan` in the desktop app: the contract's methods and events, nothing else. Absent in browser mode. */
export interface DesktopBridge {
  /** Rejects a name that is not a method of the contract. */
  invoke<M extends Method>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>
  /** Throws on a name that is not an event of the contract. */
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}
