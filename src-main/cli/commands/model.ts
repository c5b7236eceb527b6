import fs from 'node:fs'
import type { Command } from 'commander'
import { FactspanError } from '../../shared/errors'
import { GOLD_LAYER } from '../../shared/model'
import { argSchemas, type ModelInfo } from '../../shared/api'
import { dbOption, openForCommand } from '../common'
import { checkArgs, contractOf } from '../contract'
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
      const number = (typed: string | undefined) => (typed === undefined ? undefined : /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : NaN)
      const args = {
        layer: opts.layer,
        labels: opts.labels === undefined ? undefined : listOf(opts.labels, '--labels'),
        heldOut: number(opts.eval),
        seed: number(opts.seed),
        epochs: number(opts.epochs),
        learningCurve: opts.curve ?? false,
      }
      // The options as 'model.train' checks them, a refusal naming the option typed.
      checkArgs(argSchemas['model.train'], args, {
        heldOut: { option: '--eval', typed: opts.eval },
        seed: { option: '--seed', typed: opts.seed },
        epochs: { option: '--epochs', typed: opts.epochs },
      })
      const { service, workspace } = openForCommand(opts.db)
      const call = contractOf(service)
      const progress = progressReporter('train')
      const stop = workspace.onEvent((message) => {
        if (message.event === 'job-progress' && message.payload.kind === 'training') progress.update({ done: message.payload.fraction, total: 1 })
      })
      try {
        const started = performance.now()
        const info = await call('model.train', args)
        progress.end()
        const { base64, bytes } = await call('model.save', {})
        try {
          fs.writeFileSync(opts.out, Buffer.from(base64, 'base64'))
        } catch (error) {
          throw new FactspanError('io-error', `${opts.out}: cannot write: ${(error as Error).message}`)
        }
        const seconds = (performance.now() - started) / 1000
        console.log(`trained on ${info.documents} documents of the layer "${info.layer}", evaluated on ${info.heldOutDocuments} held out, in ${seconds.toFixed(1)} s`)
        printScores(info)
        console.log(`${opts.out}: ${bytes} bytes (stored in ${workspace.path} too)`)
      } finally {
        stop()
        progress.end()
        workspace.close()
      }
    })
}

function printScores(info: ModelInfo): void {
  if (!info.evaluation) {
    console.log('nothing was held out (--eval 0, or fewer than two documents): no evaluation')
    return
  }
  const width = Math.max(5, ...info.evaluation.perLabel.map((l) => [...l.label].length))
  const row = (label: string, p: number, r: number, f: number, n: string) =>
    console.log(`${label.padEnd(width)}  ${p.toFixed(3).padEnd(9)}  ${r.toFixed(3).padEnd(6)}  ${f.toFixed(3).padEnd(5)}  ${n}`.trimEnd())
  console.log(`${'label'.padEnd(width)}  precision  recall  f1     support`)
  for (const l of info.evaluation.perLabel) row(l.label, l.precision, l.recall, l.f1, String(l.support))
  const { micro } = info.evaluation
  row('micro', micro.precision, micro.recall, micro.f1, '')
  for (const point of info.learningCurve) console.log(`learning curve: ${point.documents} documents (${Math.round(point.share * 100)}%): f1 ${point.f1.toFixed(3)}`)
}
