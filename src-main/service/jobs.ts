// Long imports and exports as jobs: generators that do a little work per step and say how far they are. A runner
// steps them in slices and gives the event loop a turn in between, so Ctrl+C in the CLI and a Cancel from the app
// reach a job that is still running; cancelling throws into the generator, whose own cleanup then runs.
import { setImmediate as nextTurn } from 'node:timers/promises'
import { METHODS, type Api, type JobProgress, type Method } from '../shared/api'
import { FactspanError } from '../shared/errors'
import type { Workspace } from './workspace'

/** How far a job is: `done` of `total` in its own units (documents, files), and the file it is on. */
export interface JobStep {
  done: number
  total: number
  file?: string
  /** Documents imported or exported so far. */
  documents?: number
}

export type Job<T> = Generator<JobStep, T, void>

export class JobCancelled extends FactspanError {
  constructor(what = 'The job') {
    super('cancelled', `${what} was cancelled.`)
    this.name = 'JobCancelled'
  }
}

/** Runs a job to its end at once, for callers that neither cancel nor show progress. */
export function runJobSync<T>(job: Job<T>): T {
  for (;;) {
    const step = job.next()
    if (step.done) return step.value
  }
}

export interface RunOptions {
  signal?: AbortSignal
  onProgress?: (step: JobStep) => void
  /** How long a slice runs before the event loop gets a turn. */
  sliceMs?: number
  /** The least time between two progress reports. */
  reportMs?: number
}

/** Steps a job in slices, handing the event loop a turn between them; a cancel is thrown into the job at the next turn. */
export async function runJob<T>(job: Job<T>, { signal, onProgress, sliceMs = 20, reportMs = 100 }: RunOptions = {}): Promise<T> {
  let reported = -Infinity
  for (;;) {
    const sliceEnd = performance.now() + sliceMs
    let step: IteratorResult<JobStep, T>
    do {
      step = signal?.aborted ? job.throw(new JobCancelled()) : job.next()
      if (step.done) return step.value
    } while (performance.now() < sliceEnd)
    if (onProgress && performance.now() - reported >= reportMs) {
      reported = performance.now()
      onProgress(step.value)
    }
    await nextTurn()
  }
}

/** The app's running jobs by the id the app gave each, with their progress sent as 'job-progress' events. */
export class Jobs {
  private readonly running = new Map<string, { kind: JobProgress['kind']; controller: AbortController }>()
  // In browser mode a cancel travels on its own connection and can overtake the request that starts its job.
  private readonly cancelledBeforeStart = new Set<string>()
  // Work on other threads (training), which runs beside the imports and exports above.
  private readonly tracked = new Map<string, AbortController>()

  constructor(private readonly emit: Workspace['emit']) {}

  /** True while an import runs: it holds the project's write transaction across turns of the event loop. */
  get importing(): boolean {
    return [...this.running.values()].some((job) => job.kind === 'import')
  }

  /** True while any import or export runs. */
  get active(): boolean {
    return this.running.size > 0
  }

  /** Runs one job at a time: another import or export is refused until it ends. */
  async run<T>(jobId: string, kind: JobProgress['kind'], start: () => Job<T>): Promise<T> {
    if (this.cancelledBeforeStart.delete(jobId)) throw new JobCancelled(kind === 'import' ? 'The import' : 'The export')
    if (this.running.size > 0) {
      throw new FactspanError('conflict', 'Another import or export is running: wait for it to end, or cancel it.')
    }
    const controller = new AbortController()
    this.running.set(jobId, { kind, controller })
    try {
      const onProgress = (step: JobStep) => this.emit('job-progress', progressOf(jobId, kind, step))
      const value = await runJob(start(), { signal: controller.signal, onProgress })
      this.emit('job-progress', { jobId, kind, done: 1, total: 1, fraction: 1 } satisfies JobProgress)
      return value
    } finally {
      this.running.delete(jobId)
    }
  }

  /**
   * Follows work that runs off the event loop (training on a worker thread) as a job the app can cancel and see
   * progress of; it runs beside imports and exports and blocks neither. `start` gets a progress callback (0…1).
   */
  async track<T>(jobId: string, kind: JobProgress['kind'], controller: AbortController, start: (onProgress: (fraction: number) => void) => Promise<T>): Promise<T> {
    if (this.cancelledBeforeStart.delete(jobId)) throw new JobCancelled('The training')
    this.tracked.set(jobId, controller)
    let reported = -Infinity
    const onProgress = (fraction: number) => {
      if (performance.now() - reported < 100) return
      reported = performance.now()
      this.emit('job-progress', { jobId, kind, done: fraction, total: 1, fraction })
    }
    try {
      const value = await start(onProgress)
      this.emit('job-progress', { jobId, kind, done: 1, total: 1, fraction: 1 } satisfies JobProgress)
      return value
    } catch (error) {
      if (controller.signal.aborted) throw new JobCancelled('The training')
      throw error
    } finally {
      this.tracked.delete(jobId)
    }
  }

  /**
   * Asks a job to stop; false when no job with that id runs. An id not seen yet is remembered (a few at most),
   * so a job whose cancel arrived first never starts.
   */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId) ?? (this.tracked.has(jobId) ? { controller: this.tracked.get(jobId)! } : undefined)
    if (job) {
      job.controller.abort()
      return true
    }
    if (this.cancelledBeforeStart.size >= 16) this.cancelledBeforeStart.delete(this.cancelledBeforeStart.values().next().value!)
    this.cancelledBeforeStart.add(jobId)
    return false
  }

  /** Wraps the service so that, while an import runs, a method the contract marks 'write' is refused instead of joining its transaction. */
  guard<S extends Partial<Api>>(service: S): S {
    const guarded = { ...service }
    for (const method of Object.keys(service) as Array<keyof S & Method>) {
      if (METHODS[method].access === 'read') continue
      const call = service[method] as (args: unknown) => unknown
      guarded[method] = ((args: unknown) => {
        if (this.importing) throw new FactspanError('conflict', 'An import is running: wait for it to end, or cancel it, then try again.')
        return call(args)
      }) as S[typeof method]
    }
    return guarded
  }
}

function progressOf(jobId: string, kind: JobProgress['kind'], { done, total, file }: JobStep): JobProgress {
  return { jobId, kind, done, total, fraction: total > 0 ? Math.min(1, done / total) : 0, ...(file === undefined ? {} : { file }) }
}

export function jobMethods(jobs: Jobs): Pick<Api, 'jobs.cancel'> {
  return {
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
  }
}
