import { z } from 'zod'
import { argSchemas, isMethod, type ApiError, type Result } from '../shared/api'
import { FactspanError } from '../shared/errors'
import type { Service } from '../service'

/** Validates the arguments, calls the method and wraps the outcome; both transports go through here. */
export async function dispatch(service: Service, method: string, args: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) return failure('invalid-arguments', `Unknown method "${method}".`)
  const parsed = argSchemas[method].safeParse(args ?? {})
  if (!parsed.success) return failure('invalid-arguments', `${method}: ${z.prettifyError(parsed.error)}`)
  try {
    const call = service[method] as (a: unknown) => unknown
    return { ok: true, value: await call(parsed.data) }
  } catch (error) {
    if (error instanceof FactspanError) return failure(error.code, error.message)
    // Unexpected: keep the detail in the log, tell the user what failed.
    console.error(`factspan: ${method} failed`, error)
    return failure('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function failure(code: ApiError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
