import { z } from 'zod'
import { argSchemas, METHODS, methodNames, type Api, type ApiError, type DesktopMethod, type Method, type Result } from '../shared/api'
import { FactspanError } from '../shared/errors'
import type { Service } from '../service'

/** What a transport can call: the service, plus the desktop-only methods where the desktop app implements them. */
export type Handlers = Service & Partial<Pick<Api, DesktopMethod>>

/** Calls one method by name: validates the arguments, runs it and wraps the outcome as a Result. */
export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>

/** One entry per method of the contract's list; both transports go through it. */
export function dispatcher(handlers: Handlers): Dispatch {
  const table = new Map<string, (args: unknown) => Promise<Result<unknown>>>(methodNames.map((method) => [method, callerOf(handlers, method)]))
  return (method, args) => table.get(method)?.(args) ?? Promise.resolve(failure('invalid-arguments', `Unknown method "${method}".`))
}

function callerOf(handlers: Handlers, method: Method): (args: unknown) => Promise<Result<unknown>> {
  const handler = handlers[method] as ((args: unknown) => unknown) | undefined
  const desktopOnly = 'desktopOnly' in METHODS[method]
  return async (args) => {
    if (!handler) return failure('unavailable', desktopOnly ? `${method} exists only in the desktop app.` : `${method} is not available here.`)
    const parsed = argSchemas[method].safeParse(args ?? {})
    if (!parsed.success) return failure('invalid-arguments', `${method}: ${z.prettifyError(parsed.error)}`)
    try {
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof FactspanError) return failure(error.code, error.message)
      // Unexpected: keep the detail in the log, tell the user what failed.
      console.error(`factspan: ${method} failed`, error)
      return failure('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

/** A refusal as both transports answer it. */
export function failure(code: ApiError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
