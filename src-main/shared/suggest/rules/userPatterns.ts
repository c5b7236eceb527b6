// A project's own patterns: an exact string or a regular expression, each with its label, as Prodigy's patterns
// (`{"label": "measure", "pattern": "復工閃貸"}`); a regular expression says `"regex": true`. Regular expressions
// run on the text as it is, with the `u` flag, so `.` is one code point and 𠮷 is never split.
import { OffsetMap } from '../../offsets'
import { codePointsOf } from '../codePoints'
import { PhraseMatcher } from '../phraseMatcher'
import { longestFirst, type Suggestion } from '../suggestion'
import { regexRanges } from './rule'

export interface UserPattern {
  label: string
  pattern: string
  regex?: boolean
  /** Names the pattern in ruleId (`user:ID`); the pattern itself when absent. */
  id?: string
}

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: UserPattern): string | undefined {
  if (pattern.label.trim() === '') return 'label is empty'
  if (pattern.pattern === '') return 'pattern is empty'
  if (!pattern.regex) return undefined
  let compiled: RegExp
  try {
    compiled = new RegExp(pattern.pattern, 'u')
  } catch (error) {
    return `pattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`
  }
  if (compiled.test('')) return 'pattern matches the empty string, so it would suggest nothing but empty spans'
  return undefined
}

export function userPatternId(pattern: UserPattern): string {
  return `user:${pattern.id ?? pattern.pattern}`
}

/** Suggestions of the patterns, which must have no problem (see patternProblem); exact strings longest first. */
export function userPatternMatcher(patterns: readonly UserPattern[]): (text: string) => Suggestion[] {
  for (const pattern of patterns) {
    const problem = patternProblem(pattern)
    if (problem) throw new RangeError(`pattern ${JSON.stringify(pattern.pattern)}: ${problem}`)
  }
  const phrases = patterns.filter((p) => !p.regex)
  const regexes = patterns.filter((p) => p.regex).map((p) => ({ pattern: p, compiled: new RegExp(p.pattern, 'gu') }))
  const matcher = phrases.length > 0 ? new PhraseMatcher(phrases.map((p) => p.pattern)) : undefined
  return (text) => {
    const out: Suggestion[] = []
    if (matcher) {
      const codePoints = codePointsOf(text)
      const found: Array<{ start: number; end: number; pattern: UserPattern }> = []
      matcher.forEachMatch(codePoints, (start, end, index) => found.push({ start, end, pattern: phrases[index] }))
      for (const { start, end, pattern } of longestFirst(found, codePoints.length)) out.push(suggestion(start, end, pattern))
    }
    if (regexes.length > 0) {
      const map = new OffsetMap(text)
      for (const { pattern, compiled } of regexes) {
        for (const [start, end] of regexRanges(compiled, text)) out.push(suggestion(map.toCodePoint(start), map.toCodePoint(end), pattern))
      }
    }
    return out
  }
}

function suggestion(start: number, end: number, pattern: UserPattern): Suggestion {
  return { start, end, label: pattern.label, source: 'rule', score: 1, ruleId: userPatternId(pattern) }
}
