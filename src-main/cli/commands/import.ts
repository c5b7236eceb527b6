import fs from 'node:fs'
import { type Command, Option } from 'commander'
import { IMPORT_FORMATS, TEXT_ENCODINGS, type ImportFormat, type TextEncoding } from '../../shared/api'
import { importFiles } from '../../service/import'
import { dbOption, openForCommand } from '../common'
import { collectFiles } from '../files'

export function register(program: Command): void {
  program
    .command('import')
    .description('import plain-text files, folders of them, or JSONL (native or doccano) into a project')
    .argument('<paths...>', 'files or folders')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'input format (default: by extension)').choices(IMPORT_FORMATS))
    .addOption(new Option('--encoding <encoding>', 'text encoding').choices(TEXT_ENCODINGS).default('auto'))
    .option('--annotator <name>', 'who made spans that arrive without an annotator')
    .action((paths: string[], opts: { db: string; format?: ImportFormat; encoding: TextEncoding; annotator?: string }) => {
      const { workspace } = openForCommand(opts.db, true)
      const files = collectFiles(paths).map((f) => ({ name: f.name, bytes: fs.readFileSync(f.path) }))
      const report = importFiles(workspace.database(), files, {
        format: opts.format,
        encoding: opts.encoding,
        annotator: opts.annotator ?? workspace.settings.annotator,
      })
      for (const file of report.imported) {
        console.log(`${file.file}: ${file.documents} documents, ${file.spans} spans imported${file.skipped ? `, ${file.skipped} already present` : ''}`)
      }
      if (report.newLabels.length) console.log(`new labels: ${report.newLabels.join(', ')}`)
      for (const error of report.errors) console.error(`error: ${error.message}`)
      workspace.close()
      if (report.errors.length) process.exitCode = 1
    })
}
