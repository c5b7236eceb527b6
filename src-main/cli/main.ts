import { Command } from 'commander'
import * as agreementCommand from './commands/agreement'
import * as exportCommand from './commands/export'
import * as importCommand from './commands/import'
import * as mergeCommand from './commands/merge'
import * as serveCommand from './commands/serve'
import * as statsCommand from './commands/stats'

const program = new Command('factspan')
  .description('Label facts in report texts: import documents, export datasets, serve the app in a browser.')
  .showHelpAfterError()

// One file per command under commands/, each adding itself to the program.
for (const command of [importCommand, mergeCommand, exportCommand, statsCommand, agreementCommand, serveCommand]) command.register(program)

try {
  await program.parseAsync()
} catch (error) {
  console.error(`factspan: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
