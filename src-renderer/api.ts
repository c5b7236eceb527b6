// The renderer's typed client: Electron IPC when the preload is present, else the browser-mode HTTP bridge. A client
// holds its own listeners and event source, so each store (and each test) gets one of its own.
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

type Listener<E extends EventName> = (payload: ApiEvents[E]) => void

/** How a client reaches the main side: the preload's bridge, HTTP, or (in component tests) the service in-process. */
export interface Transport {
  invoke<M extends Method>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>
  on<E extends EventName>(event: E, listener: Listener<E>): () => void
  /** True in the desktop app, whose main process answers the desktop-only methods (native dialogs). */
  readonly desktop: boolean
}

export interface ApiClient {
  /** Calls one method of the contract; resolves with its value or rejects with an ApiCallError. */
  call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>
  /** Subscribes to an event from the main side, with its payload typed by the contract; returns the unsubscribe function. */
  onEvent<E extends EventName>(event: E, listener: Listener<E>): () => void
  /** Native open/save dialogs exist only in the desktop app; browser mode asks for a path instead. */
  desktopDialogs(): ((mode: 'open' | 'create') => Promise<string | null>) | null
}

export function createApiClient(transport: Transport): ApiClient {
  const client: ApiClient = {
    async call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      const result = await transport.invoke(method, args)
      if (!result.ok) throw new ApiCallError(method, result.error)
      return result.value
    },
    onEvent: (event, listener) => transport.on(event, listener),
    desktopDialogs: () => (transport.desktop ? (mode) => client.call('project.choose', { mode }) : null),
  }
  return client
}

/** The desktop app's preload bridge. */
export function desktopTransport(bridge: DesktopBridge): Transport {
  return {
    invoke: (method, args) => bridge.invoke(method, args),
    on: (event, listener) => bridge.on(event, listener),
    desktop: true,
  }
}

/** Browser mode: POST per call, and one EventSource, opened with the first subscription. */
export function httpTransport(): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let eventSource: EventSource | null = null
  return {
    async invoke<M extends Method>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>> {
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
    },
    on<E extends EventName>(event: E, listener: Listener<E>): () => void {
      if (!eventSource) {
        eventSource = new EventSource(HTTP_EVENTS_PATH, { withCredentials: true })
        eventSource.onmessage = (e: MessageEvent<string>) => {
          const message = JSON.parse(e.data) as EventMessage
          listeners.get(message.event)?.forEach((l) => l(message.payload))
        }
      }
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      // The event's name keys its set, so the payload a listener gets is the one the contract gives that event.
      const untyped = listener as (payload: unknown) => void
      set.add(untyped)
      return () => void set.delete(untyped)
    },
    desktop: false,
  }
}

/** The window's own way in: the preload's bridge in the desktop app, else HTTP. */
export function windowTransport(): Transport {
  return window.factspan ? desktopTransport(window.factspan) : httpTransport()
}
