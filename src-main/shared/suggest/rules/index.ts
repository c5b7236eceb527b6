// Rules for the facts of Chinese economic reports: dates and time expressions (dateRules.ts) and figures
// (figureRules.ts), each with an id a project can switch off, in traditional and simplified script alike (texts are
// folded to simplified code point by code point, so offsets carry over), plus the project's own patterns.
//
// API: BUILT_IN_RULES (id, family, description, example, score) · ruleSource(options) — the SuggestionSource named
//      'rule'; its suggestions carry ruleId. See userPatterns.ts and patternsJsonl.ts for the project's patterns.
import { OffsetMap } from '../../offsets'
import { foldText } from '../scriptFold'
import { longestFirst, type Suggestion, type SuggestionSource } from '../suggestion'
import { DATE_RULES, joinDatePieces, type DatePiece } from './dateRules'
import { FIGURE_RULES } from './figureRules'
import type { Rule, RuleFamily } from './rule'
import { userPatternMatcher, type UserPattern } from './userPatterns'

export type { RuleFamily } from './rule'
export type { UserPattern } from './userPatterns'

export const BUILT_IN_RULES: readonly Rule[] = [...DATE_RULES, ...FIGURE_RULES]

/** The labels rules suggest when a project names none: the guidelines' date and metric. */
export const DEFAULT_RULE_LABELS: Readonly<Record<RuleFamily, string>> = { date: 'date', figure: 'metric' }

export interface RuleOptions {
  /** Ids of built-in rules switched off. */
  disabled?: Iterable<string>
  /** The label of each family's suggestions. */
  labels?: Partial<Record<RuleFamily, string>>
  /** The project's own patterns; each must pass patternProblem. */
  patterns?: readonly UserPattern[]
}

export function ruleSource(options: RuleOptions = {}): SuggestionSource {
  const disabled = new Set(options.disabled ?? [])
  const labels = { ...DEFAULT_RULE_LABELS, ...options.labels }
  const on = (rule: Rule) => !disabled.has(rule.id)
  const dates = DATE_RULES.filter(on)
  const figures = FIGURE_RULES.filter(on)
  const ranges = !disabled.has('date.range')
  const scores = new Map(BUILT_IN_RULES.map((rule) => [rule.id, rule.score]))
  const patterns = userPatternMatcher(options.patterns ?? [])

  return {
    name: 'rule',
    suggest(text, documentId) {
      const folded = foldText(text)
      const map = new OffsetMap(folded)
      const pieces: DatePiece[] = dates.flatMap((rule) => rule.find(folded).map(([start, end]) => ({ start, end, ruleId: rule.id })))
      const figureRanges = figures.flatMap((rule) => rule.find(folded).map(([start, end]) => ({ start, end, ruleId: rule.id })))
      const found = [
        ...joinDatePieces(folded, pieces, ranges).map((piece) => ({ ...piece, family: 'date' as const })),
        ...longestFirst(figureRanges, folded.length).map((piece) => ({ ...piece, family: 'figure' as const })),
      ]
      const out: Suggestion[] = found.map(({ start, end, ruleId, family }) => ({
        ...(documentId === undefined ? {} : { documentId }),
        start: map.toCodePoint(start),
        end: map.toCodePoint(end),
        label: labels[family],
        source: 'rule',
        score: scores.get(ruleId)!,
        ruleId,
      }))
      for (const suggestion of patterns(text)) out.push(documentId === undefined ? suggestion : { ...suggestion, documentId })
      return out
    },
  }
}
