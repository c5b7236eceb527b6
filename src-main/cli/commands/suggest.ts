import type { Command } from 'commander'
import { runJob } from '../../service/jobs'
import { suggestJob, taggerFromFile, WRITABLE_SOURCES, type WritableSource } from '../../service/suggestions'
import { FactspanError } from '../../shared/errors'
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../shared/model'
import { dbOption, openForCommand } from '../common'
import { cancelOnInterrupt, INTERRUPTED_EXIT_CODE } from '../interrupt'
import { progressReporter } from '../progress'

interface SuggestOptions {
  db: string
  sources: string
  model?: string
  status?: string
}

export function register(program: Command): void {
  program
    .command('suggest')
    .description('write suggestions (proposed spans to accept or reject, never spans) into a project from rules, its dictionary or a model')
    .addOption(dbOption())
    .option('--sources <sources>', `comma-separated: ${WRITABLE_SOURCES.join(', ')}`, 'rule,dictionary')
    .option('--model <file>', 'the model file for the model source (default: the project’s model)')
    .option('--status <statuses>', `only documents with these statuses, e.g. new,in_progress (${DOCUMENT_STATUSES.join(', ')})`)
    .action(async (opts: SuggestOptions) => {
      const sources = listOf(opts.sources, '--sources').map((name) => {
        const source = name === 'rules' ? 'rule' : name
        if (!(WRITABLE_SOURCES as readonly string[]).includes(source)) throw new FactspanError('bad-input', `--sources: "${name}" is not a source; the sources are ${WRITABLE_SOURCES.join(', ')}`)
        return source as WritableSource
      })
      if (opts.model !== undefined && !sources.includes('model')) sources.push('model')
      const status = opts.status === undefined ? undefined : listOf(opts.status, '--status').map(statusOf)
      const tagger = opts.model === undefined ? undefined : taggerFromFile(opts.model)
      const { workspace } = openForCommand(opts.db)
      const progress = progressReporter('suggest')
      const interrupt = cancelOnInterrupt()
      try {
        const report = await runJob(suggestJob(workspace.database(), { sources: [...new Set(sources)], tagger, status }), {
          signal: interrupt.signal,
          onProgress: (step) => progress.update(step),
        })
        progress.end()
        const counts = Object.entries(report.bySource).map(([source, n]) => `${n} from ${source}`)
        console.log(`${workspace.path}: ${report.documents} documents, suggestions written: ${counts.join(', ')}`)
      } catch (error) {
        progress.end()
        if (!(error instanceof FactspanError && error.code === 'cancelled')) throw error
        console.error('suggest cancelled: nothing was written')
        process.exitCode = INTERRUPTED_EXIT_CODE
      } finally {
        interrupt.dispose()
        workspace.close()
      }
    })
}

export function listOf(value: string, option: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
  if (items.length === 0) throw new FactspanError('bad-input', `${option} names nothing: give a comma-separated list`)
  return items
}

function statusOf(status: string): DocumentStatus {
  if (!(DOCUMENT_STATUSES as readonly string[]).includes(status)) {
    throw new FactspanError('bad-input', `--status: "${status}" is not a status; the statuses are ${DOCUMENT_STATUSES.join(', ')}`)
  }
  return status as DocumentStatus
}
