// What both transports agree on, so the preload, the HTTP bridge and the renderer client name things once.
// No runtime imports: the sandboxed preload bundles this file and may require nothing but electron.
import type { Method, Result } from './api'

/** Events the main side sends to every window: something changed that views may show, or how far a job is. */
export const EVENT_NAMES = ['project-changed', 'documents-changed', 'job-progress'] as const
export type EventName = (typeof EVENT_NAMES)[number]

export const IPC_INVOKE_CHANNEL = 'factspan:invoke'
export const IPC_EVENT_CHANNEL = 'factspan:event'

/** HTTP bridge: POST `${HTTP_API_PREFIX}<method>` with the JSON arguments; the body of the answer is a Result. */
export const HTTP_API_PREFIX = '/api/'
/** HTTP bridge: server-sent events, one `data:` line of JSON `{ event, payload }` each. */
export const HTTP_EVENTS_PATH = '/events'
/** Cookie set when the page is opened with `?token=`; every later request must carry it (or the header). */
export const HTTP_TOKEN_COOKIE = 'factspan_token'
export const HTTP_TOKEN_HEADER = 'x-factspan-token'

export interface EventMessage {
  event: EventName
  payload: unknown
}

/** What the preload puts on `window.factspan` in the desktop app. Absent in browser mode. */
export interface DesktopBridge {
  invoke(method: Method, args: unknown): Promise<Result<unknown>>
  on(event: EventName, listener: (payload: unknown) => void): () => void
  /** Native dialogs; only the desktop app has them. */
  chooseProject(mode: 'open' | 'create'): Promise<string | null>
}
