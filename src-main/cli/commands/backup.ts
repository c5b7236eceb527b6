import path from 'node:path'
import type { Command } from 'commander'
import { createService } from '../../service'
import { makeBackup } from '../../service/backups'
import { defaultSettingsFile } from '../../service/settings'
import { openProjectReadOnly } from '../../store/open'
import { dbOption } from '../common'
import { contractOf } from '../contract'

export function register(program: Command): void {
  program
    .command('backup')
    .description(`back up a project now, into NAME.backups/ beside it (the newest backups are kept there)`)
    .addOption(dbOption())
    .option('--list', 'list the backups instead, newest first')
    .action(async (opts: { db: string; list?: boolean }) => {
      const project = path.resolve(opts.db)
      if (opts.list) {
        // Listing needs no open project: the contract's method takes the project's path.
        const { folder, backups } = await contractOf(createService({ settingsFile: defaultSettingsFile() }).service)('project.backups', { path: project })
        console.log(`${folder}: ${backups.length} backup${backups.length === 1 ? '' : 's'}`)
        for (const backup of backups) console.log(`${backup.createdAt}  ${backup.reason}  ${backup.bytes} bytes  ${backup.file}`)
        return
      }
      // Not 'project.backup', which backs up the open project: opening would migrate an older file first, and a
      // backup is of the file as it is. Only a whole Factspan project is worth one; anything else is refused.
      openProjectReadOnly(project).close()
      const backup = makeBackup(project, 'manual')
      console.log(`${project}: backed up to ${backup.file}`)
    })
}
