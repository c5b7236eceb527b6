import { type Command, Option } from 'commander'
import { argSchemas, COLUMN_SEPARATORS, EXPORT_FORMATS, type ColumnSeparator, type ExportFormat, type ExportWarning } from '../../shared/api'
import { exportDataset } from '../../service/datasetExport'
import { describeLayer } from '../../service/export'
import { JobCancelled } from '../../service/jobs'
import { DOCUMENT_STATUSES } from '../../shared/model'
import { parseSplitSpec, seedFromText } from '../../shared/splitSpec'
import { dbOption, openForCommand } from '../common'
import { checkArgs, contractOf, parseTyped, UsageError } from '../contract'
import { cancelOnInterrupt, INTERRUPTED_EXIT_CODE } from '../interrupt'
import { progressReporter } from '../progress'

interface ExportCommandOptions {
  db: string
  format: ExportFormat
  out: string
  annotator?: string
  layer?: string
  separator: ColumnSeparator
  split?: string
  seed?: string
  status?: string
  labels?: string
}

export function register(program: Command): void {
  program
    .command('export')
    .description("export a project in any format (--format): its gold layer once it has one, else every layer, or the layer named")
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('native'))
    .requiredOption('--out <file>', 'output file (a new or empty folder for brat)')
    .addOption(new Option('--separator <separator>', 'bio, bioes, bmes: the column separator').choices(COLUMN_SEPARATORS).default('tab'))
    .option('--annotator <name>', "export only this annotator's spans")
    .option('--layer <layer>', "gold, all, or an annotator's name (default: gold once the project has a gold layer, else all)")
    .option('--split <splits>', 'one file per split, split by document and stratified by label, e.g. train=0.8,dev=0.1,test=0.1')
    .option('--seed <n>', 'the seed of --split: the same seed and project give the same files (default: 0)')
    .option('--status <statuses>', `only documents with these statuses, e.g. reviewed,done (${DOCUMENT_STATUSES.join(', ')})`)
    .option('--labels <labels>', 'only spans with these labels, e.g. metric,date')
    .action(async (opts: ExportCommandOptions) => {
      const split = opts.split === undefined ? undefined : parseTyped(() => parseSplitSpec(opts.split!))
      if (opts.seed !== undefined && split === undefined) throw new UsageError('--seed only makes sense with --split')
      // Checked by the contract's own schema, so the CLI refuses what the app's export dialog refuses, in the same words.
      const dataset = checkArgs(
        argSchemas['export.preview'],
        {
          format: opts.format,
          annotator: opts.annotator,
          layer: opts.layer,
          separator: opts.separator,
          split,
          seed: opts.seed === undefined ? undefined : seedFromText(opts.seed),
          status: opts.status === undefined ? undefined : listOf(opts.status, '--status'),
          labels: opts.labels === undefined ? undefined : listOf(opts.labels, '--labels'),
        },
        { seed: { option: '--seed', typed: opts.seed }, split: { option: '--split', typed: opts.split } },
      )
      const { service, workspace } = openForCommand(opts.db)
      const call = contractOf(service)
      const progress = progressReporter('export')
      const interrupt = cancelOnInterrupt()
      try {
        const db = workspace.database()
        const onWarning = (w: ExportWarning) => progress.log(`warning: document "${w.documentId}": ${w.reason}`)
        // No contract method writes files to disk ('export.dataset' hands the app its files as strings to download):
        // the CLI runs the same export job, on disk, with its progress bar and Ctrl+C.
        const result = await exportDataset(db, { ...dataset, onWarning }, opts.out, workspace.path, { signal: interrupt.signal, onProgress: (step) => progress.update(step) })
        progress.end()
        const { reviewed } = await call('review.layers', {})
        const { total } = result.plan
        const what = `${opts.format}, ${describeLayer(result.plan.layer)}`
        if (split) {
          for (const file of result.files) console.log(`${file.location}: ${file.documents} documents, ${file.spans} spans (${file.split})`)
          console.log(`${result.manifest.path}: manifest of ${total.documents} documents (${reviewed} reviewed), ${total.spans} spans (${what}, seed ${result.plan.seed})`)
        } else {
          console.log(`${opts.out}: ${total.documents} documents (${reviewed} reviewed), ${total.spans} spans (${what})`)
          console.log(`${result.manifest.path}: manifest`)
        }
      } catch (error) {
        progress.end()
        if (!(error instanceof JobCancelled)) throw error
        console.error('export cancelled: nothing was written')
        process.exitCode = INTERRUPTED_EXIT_CODE
      } finally {
        interrupt.dispose()
        workspace.close()
      }
    })
}

function listOf(value: string, option: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
  if (items.length === 0) throw new UsageError(`${option} names nothing: give a comma-separated list`)
  return items
}
