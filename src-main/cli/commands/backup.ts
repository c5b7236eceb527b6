import path from 'node:path'
import type { Command } from 'commander'
import { backupFolder, listBackups, makeBackup } from '../../service/backups'
import { openProjectReadOnly } from '../../store/open'
import { dbOption } from '../common'

export function register(program: Command): void {
  program
    .command('backup')
    .description(`back up a project now, into NAME.backups/ beside it (the newest backups are kept there)`)
    .addOption(dbOption())
    .option('--list', 'list the backups instead, newest first')
    .action((opts: { db: string; list?: boolean }) => {
      const project = path.resolve(opts.db)
      if (opts.list) {
        const backups = listBackups(project)
        console.log(`${backupFolder(project)}: ${backups.length} backup${backups.length === 1 ? '' : 's'}`)
        for (const backup of backups) console.log(`${backup.createdAt}  ${backup.reason}  ${backup.bytes} bytes  ${backup.file}`)
        return
      }
      // Not 'project.backup', which backs up the open project: opening would migrate an older file first, and a
      // backup should be of the file as it is.
      // Only a whole Factspan project is worth a backup; anything else is refused with its reason.
      openProjectReadOnly(project).close()
      const backup = makeBackup(project, 'manual')
      console.log(`${project}: backed up to ${backup.file}`)
    })
}
