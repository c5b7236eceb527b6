// Importing and exporting a dataset of 100,000 documents with 1,000,000 spans (FACTSPAN_BENCH_DOCUMENTS scales it
// down for a quick run): native JSONL generated from corpus sentences, imported the CLI's way (streamed, batched, one
// transaction), exported as native and as doccano split train/dev/test. Each phase runs in its own process, so its
// peak RSS is its own. The ceiling, measured in the same run: better-sqlite3 inserting the same rows, made beforehand,
// with one prepared statement per table in one transaction. Import and ceiling run three times, taking turns, and
// their medians are compared, since what else runs on the machine moves single runs by a third.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BenchRow, Scenario } from '../types'

const DOCUMENTS = Number(process.env.FACTSPAN_BENCH_DOCUMENTS ?? 100_000)
const ROOT = path.join(import.meta.dirname, '..', '..')
const TARGET_RATIO = 0.5
const RUNS = 3

interface PhaseResult {
  ms: number
  documents: number
  spans: number
  maxRssMb: number
}

function median(results: PhaseResult[]): PhaseResult {
  const sorted = [...results].sort((a, b) => a.ms - b.ms)
  return { ...sorted[Math.floor(sorted.length / 2)], maxRssMb: Math.max(...results.map((r) => r.maxRssMb)) }
}

function removeProject(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
}

function runPhase(phase: string, dir: string): PhaseResult {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'bench', 'dataset-io', 'phase.ts'), phase, dir, String(DOCUMENTS)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as PhaseResult
  process.stderr.write(`bench: dataset-io ${phase}: ${(result.ms / 1000).toFixed(1)} s, peak RSS ${result.maxRssMb.toFixed(0)} MB\n`)
  return result
}

const scenario: Scenario = {
  name: 'dataset-io',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-bench-'))
    try {
      const generated = runPhase('generate', dir)
      const megabytes = fs.statSync(path.join(dir, 'input.jsonl')).size / 1024 / 1024
      const imports: PhaseResult[] = []
      const raws: PhaseResult[] = []
      for (let run = 0; run < RUNS; run++) {
        // Every import but the last starts from no project; the exports read the last one.
        removeProject(path.join(dir, 'project.factspan'))
        imports.push(runPhase('import', dir))
        removeProject(path.join(dir, 'raw.factspan'))
        raws.push(runPhase('raw', dir))
      }
      const [imported, raw] = [median(imports), median(raws)]
      const native = runPhase('export-native', dir)
      const split = runPhase('export-doccano-split', dir)
      if (imported.documents !== DOCUMENTS || native.spans !== generated.spans || split.spans !== generated.spans) {
        throw new Error(`dataset-io lost data: generated ${JSON.stringify(generated)}, imported ${JSON.stringify(imported)}, exported ${JSON.stringify(native)}`)
      }
      const scale = `${DOCUMENTS.toLocaleString('en')} documents, ${generated.spans.toLocaleString('en')} spans (${megabytes.toFixed(0)} MB native JSONL)`
      const rate = (r: PhaseResult, of: 'documents' | 'spans') => (r[of] * 1000) / r.ms
      const rows: BenchRow[] = []
      for (const of of ['documents', 'spans'] as const) {
        rows.push({
          scenario: 'dataset-io',
          case: `import ${scale}, streamed; factspan ÷ raw ${(raw.ms / imported.ms).toFixed(2)} (target ≥ ${TARGET_RATIO})`,
          metric: `${of}/s, median of ${RUNS}`,
          value: rate(imported, of),
          unit: `${of}/s`,
          baseline: { name: 'raw better-sqlite3 insert of the same rows', value: rate(raw, of) },
        })
      }
      for (const [name, result] of [
        ['export native', native],
        ['export doccano, split train/dev/test', split],
      ] as const) {
        rows.push({ scenario: 'dataset-io', case: `${name}, ${scale}`, metric: 'documents/s', value: rate(result, 'documents'), unit: 'documents/s' })
        rows.push({ scenario: 'dataset-io', case: `${name}, ${scale}`, metric: 'spans/s', value: rate(result, 'spans'), unit: 'spans/s' })
      }
      for (const [name, result] of [
        ['generate', generated],
        [`import (highest of ${RUNS})`, imported],
        [`raw insert, rows held in memory (highest of ${RUNS})`, raw],
        ['export native', native],
        ['export doccano, split', split],
      ] as const) {
        rows.push({ scenario: 'dataset-io', case: `${name}, ${scale}`, metric: 'peak RSS', value: result.maxRssMb, unit: 'MB' })
      }
      return rows
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
