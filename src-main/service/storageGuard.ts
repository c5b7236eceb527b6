// Every method's failure of the project file or its disk (full, locked, read-only, damaged) reaches the user as a
// clear error naming the project, with its own code, never as 'internal'.
import type { Api, Method } from '../shared/api'
import { storageError } from '../store/storageErrors'

export function guardStorage<S extends Partial<Api>>(service: S, projectPath: () => string | undefined): S {
  const translate = (error: unknown): never => {
    throw storageError(error, projectPath() ?? 'The project') ?? error
  }
  const guarded = { ...service }
  for (const method of Object.keys(service) as Array<keyof S & Method>) {
    const call = service[method] as (args: unknown) => unknown
    guarded[method] = ((args: unknown) => {
      try {
        const result = call(args)
        return result instanceof Promise ? result.catch(translate) : result
      } catch (error) {
        return translate(error)
      }
    }) as S[typeof method]
  }
  return guarded
}
