import type { Command } from 'commander'
import type { TeamProgress } from '../../shared/api'
import { dbOption, openForCommand } from '../common'
import { contractOf } from '../contract'

export function register(program: Command): void {
  program
    .command('stats')
    .description("count documents by status and spans by label, and each annotator's progress: statuses, spans per label, finished over time, agreement on finished documents")
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      const { service, workspace } = openForCommand(opts.db)
      const call = contractOf(service)
      const [stats, team] = await Promise.all([call('project.stats', {}), call('project.progress', {})]).finally(() => workspace.close())
      if (opts.json) return console.log(JSON.stringify({ ...stats, team }, null, 2))
      console.log(`documents: ${stats.documents} (new ${stats.byStatus.new}, in progress ${stats.byStatus.in_progress}, done ${stats.byStatus.done})`)
      console.log(`spans: ${stats.spans}`)
      for (const [label, count] of Object.entries(stats.byLabel)) console.log(`  ${label}: ${count}`)
      if (stats.relations > 0) console.log([`relations: ${stats.relations}`, ...Object.entries(stats.byRelationType).map(([type, count]) => `  ${type}: ${count}`)].join('\n'))
      console.log(`annotators: ${stats.annotators.join(', ') || '(none)'}`)
      if (team.annotators.length > 0) console.log(['', ...formatTeam(team)].join('\n'))
    })
}

/** The progress view's figures as text tables. */
function formatTeam(team: TeamProgress): string[] {
  const lines = ['documents by status', ...table([['annotator', 'new', 'in progress', 'done'], ...team.annotators.map((a) => [a, ...(['new', 'in_progress', 'done'] as const).map((s) => String(team.byStatus[a][s]))])])]
  lines.push('', 'spans per label', ...table([['annotator', ...team.labels], ...team.annotators.map((a) => [a, ...team.labels.map((l) => String(team.spansByLabel[a][l] ?? 0))])]))
  lines.push('', 'finished over time (documents done by the end of each day, UTC)')
  if (team.finishedOverTime.length === 0) lines.push('  nothing finished yet')
  else lines.push(...table([['day', ...team.annotators], ...team.finishedOverTime.map((d) => [d.day, ...team.annotators.map((a) => String(d.finished[a]))])]))
  if (team.agreement) {
    const { counted, leftOut, labels } = team.agreement
    lines.push('', `agreement per label on finished documents (${counted} counted, ${leftOut} left out: not finished by every annotator)`)
    const number = (v: number | null) => (v === null ? '—' : v.toFixed(3))
    lines.push(...table([['label', 'F1 overlap', 'alpha_U'], ...team.labels.map((l) => [l, number(labels[l].overlapF1), number(labels[l].unitizedAlpha)])]))
  }
  return lines
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)))
  return rows.map((r) => '  ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd())
}
