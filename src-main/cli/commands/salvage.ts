import path from 'node:path'
import type { Command } from 'commander'
import { salvageToFile } from '../../service/salvage'
import { dbOption } from '../common'

export function register(program: Command): void {
  program
    .command('salvage')
    .description('export what can still be read of a damaged project as native JSONL, row by row, leaving out what cannot')
    .addOption(dbOption())
    .requiredOption('--out <file>', 'the JSONL file to write')
    .action((opts: { db: string; out: string }) => {
      const project = path.resolve(opts.db)
      // Not 'project.salvage', which holds the JSONL in memory for the app to download: the CLI writes it as it reads.
      const counts = salvageToFile(project, opts.out)
      console.log(`${opts.out}: ${counts.documents} documents, ${counts.spans} spans saved from ${project}`)
      if (counts.skippedDocuments || counts.skippedSpans) {
        console.log(`left out, as they cannot be read whole: ${counts.skippedDocuments} documents, ${counts.skippedSpans} spans`)
      }
    })
}
