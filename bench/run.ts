// npm run bench [-- NAME...]: runs the scenarios under bench/scenarios (all, or those whose file name matches),
// prints one table and writes it as JSON under bench/results/.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BenchRow, Scenario } from './types'

const here = import.meta.dirname
const filters = process.argv.slice(2)
const files = fs
  .readdirSync(path.join(here, 'scenarios'))
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort()

const rows: BenchRow[] = []
for (const file of files) {
  const scenario = (await import(pathToFileURL(path.join(here, 'scenarios', file)).href)).default as Scenario
  process.stderr.write(`bench: ${scenario.name}…\n`)
  rows.push(...(await scenario.run()))
}

printTable(rows)
const results = path.join(here, 'results')
fs.mkdirSync(results, { recursive: true })
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const report = JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)
fs.writeFileSync(path.join(results, `${stamp}.json`), report)
fs.writeFileSync(path.join(results, 'latest.json'), report)

function printTable(table: BenchRow[]): void {
  const lines = table.map((r) => [
    r.scenario,
    r.case,
    r.metric,
    `${format(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${format(r.baseline.value)} ${r.unit}` : '',
    r.baseline && r.value > 0 ? `${format(r.baseline.value / r.value)}×` : '',
  ])
  const header = ['scenario', 'case', 'metric', 'factspan', 'baseline (same run)', 'baseline ÷ factspan']
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ')
  console.log(render(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const line of lines) console.log(render(line))
}

function format(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3)
}
