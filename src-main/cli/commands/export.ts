import { type Command, Option } from 'commander'
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api'
import { exportToFile } from '../../service/export'
import { dbOption, openForCommand } from '../common'

export function register(program: Command): void {
  program
    .command('export')
    .description("export a project (or one annotator's layer) as JSONL")
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('native'))
    .requiredOption('--out <file>', 'output file')
    .option('--annotator <name>', "export only this annotator's spans")
    .action((opts: { db: string; format: ExportFormat; out: string; annotator?: string }) => {
      const { workspace } = openForCommand(opts.db)
      const counts = exportToFile(workspace.database(), { format: opts.format, annotator: opts.annotator }, opts.out)
      console.log(`${opts.out}: ${counts.documents} documents, ${counts.spans} spans (${opts.format})`)
      workspace.close()
    })
}
