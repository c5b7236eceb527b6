// The CLI's way into the service: the contract's methods, called through the dispatcher as the app's are, so a
// command's arguments pass the same schemas. A refusal of its arguments names the command's option, not a schema path.
import type { z } from 'zod'
import { dispatcher } from '../bridge/dispatch'
import { argSchemas, type ApiError, type ArgsOf, type Method, type ResultOf } from '../shared/api'
import { FactspanError, StorageError } from '../shared/errors'
import type { Service } from '../service'

/** A wrong option or argument: main prints it and exits with 2, as for commander's own checks of the command line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Where each argument of a contract method came from on the command line: the option, and what was typed when a message should quote it. */
export type OptionSources = Record<string, { option: string; typed?: string }>

const STORAGE_CODES: ReadonlyArray<ApiError['code']> = ['disk-full', 'in-use', 'read-only', 'corrupt', 'io-error']

/** Checks `args` by a contract schema (a method's, or a part of one), throwing a UsageError that names the option. */
export function checkArgs<S extends z.ZodType>(schema: S, args: unknown, sources: OptionSources): z.infer<S> {
  const parsed = schema.safeParse(args)
  if (parsed.success) return parsed.data
  const [issue] = parsed.error.issues
  const key = String(issue.path[0] ?? '')
  const source = sources[key] ?? { option: `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` }
  throw new UsageError(`${source.option}${source.typed === undefined ? '' : ` ${JSON.stringify(source.typed)}`}: ${issue.message}`)
}

/** Runs `parse` on what was typed; a FactspanError it throws (a bad split) becomes a UsageError. */
export function parseTyped<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof FactspanError && error.code === 'bad-input') throw new UsageError(error.message)
    throw error
  }
}

export type ContractCall = <M extends Method>(method: M, args: ArgsOf<M>, sources?: OptionSources) => Promise<ResultOf<M>>

/**
 * Calls contract methods on `service` through the dispatcher. Arguments are checked first by the method's schema so
 * that a refusal names the option; a refusal by the service is thrown as the error it stands for.
 */
export function contractOf(service: Service): ContractCall {
  const dispatch = dispatcher(service)
  return async (method, args, sources = {}) => {
    checkArgs(argSchemas[method], args, sources)
    const result = await dispatch(method, args)
    if (result.ok) return result.value as ResultOf<typeof method>
    const { code, message } = result.error
    if (code === 'invalid-arguments') throw new UsageError(message)
    throw STORAGE_CODES.includes(code) ? new StorageError(code as ConstructorParameters<typeof StorageError>[0], message) : new FactspanError(code, message)
  }
}
