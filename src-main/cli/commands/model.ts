import fs from 'node:fs'
import type { Command } from 'commander'
import { trainProjectModel } from '../../service/suggestions'
import { writeTransaction } from '../../store/db'
import { writeModel } from '../../store/suggestions'
import { FactspanError } from '../../shared/errors'
import { GOLD_LAYER, isGoldName } from '../../shared/model'
import { now } from '../../service/workspace'
import { dbOption, openForCommand } from '../common'
import { progressReporter } from '../progress'
import { listOf } from './suggest'

interface TrainOptions {
  db: string
  layer: string
  labels?: string
  eval: string
  seed: string
  epochs?: string
  curve?: boolean
  out: string
}

export function register(program: Command): void {
  const model = program.command('model').description('the suggestion model: a character tagger trained on the project')
  model
    .command('train')
    .description('train the model on the finished documents of a layer, print precision, recall and F1 per label on a held-out part, and write it')
    .addOption(dbOption())
    .option('--layer <layer>', 'gold, or an annotator’s name', GOLD_LAYER)
    .option('--labels <labels>', 'only these labels, e.g. date,metric (default: every label of the layer)')
    .option('--eval <share>', 'the share of documents held out to evaluate on', '0.1')
    .option('--seed <n>', 'the seed of the split and of training: the same seed gives the same model', '1')
    .option('--epochs <n>', 'passes over the documents (default 10)')
    .option('--curve', 'also train on a quarter and a half of the documents and print the learning curve')
    .requiredOption('--out <file>', 'the model file to write (it is stored in the project too)')
    .action(async (opts: TrainOptions) => {
      const heldOut = Number(opts.eval)
      if (!(heldOut >= 0 && heldOut < 1)) throw new FactspanError('bad-input', `--eval must be a share from 0 to below 1, such as 0.1, not "${opts.eval}"`)
      const seed = Number(opts.seed)
      if (!/^\d+$/.test(opts.seed) || seed > 4_294_967_295) throw new FactspanError('bad-input', `--seed must be a whole number from 0 to 4294967295, not "${opts.seed}"`)
      const epochs = opts.epochs === undefined ? undefined : Number(opts.epochs)
      if (epochs !== undefined && !(Number.isInteger(epochs) && epochs >= 1 && epochs <= 100)) throw new FactspanError('bad-input', `--epochs must be a whole number from 1 to 100, not "${opts.epochs}"`)
      const layer = isGoldName(opts.layer) ? GOLD_LAYER : opts.layer
      const { workspace } = openForCommand(opts.db)
      const progress = progressReporter('train')
      try {
        const db = workspace.database()
        const labels = opts.labels === undefined ? undefined : listOf(opts.labels, '--labels')
        const started = performance.now()
        const { model: bytes, info } = await trainProjectModel(
          db,
          { layer, labels, heldOut, seed, epochs, curve: opts.curve ?? false },
          { onProgress: (p) => progress.update({ done: p.phase === 'training' ? p.fraction : 1, total: 1 }) },
        )
        progress.end()
        try {
          fs.writeFileSync(opts.out, bytes)
        } catch (error) {
          throw new FactspanError('io-error', `${opts.out}: cannot write: ${(error as Error).message}`)
        }
        writeTransaction(db, () => writeModel(db, bytes, JSON.stringify(info), now()))
        const seconds = (performance.now() - started) / 1000
        console.log(`trained on ${info.documents} documents of the layer "${layer}", evaluated on ${info.heldOutDocuments} held out, in ${seconds.toFixed(1)} s`)
        if (info.evaluation) {
          const width = Math.max(5, ...info.evaluation.perLabel.map((l) => [...l.label].length))
          console.log(`${'label'.padEnd(width)}  precision  recall  f1     support`)
          const row = (label: string, p: number, r: number, f: number, n: string) => console.log(`${label.padEnd(width)}  ${p.toFixed(3).padEnd(9)}  ${r.toFixed(3).padEnd(6)}  ${f.toFixed(3).padEnd(5)}  ${n}`.trimEnd())
          for (const l of info.evaluation.perLabel) row(l.label, l.precision, l.recall, l.f1, String(l.support))
          const { micro } = info.evaluation
          row('micro', micro.precision, micro.recall, micro.f1, '')
        } else {
          console.log('nothing was held out (--eval 0, or fewer than two documents): no evaluation')
        }
        for (const point of info.learningCurve) console.log(`learning curve: ${point.documents} documents (${Math.round(point.share * 100)}%): f1 ${point.f1.toFixed(3)}`)
        console.log(`${opts.out}: ${bytes.byteLength} bytes (stored in ${workspace.path} too)`)
      } finally {
        progress.end()
        workspace.close()
      }
    })
}
