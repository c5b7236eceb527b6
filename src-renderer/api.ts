// The renderer's typed client: Electron IPC when the preload is present, else the browser-mode HTTP bridge.
import type { ApiError, ApiEvents, ArgsOf, EventMessage, EventName, Method, Result, ResultOf } from '../src-main/shared/api'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, type DesktopBridge } from '../src-main/shared/bridge-protocol'

declare global {
  interface Window {
    factspan?: DesktopBridge
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly method: Method,
    readonly error: ApiError,
  ) {
    super(error.message)
    this.name = 'ApiCallError'
  }
}

async function invokeRaw<M extends Method>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>> {
  const desktop = window.factspan
  if (desktop) return desktop.invoke(method, args)
  const response = await fetch(HTTP_API_PREFIX + method, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args ?? {}),
  })
  if (response.status === 401 || response.status === 403) {
    return { ok: false, error: { code: 'internal', message: 'The server refused this page: open the address with its token again.' } }
  }
  return (await response.json()) as Result<ResultOf<M>>
}

/** Calls one method of the contract; resolves with its value or rejects with an ApiCallError. */
export async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await invokeRaw(method, args)
  if (!result.ok) throw new ApiCallError(method, result.error)
  return result.value
}

type Listeners = { [E in EventName]: Set<(payload: ApiEvents[E]) => void> }
const listeners: Listeners = { 'project-changed': new Set(), 'documents-changed': new Set(), 'job-progress': new Set() }
let eventSource: EventSource | null = null

function deliver<E extends EventName>({ event, payload }: { event: E; payload: ApiEvents[E] }): void {
  for (const listener of listeners[event] as Set<(payload: ApiEvents[E]) => void>) listener(payload)
}

/** Subscribes to an event from the main side, with its payload typed by the contract; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  const desktop = window.factspan
  if (desktop) return desktop.on(event, listener)
  if (!eventSource) {
    eventSource = new EventSource(HTTP_EVENTS_PATH, { withCredentials: true })
    eventSource.onmessage = (e: MessageEvent<string>) => deliver(JSON.parse(e.data) as EventMessage)
  }
  const set = listeners[event] as Set<(payload: ApiEvents[E]) => void>
  set.add(listener)
  return () => void set.delete(listener)
}

/** Native open/save dialogs exist only in the desktop app; browser mode asks for a path instead. */
export function desktopDialogs(): ((mode: 'open' | 'create') => Promise<string | null>) | null {
  return window.factspan ? (mode) => call('project.choose', { mode }) : null
}
