import type { Command } from 'commander'
import { dbOption, openForCommand } from '../common'
import { contractOf } from '../contract'

export function register(program: Command): void {
  program
    .command('stats')
    .description('count documents by status and spans by label')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      const { service, workspace } = openForCommand(opts.db)
      const stats = await contractOf(service)('project.stats', {}).finally(() => workspace.close())
      if (opts.json) return console.log(JSON.stringify(stats, null, 2))
      console.log(`documents: ${stats.documents} (new ${stats.byStatus.new}, in progress ${stats.byStatus.in_progress}, done ${stats.byStatus.done})`)
      console.log(`spans: ${stats.spans}`)
      for (const [label, count] of Object.entries(stats.byLabel)) console.log(`  ${label}: ${count}`)
      console.log(`annotators: ${stats.annotators.join(', ') || '(none)'}`)
    })
}
