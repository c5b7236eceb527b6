// Patterns as Prodigy-style JSONL, one a line: {"label": "date", "pattern": "截至目前"}, with "regex": true for a
// regular expression and an optional "id". Prodigy's token patterns (a list of {"lower": …} objects) describe
// spaCy tokens; Factspan matches characters, so a line with one is refused with that reason.
import { z } from 'zod'
import { InputError } from '../../errors'
import { checkLine, readJsonLines, writeJsonLine } from '../../formats/jsonl'
import { patternProblem, type UserPattern } from './userPatterns'

const lineSchema = z.looseObject({
  label: z.string().min(1),
  pattern: z.union([z.string(), z.array(z.unknown())]),
  regex: z.boolean().optional(),
  id: z.union([z.string().min(1), z.number()]).optional(),
})

/** Every pattern of the file; the first bad line throws InputError naming the file, the line and the reason. */
export function parsePatternsJsonl(content: string, file: string): UserPattern[] {
  return readJsonLines(content, file).map((entry) => {
    const { label, pattern, regex, id } = checkLine(lineSchema, entry, file)
    if (Array.isArray(pattern)) {
      throw new InputError(
        file,
        entry.line,
        'pattern is a list of token patterns, which describe spaCy tokens; Factspan matches characters, so give the phrase as a string, or a regular expression with "regex": true',
      )
    }
    const parsed: UserPattern = { label, pattern, ...(regex ? { regex: true } : {}), ...(id === undefined ? {} : { id: String(id) }) }
    const problem = patternProblem(parsed)
    if (problem) throw new InputError(file, entry.line, problem)
    return parsed
  })
}

export function writePatternsJsonl(patterns: readonly UserPattern[]): string {
  return patterns
    .map((p) => writeJsonLine({ label: p.label, pattern: p.pattern, ...(p.regex ? { regex: true } : {}), ...(p.id === undefined ? {} : { id: p.id }) }) + '\n')
    .join('')
}
