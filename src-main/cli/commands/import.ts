import { type Command, Option } from 'commander'
import {
  argSchemas,
  COLUMN_SEPARATORS,
  DISCONTINUOUS_SPANS,
  IMPORT_FORMATS,
  TEXT_ENCODINGS,
  type ColumnSeparator,
  type DiscontinuousSpans,
  type ImportFormat,
  type TextEncoding,
} from '../../shared/api'
import { importJob } from '../../service/importJob'
import { runJob } from '../../service/jobs'
import { dbOption, openForCommand } from '../common'
import { checkArgs } from '../contract'
import { collectFiles } from '../files'
import { cancelOnInterrupt, INTERRUPTED_EXIT_CODE } from '../interrupt'
import { progressReporter } from '../progress'

interface ImportCommandOptions {
  db: string
  format?: ImportFormat
  encoding: TextEncoding
  annotator?: string
  lenient?: boolean
  separator?: ColumnSeparator
  discontinuous: DiscontinuousSpans
  textField?: string
  labelField?: string
  as: 'spans' | 'suggestions'
}

export function register(program: Command): void {
  program
    .command('import')
    .description('import plain-text files, folders of them, or annotated data (JSONL, Label Studio, brat, CoNLL bio/bioes/bmes) into a project')
    .argument('<paths...>', 'files or folders')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'input format (default: by extension)').choices(IMPORT_FORMATS))
    .addOption(new Option('--encoding <encoding>', 'text encoding').choices(TEXT_ENCODINGS).default('auto'))
    .option('--annotator <name>', 'who made spans that arrive without an annotator')
    .option('--lenient', 'import what can be trusted and list the rest with file and line, instead of refusing the file')
    .addOption(new Option('--separator <separator>', 'bio, bioes, bmes: the column separator (default: tab or spaces)').choices(COLUMN_SEPARATORS))
    .addOption(new Option('--discontinuous <how>', 'brat: a span of several fragments becomes one span per fragment, or none').choices(DISCONTINUOUS_SPANS).default('split'))
    .option('--text-field <name>', 'JSON files: the field that holds the text (default: text)')
    .option('--label-field <name>', 'doccano: the field that holds the spans (default: label)')
    .addOption(new Option('--as <what>', 'suggestions: store the spans as suggestions to accept or reject (a model run elsewhere), not as spans').choices(['spans', 'suggestions']).default('spans'))
    .action(async (paths: string[], opts: ImportCommandOptions) => {
      const files = collectFiles(paths, opts.format, (file, reason) => console.error(`warning: ${file}: ${reason}`))
      // The options as 'import.files' checks them. That method takes the files' bytes, which the app sends; the CLI
      // runs the same import job on paths instead, so that a large JSONL file streams from disk a line at a time.
      const options = checkArgs(
        argSchemas['import.files'].omit({ files: true, jobId: true }),
        {
          format: opts.format,
          encoding: opts.encoding,
          lenient: opts.lenient,
          separator: opts.separator,
          discontinuous: opts.discontinuous,
          textField: opts.textField,
          labelField: opts.labelField,
          as: opts.as,
        },
        {},
      )
      const { workspace } = openForCommand(opts.db, true)
      const job = importJob(workspace.database(), files, { ...options, annotator: opts.annotator ?? workspace.settings.annotator })
      const progress = progressReporter('import')
      const interrupt = cancelOnInterrupt()
      const report = await runJob(job, { signal: interrupt.signal, onProgress: (step) => progress.update(step) }).finally(() => {
        progress.end()
        interrupt.dispose()
      })
      for (const file of report.imported) {
        const readAs = file.readAs ? ` (read as ${file.readAs})` : ''
        const suggestions = file.suggestions ? `, ${file.suggestions} suggestions` : ''
        const relations = file.relations ? `, ${file.relations} relations` : ''
        console.log(`${file.file}: ${file.documents} documents, ${file.spans} spans${relations}${suggestions} imported${file.skipped ? `, ${file.skipped} already present` : ''}${readAs}`)
      }
      if (report.newLabels.length) console.log(`new labels: ${report.newLabels.join(', ')}`)
      if (report.newRelationTypes?.length) console.log(`new relation types: ${report.newRelationTypes.join(', ')}`)
      for (const warning of report.warnings) console.error(`warning: ${warning.message}`)
      for (const error of report.errors) console.error(`error: ${error.message}`)
      workspace.close()
      if (report.cancelled) process.exitCode = INTERRUPTED_EXIT_CODE
      else if (report.errors.length) process.exitCode = 1
    })
}
