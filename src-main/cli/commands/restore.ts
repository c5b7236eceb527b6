import path from 'node:path'
import type { Command } from 'commander'
import { restoreBackup } from '../../service/backups'
import { dbOption } from '../common'

export function register(program: Command): void {
  program
    .command('restore')
    .description('put a backup back in place of a project: the newest in NAME.backups/, or --from FILE; the project as it is is backed up first')
    .addOption(dbOption())
    .option('--from <file>', 'the backup to restore (default: the newest)')
    .action((opts: { db: string; from?: string }) => {
      const project = path.resolve(opts.db)
      // Not 'project.restore', which opens the project afterwards: restoring is for a project that may not open.
      const { from, saved } = restoreBackup(project, opts.from)
      console.log(`${project}: restored from ${from}`)
      if (saved) console.log(`the project as it was is kept in ${saved.file}`)
    })
}
