// What a built-in rule is: an id a project can switch off, the family that gives its label, and a finder over a
// text already folded to simplified script (scriptFold.ts), so each pattern is written once for both scripts.

/** Dates and time expressions, or figures; a project maps each family to one of its labels. */
export type RuleFamily = 'date' | 'figure'

export interface Rule {
  /** Stable: projects store it to switch the rule off. */
  id: string
  family: RuleFamily
  description: string
  /** A phrase from the corpus the rule finds, for the settings list. */
  example: string
  score: number
  /** [start, end) ranges in UTF-16 units of the folded text. */
  find(folded: string): Array<[number, number]>
}

/** Every match of a global regular expression, as UTF-16 ranges; empty matches are skipped. */
export function regexRanges(pattern: RegExp, text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++
      continue
    }
    ranges.push([match.index, match.index + match[0].length])
  }
  return ranges
}

/** A rule that is one regular expression (global and unicode flags are added). */
export function regexRule(rule: Omit<Rule, 'find'>, source: string): Rule {
  const pattern = new RegExp(source, 'gu')
  return { ...rule, find: (text) => regexRanges(pattern, text) }
}
