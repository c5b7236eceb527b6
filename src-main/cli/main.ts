import fs from 'node:fs'
import path from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { EXPORT_FORMATS, IMPORT_FORMATS, TEXT_ENCODINGS, type ExportFormat, type ImportFormat, type TextEncoding } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { startHttpBridge } from '../bridge/http'
import { createService } from '../service'
import { exportToFile } from '../service/export'
import { importFiles } from '../service/import'
import { appPaths } from '../service/paths'
import { projectStats } from '../service/project'
import { openLastOrSample } from '../service/sample'
import { defaultSettingsFile } from '../service/settings'
import { collectFiles } from './files'

const program = new Command('factspan')
  .description('Label facts in report texts: import documents, export datasets, serve the app in a browser.')
  .showHelpAfterError()

const dbOption = () => new Option('--db <file>', 'project file').default('project.factspan')

program
  .command('import')
  .description('import plain-text files, folders of them, or JSONL (native or doccano) into a project')
  .argument('<paths...>', 'files or folders')
  .addOption(dbOption())
  .addOption(new Option('--format <format>', 'input format (default: by extension)').choices(IMPORT_FORMATS))
  .addOption(new Option('--encoding <encoding>', 'text encoding').choices(TEXT_ENCODINGS).default('auto'))
  .option('--annotator <name>', 'who made spans that arrive without an annotator')
  .action((paths: string[], opts: { db: string; format?: ImportFormat; encoding: TextEncoding; annotator?: string }) => {
    const { workspace } = createService({ settingsFile: defaultSettingsFile(), projectPath: opts.db, createProject: true })
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

program
  .command('export')
  .description('export a project (or one annotator\'s layer) as JSONL')
  .addOption(dbOption())
  .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('native'))
  .requiredOption('--out <file>', 'output file')
  .option('--annotator <name>', 'export only this annotator\'s spans')
  .action((opts: { db: string; format: ExportFormat; out: string; annotator?: string }) => {
    const { workspace } = createService({ settingsFile: defaultSettingsFile(), projectPath: opts.db })
    const counts = exportToFile(workspace.database(), { format: opts.format, annotator: opts.annotator }, opts.out)
    console.log(`${opts.out}: ${counts.documents} documents, ${counts.spans} spans (${opts.format})`)
    workspace.close()
  })

program
  .command('stats')
  .description('count documents by status and spans by label')
  .addOption(dbOption())
  .option('--json', 'print JSON')
  .action((opts: { db: string; json?: boolean }) => {
    const { workspace } = createService({ settingsFile: defaultSettingsFile(), projectPath: opts.db })
    const stats = projectStats(workspace)
    workspace.close()
    if (opts.json) return console.log(JSON.stringify(stats, null, 2))
    console.log(`documents: ${stats.documents} (new ${stats.byStatus.new}, in progress ${stats.byStatus.in_progress}, done ${stats.byStatus.done})`)
    console.log(`spans: ${stats.spans}`)
    for (const [label, count] of Object.entries(stats.byLabel)) console.log(`  ${label}: ${count}`)
    console.log(`annotators: ${stats.annotators.join(', ') || '(none)'}`)
  })

program
  .command('serve')
  .description('serve the app on 127.0.0.1 for a browser; prints the address with its access token')
  .addOption(dbOption())
  .option('--port <n>', 'port (0: any free one)', parsePort, 0)
  .option('--open-last', 'open the last project used (or the sample project) instead of --db; used by npm start')
  .action(async (opts: { db: string; port: number; openLast?: boolean }) => {
    const { service, workspace } = createService({ settingsFile: defaultSettingsFile() })
    if (opts.openLast) openLastOrSample(workspace, path.join(path.dirname(defaultSettingsFile()), 'sample.factspan'), appPaths.corpus)
    else workspace.open(opts.db, true)
    const bridge = await startHttpBridge({ service, workspace, staticDir: appPaths.renderer, port: opts.port })
    console.log(`Factspan is serving ${workspace.path} at ${bridge.url}`)
    const stop = () => void bridge.close().then(() => (workspace.close(), process.exit(0)))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535')
  return port
}

try {
  await program.parseAsync()
} catch (error) {
  console.error(`factspan: ${error instanceof FactspanError ? error.message : error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
