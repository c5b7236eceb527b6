import path from 'node:path'
import { Command } from 'commander'
import { storageError } from '../store/storageErrors'
import * as agreementCommand from './commands/agreement'
import * as backupCommand from './commands/backup'
import * as exportCommand from './commands/export'
import * as importCommand from './commands/import'
import * as mergeCommand from './commands/merge'
import * as modelCommand from './commands/model'
import * as restoreCommand from './commands/restore'
import * as salvageCommand from './commands/salvage'
import * as serveCommand from './commands/serve'
import * as statsCommand from './commands/stats'
import * as suggestCommand from './commands/suggest'
import * as statusCommand from './commands/status'
import { UsageError } from './contract'

const program = new Command('factspan')
  .description('Label facts in report texts: import documents, export datasets, serve the app in a browser.')
  .showHelpAfterError()

// One file per command under commands/, each adding itself to the program.
for (const command of [importCommand, mergeCommand, exportCommand, statsCommand, statusCommand, agreementCommand, serveCommand, backupCommand, restoreCommand, salvageCommand, suggestCommand, modelCommand]) {
  command.register(program)
}

// The project the command works on, so a failure of its file can name it.
let project = 'project.factspan'
program.hook('preAction', (_, action) => {
  const db: unknown = action.opts().db
  if (typeof db === 'string') project = db
})

try {
  await program.parseAsync()
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`factspan: ${error.message}`)
    process.exitCode = 2
  } else {
    const storage = storageError(error, path.resolve(project))
    console.error(`factspan: ${storage?.message ?? (error instanceof Error ? error.message : String(error))}`)
    if (storage?.code === 'corrupt') {
      const db = path.resolve(project)
      console.error(`  factspan restore --db ${db}                  puts its newest backup back (the damaged file is kept)`)
      console.error(`  factspan salvage --db ${db} --out FILE.jsonl  exports what can still be read, as native JSONL`)
    }
    process.exitCode = 1
  }
}
