import type { Command } from 'commander'
import type { AgreementReport, GroupScores, PairScores, Score } from '../../shared/agreementReport'
import { dbOption, openForCommand } from '../common'
import { contractOf } from '../contract'

export function register(program: Command): void {
  program
    .command('agreement')
    .description("measure how far annotators agree: span F1, Cohen's and Fleiss' kappa, Krippendorff's α_U; per pair, for the group and per label")
    .addOption(dbOption())
    .option('--annotators <names>', 'comma-separated annotators to compare (default: all but the gold layer)')
    .option('--include-gold', 'compare the gold layer too (then only reviewed documents count)')
    .option('--all-documents', 'count every document, also those an annotator has not marked done')
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; annotators?: string; includeGold?: boolean; allDocuments?: boolean; json?: boolean }) => {
      const { service, workspace } = openForCommand(opts.db)
      const annotators = opts.annotators
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean)
      const report = await contractOf(service)('review.agreement', { annotators, includeGold: opts.includeGold, allDocuments: opts.allDocuments }).finally(() => workspace.close())
      console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report))
    })
}

/** The report as plain-text tables: spans per annotator, then pairs × measures overall and per label. */
function formatReport(report: AgreementReport): string {
  const lines = [
    `Agreement of ${report.annotators.join(', ') || 'no annotators'} over ${count(report.documents, 'document')} (${count(report.characters, 'character')})`,
    ...countedLines(report),
    '',
    ...table([
      ['spans', ...report.labels, 'total'],
      ...report.annotators.map((a) => {
        const counts = report.labels.map((label) => report.spans[a][label])
        return [a, ...counts.map(String), String(counts.reduce((x, y) => x + y, 0))]
      }),
    ]),
  ]
  if (report.annotators.length < 2) return [...lines, '', 'Fewer than two annotators: nothing to compare.'].join('\n')
  const section = (title: string, pick: <T>(scores: { overall: T; labels: Record<string, T> }) => T) => [
    '',
    ...table([
      [title, 'F1 exact', 'F1 overlap', 'kappa', 'alpha_U'],
      ...report.pairs.map((p) => pairRow(p.annotators.join(' × '), pick(p))),
      groupRow(`all ${report.annotators.length}`, pick(report.group)),
    ]),
  ]
  lines.push(...section('overall', (s) => s.overall))
  for (const label of report.labels) lines.push(...section(label, (s) => s.labels[label]))
  lines.push(...relationSection(report))
  lines.push(
    '',
    "kappa: Cohen's for a pair, Fleiss' for the group, on characters (label or none). alpha_U: Krippendorff's unitizing alpha.",
    'F1 of the group: mean of the pairs. —: undefined (no spans to compare).',
  )
  return lines.join('\n')
}

/** Relations per annotator and type, then relation F1 per pair and type; nothing when no layer has a relation. */
function relationSection(report: AgreementReport): string[] {
  const types = report.relationTypes
  const total = (a: string) => types.reduce((sum, t) => sum + report.relations[a][t], 0)
  if (report.annotators.every((a) => total(a) === 0)) return []
  return [
    '',
    ...table([['relations', ...types, 'total'], ...report.annotators.map((a) => [a, ...types.map((t) => String(report.relations[a][t])), String(total(a))])]),
    '',
    ...table([
      ['relation F1', ...types, 'overall'],
      ...report.pairs.map((p) => [p.annotators.join(' × '), ...types.map((t) => number(p.relations.types[t].f1)), number(p.relations.overall.f1)]),
    ]),
    'relation F1: both ends match exactly (start, end, label) and the type is equal.',
  ]
}

/** How many documents were counted and which were left out, with why; every document with --all-documents. */
function countedLines(report: AgreementReport): string[] {
  if (report.allDocuments) return ['Every document counted, finished or not (--all-documents).']
  const lines = [`${report.documents} counted: finished by every annotator compared; ${report.leftOut.length} left out${report.leftOut.length ? ':' : '.'}`]
  for (const doc of report.leftOut) lines.push(`  ${doc.documentId}: ${doc.reasons.join('; ')}`)
  if (report.leftOut.length) lines.push('(--all-documents counts them too)')
  return lines
}

function pairRow(name: string, s: PairScores): string[] {
  return [name, number(s.exactF1.f1), number(s.overlapF1.f1), number(s.cohenKappa), number(s.unitizedAlpha)]
}

function groupRow(name: string, s: GroupScores): string[] {
  return [name, number(s.exactF1), number(s.overlapF1), number(s.fleissKappa), number(s.unitizedAlpha)]
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function number(value: Score): string {
  return value === null ? '—' : value.toFixed(3)
}

/** Left-aligned first column, right-aligned numbers, padded by what a terminal shows (汉字 take two columns). */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))))
  const pad = (cell: string, width: number) => ' '.repeat(width - displayWidth(cell))
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell + pad(cell, widths[i]) : pad(cell, widths[i]) + cell)).join('  ').trimEnd())
}

function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1
  return width
}
