// How a user names a dataset's splits ("train=0.8,dev=0.1,test=0.1") and their seed, on the command line and in the
// export dialog, and the rules the contract checks them by: written once here, so all three say the same.
import { z } from 'zod'
import { FactspanError } from './errors'

export interface SplitRatio {
  /** Goes into file names (out-train.jsonl), so letters, digits, _ and - only. */
  name: string
  /** The share of the documents, above 0; the ratios of a split add up to 1. */
  ratio: number
}

export const SPLIT_NAME = /^[\p{L}\p{N}_-]{1,40}$/u
export const DEFAULT_SPLIT = 'train=0.8,dev=0.1,test=0.1'

const SPLIT_NAME_RULE = 'a split name goes into file names: letters, digits, _ and - only'

/** The largest seed: seeds are 32-bit, as the generator (mulberry32) takes them. */
export const MAX_SEED = 4_294_967_295
export const SEED_RULE = `the seed is a whole number from 0 to ${MAX_SEED}`

/** The seed of a split; the same seed and project give the same files. */
export const splitSeed = z.number({ error: SEED_RULE }).int(SEED_RULE).min(0, SEED_RULE).max(MAX_SEED, SEED_RULE)

/** A seed as typed (the CLI's --seed, the dialog's field): digits only, else NaN, which splitSeed refuses. */
export function seedFromText(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN
}

/** The splits of a dataset export: each named for file names, with a share above 0; distinct names, shares adding up to 1. */
export const splitRatios = z
  .array(z.object({ name: z.string().regex(SPLIT_NAME, SPLIT_NAME_RULE), ratio: z.number().positive().max(1) }))
  .min(1)
  .max(10)
  .superRefine((splits, context) => {
    const problem = splitRatiosProblem(splits)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

/** Reads "NAME=RATIO,NAME=RATIO…"; throws a FactspanError saying what is wrong with it. */
export function parseSplitSpec(spec: string): SplitRatio[] {
  const parts = spec.split(',').map((part) => part.trim())
  const splits = parts.map((part) => {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(part)
    if (!match) throw bad(spec, `"${part}" is not NAME=RATIO`)
    const [, name, value] = match
    if (!SPLIT_NAME.test(name)) throw bad(spec, `the name "${name}" goes into file names: use letters, digits, _ and - only`)
    const ratio = Number(value)
    if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1) throw bad(spec, `the ratio of ${name} is ${value}: it must be a number above 0 and at most 1`)
    return { name, ratio }
  })
  checkSplitRatios(splits, spec)
  return splits
}

/** The ratios' names are distinct and their sum is 1; throws a FactspanError otherwise. */
export function checkSplitRatios(splits: readonly SplitRatio[], spec = formatSplitSpec(splits)): void {
  const problem = splitRatiosProblem(splits)
  if (problem) throw bad(spec, problem)
}

/** Why these ratios make no split (a name given twice, a sum other than 1), or undefined. */
function splitRatiosProblem(splits: readonly SplitRatio[]): string | undefined {
  const names = new Set<string>()
  for (const { name } of splits) {
    if (names.has(name)) return `${name} is named twice`
    names.add(name)
  }
  const sum = splits.reduce((total, s) => total + s.ratio, 0)
  // Decimal ratios such as 0.7 + 0.2 + 0.1 do not add up to exactly 1 in binary.
  if (Math.abs(sum - 1) > 1e-9) return `the ratios add up to ${Number(sum.toFixed(9))}, not 1`
  return undefined
}

export function formatSplitSpec(splits: readonly SplitRatio[]): string {
  return splits.map((s) => `${s.name}=${s.ratio}`).join(',')
}

function bad(spec: string, reason: string): FactspanError {
  return new FactspanError('bad-input', `split "${spec}": ${reason}`)
}
