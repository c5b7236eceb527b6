// How a user names a dataset's splits: "train=0.8,dev=0.1,test=0.1", on the command line and in the export dialog.
import { FactspanError } from './errors'

export interface SplitRatio {
  /** Goes into file names (out-train.jsonl), so letters, digits, _ and - only. */
  name: string
  /** The share of the documents, above 0; the ratios of a split add up to 1. */
  ratio: number
}

export const SPLIT_NAME = /^[\p{L}\p{N}_-]{1,40}$/u
export const DEFAULT_SPLIT = 'train=0.8,dev=0.1,test=0.1'

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
  const names = new Set<string>()
  for (const { name } of splits) {
    if (names.has(name)) throw bad(spec, `${name} is named twice`)
    names.add(name)
  }
  const sum = splits.reduce((total, s) => total + s.ratio, 0)
  // Decimal ratios such as 0.7 + 0.2 + 0.1 do not add up to exactly 1 in binary.
  if (Math.abs(sum - 1) > 1e-9) throw bad(spec, `the ratios add up to ${Number(sum.toFixed(9))}, not 1`)
}

export function formatSplitSpec(splits: readonly SplitRatio[]): string {
  return splits.map((s) => `${s.name}=${s.ratio}`).join(',')
}

function bad(spec: string, reason: string): FactspanError {
  return new FactspanError('bad-input', `split "${spec}": ${reason}`)
}
