// The renderer's typed client: Electron IPC when the preload is present, else the browser-mode HTTP bridge.
import type { ApiError, ArgsOf, EventName, Method, Result, ResultOf } from '../src-main/shared/api'
import {
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  type DesktopBridge,
  type EventMessage,
} from '../src-main/shared/bridge-protocol'

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

async function invokeRaw(method: Method, args: unknown): Promise<Result<unknown>> {
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
  return (await response.json()) as Result<unknown>
}

/** Calls one method of the contract; resolves with its value or rejects with an ApiCallError. */
export async function call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await invokeRaw(method, args)
  if (!result.ok) throw new ApiCallError(method, result.error)
  return result.value as ResultOf<M>
}

type Listener = (payload: unknown) => void
const listeners = new Map<EventName, Set<Listener>>()
let eventSource: EventSource | null = null

/** Subscribes to an event from the main side; returns the unsubscribe function. */
export function onEvent(event: EventName, listener: Listener): () => void {
  const desktop = window.factspan
  if (desktop) return desktop.on(event, listener)
  if (!eventSource) {
    eventSource = new EventSource(HTTP_EVENTS_PATH, { withCredentials: true })
    eventSource.onmessage = (e) => {
      const message = JSON.parse(e.data as string) as EventMessage
      listeners.get(message.event)?.forEach((l) => l(message.payload))
    }
  }
  let set = listeners.get(event)
  if (!set) listeners.set(event, (set = new Set()))
  set.add(listener)
  return () => set.delete(listener)
}

/** Native open/save dialogs exist only in the desktop app; browser mode asks for a path instead. */
export function desktopDialogs(): DesktopBridge['chooseProject'] | null {
  return window.factspan ? window.factspan.chooseProject.bind(window.factspan) : null
}
