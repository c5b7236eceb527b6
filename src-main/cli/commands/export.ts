import { type Command, Option } from 'commander'
import { COLUMN_SEPARATORS, EXPORT_FORMATS, type ColumnSeparator, type ExportFormat, type ExportWarning } from '../../shared/api'
import { describeLayer, exportLayer, exportToFile, exportToFolder } from '../../service/export'
import { codecs } from '../../shared/formats'
import { countReviewedDocuments } from '../../store/documents'
import { dbOption, openForCommand } from '../common'

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
    .action((opts: { db: string; format: ExportFormat; out: string; annotator?: string; layer?: string; separator: ColumnSeparator }) => {
      const { workspace } = openForCommand(opts.db)
      const db = workspace.database()
      const onWarning = (w: ExportWarning) => console.error(`warning: document "${w.documentId}": ${w.reason}`)
      const options = { format: opts.format, annotator: opts.annotator, layer: opts.layer, separator: opts.separator, onWarning }
      const layer = exportLayer(db, options)
      const counts = (codecs[opts.format].output === 'folder' ? exportToFolder : exportToFile)(db, options, opts.out)
      const reviewed = countReviewedDocuments(db)
      console.log(`${opts.out}: ${counts.documents} documents (${reviewed} reviewed), ${counts.spans} spans (${opts.format}, ${describeLayer(layer)})`)
      workspace.close()
    })
}
