import { type Command, Option } from 'commander'
import type { StatusTable } from '../../shared/api'
import type { LayerStatus } from '../../shared/model'
import { dbOption, openForCommand } from '../common'
import { contractOf, UsageError } from '../contract'

// What people type, and what the project stores.
const STATUS_WORDS = { done: 'done', 'in-progress': 'in_progress', new: 'new' } as const satisfies Record<string, LayerStatus>
const SHOWN: Record<LayerStatus, string> = { done: 'done', in_progress: 'in progress', new: 'new' }

interface StatusOptions {
  db: string
  annotator?: string
  json?: boolean
  set?: keyof typeof STATUS_WORDS
}

export function register(program: Command): void {
  program
    .command('status')
    .description("list each annotator's status of every document, or set one annotator's status of some documents")
    .argument('[ids...]', 'with --set: the documents to change')
    .addOption(dbOption())
    .option('--annotator <name>', "one annotator's layer (with --set: required)")
    .addOption(new Option('--set <status>', 'set the status of the documents named').choices(Object.keys(STATUS_WORDS)))
    .option('--json', 'print JSON')
    .action(async (ids: string[], opts: StatusOptions) => {
      if (opts.set === undefined && ids.length > 0) throw new UsageError(`document ids are for --set: to list statuses, name no documents (got ${ids.join(' ')})`)
      if (opts.set !== undefined && opts.annotator === undefined) throw new UsageError('--set needs --annotator NAME: whose layer to mark')
      if (opts.set !== undefined && ids.length === 0) throw new UsageError('--set needs the ids of the documents to mark')
      const { service, workspace } = openForCommand(opts.db)
      const call = contractOf(service)
      try {
        if (opts.set !== undefined) {
          const status = STATUS_WORDS[opts.set]
          const { changed } = await call('documents.setStatus', { ids, annotator: opts.annotator!, status })
          if (opts.json) console.log(JSON.stringify({ annotator: opts.annotator, status, changed }, null, 2))
          else console.log(`${opts.annotator}: ${changed} document${changed === 1 ? '' : 's'} marked ${SHOWN[status]}`)
          return
        }
        const table = await call('documents.statuses', { annotator: opts.annotator })
        console.log(opts.json ? JSON.stringify(table, null, 2) : formatTable(table))
      } finally {
        workspace.close()
      }
    })
}

/** A line per document: its id, then each annotator's status; reviewed documents say so at the end. */
function formatTable(table: StatusTable): string {
  if (table.documents.length === 0) return 'No documents.'
  if (table.annotators.length === 0) return `${table.documents.length} documents; no annotator has a layer yet.`
  const rows = [['document', ...table.annotators], ...table.documents.map((d) => [d.documentId, ...table.annotators.map((a) => SHOWN[d.statuses[a]]), d.reviewed ? 'reviewed' : ''])]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)))
  return rows.map((r) => r.map((cell, i) => cell + ' '.repeat(Math.max(0, widths[i] - [...cell].length))).join('  ').trimEnd()).join('\n')
}
