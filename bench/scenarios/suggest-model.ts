// The suggestion model on CLUENER2020 (../shared/datasets/cluener2020/train.json, split 90/10 by sentence, seed
// 1): training time and peak RSS (targets ≤ 60 s on two cores, ≤ 1 GB), precision, recall and F1 per label on the
// held-out part (aim ≥ 0.70 micro F1) beside a dictionary-only tagger trained on the same part, a learning curve,
// and tagging a generated 1 MB document (target ≤ 2 s). The run happens in a process of its own (modelRun.ts).
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import type { ModelRun } from '../suggest/modelRun'
import type { BenchRow, Scenario } from '../types'

const ROOT = path.join(import.meta.dirname, '..', '..')
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]
const percent = (n: number) => `${(n * 100).toFixed(1)}%`

const scenario: Scenario = {
  name: 'suggest-model',
  async run() {
    process.stderr.write(`bench: suggest-model: load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores\n`)
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'bench', 'suggest', 'modelRun.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const run = JSON.parse(out.trim().split('\n').at(-1)!) as ModelRun
    const loadAfter = os.loadavg()[0]
    const data = `CLUENER 90/10 (${run.sentences.training.toLocaleString('en')} / ${run.sentences.heldOut.toLocaleString('en')} sentences)`
    const row = (kase: string, metric: string, value: number, unit: string, baseline?: BenchRow['baseline']): BenchRow => ({ scenario: 'suggest-model', case: kase, metric, value, unit, ...(baseline ? { baseline } : {}) })
    const rows: BenchRow[] = [
      row('machine', 'load average (1 min) before / after', run.loadBefore, `/ ${loadAfter.toFixed(2)} on ${os.cpus().length} cores`),
      row(`train on ${data}, ${run.characters.toLocaleString('en')} characters, ${run.epochs} epochs (target ≤ 60 s)`, 'time', run.trainMs / 1000, 's'),
      row('the same', 'CPU time of the process, all its threads', run.trainCpuMs / 1000, 's'),
      row('the same', 'peak RSS of the process (target ≤ 1024 MB)', run.maxRssMb, 'MB'),
      row('the same', 'model file', run.modelBytes / 1e6, 'MB'),
      row(`held-out micro F1 (P ${percent(run.evaluation.micro.precision)}, R ${percent(run.evaluation.micro.recall)}; aim ≥ 0.70)`, 'micro F1', run.evaluation.micro.f1, ''),
      row(
        `held-out micro F1 of the dictionary-only tagger, same split (P ${percent(run.dictionaryEvaluation.micro.precision)}, R ${percent(run.dictionaryEvaluation.micro.recall)})`,
        'micro F1 (baseline)',
        run.dictionaryEvaluation.micro.f1,
        '',
      ),
      ...run.evaluation.labels.map((l, i) =>
        row(`${l.label}: P ${percent(l.precision)}, R ${percent(l.recall)}, ${l.gold} spans; dictionary-only F1 ${run.dictionaryEvaluation.labels[i].f1.toFixed(3)}`, 'F1', l.f1, ''),
      ),
      ...run.curve.map((p) => row(`learning curve: ${percent(p.share)} of the training part (${p.documents.toLocaleString('en')} sentences)`, 'micro F1', p.f1, '')),
      row(`tag a generated 1 MB document (${run.tagCharacters.toLocaleString('en')} characters; target ≤ 2000 ms)`, 'median of 3', median(run.tagMs), 'ms', {
        name: 'dictionary-only tagger',
        value: median(run.dictionaryTagMs),
      }),
      row('the same, CPU time (less sensitive to the machine being shared)', 'median of 3', median(run.tagCpuMs), 'ms'),
    ]
    return rows
  },
}

export default scenario
