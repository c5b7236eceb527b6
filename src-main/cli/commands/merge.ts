import path from 'node:path'
import type { Command } from 'commander'
import { mergeFiles } from '../../service/merge'
import { argSchemas } from '../../shared/api'
import { dbOption, openForCommand } from '../common'
import { checkArgs } from '../contract'

export function register(program: Command): void {
  program
    .command('merge')
    .description("add other annotators' work to a project: their .factspan files or native JSONL exports, matched by text")
    .argument('<files...>', '.factspan projects or JSONL exports')
    .addOption(dbOption())
    .option('--annotator <name>', 'whose layer spans without an annotator (in JSONL) go to')
    .action((files: string[], opts: { db: string; annotator?: string }) => {
      const { annotator } = checkArgs(argSchemas['merge.files'].pick({ annotator: true }), { annotator: opts.annotator }, {})
      // A reviewer may start from nothing: the project is created when it does not exist yet.
      const { workspace } = openForCommand(opts.db, true)
      // 'merge.files' takes the files' bytes, as the app sends them; the CLI merges the same way from paths, so a
      // large project file is opened where it is rather than read into memory.
      const report = mergeFiles(
        workspace.database(),
        files.map((file) => ({ name: file, path: path.resolve(file) })),
        { annotator },
      )
      for (const file of report.merged) {
        const layers = file.annotators.join(', ') || 'no spans'
        console.log(
          `${file.file}: ${layers} — documents: ${file.documents.matched} matched, ${file.documents.added} added; ` +
            `spans: ${file.spans.added} added, ${file.spans.skipped} already present` +
            (file.relations.added + file.relations.skipped > 0 ? `; relations: ${file.relations.added} added, ${file.relations.skipped} already present` : '') +
            `; statuses: ${file.statuses} brought`,
        )
        if (file.guidelines === 'different') console.log(`${file.file}: its guidelines differ from this project's, which stay as they are`)
      }
      if (report.newLabels.length) console.log(`new labels: ${report.newLabels.join(', ')}`)
      for (const problem of report.problems) console.error(`not merged: ${problem.message}`)
      workspace.close()
      if (report.problems.length) process.exitCode = 1
    })
}
