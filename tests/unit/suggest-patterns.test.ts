import { describe, expect, it } from 'vitest'
import { InputError } from '../../src-main/shared/errors'
import { BUILT_IN_RULES, ruleSource } from '../../src-main/shared/suggest/rules'
import { parsePatternsJsonl, writePatternsJsonl } from '../../src-main/shared/suggest/rules/patternsJsonl'
import { patternProblem, type UserPattern } from '../../src-main/shared/suggest/rules/userPatterns'
import { compareSuggestions } from '../../src-main/shared/suggest/suggestion'

const noBuiltIns = { disabled: BUILT_IN_RULES.map((rule) => rule.id) }

describe("a project's own patterns", () => {
  it('suggests an exact string with its label, in code points past 𠮷', () => {
    const source = ruleSource({ ...noBuiltIns, patterns: [{ label: 'measure', pattern: '復工閃貸' }] })
    // 𠮷=0 推=1 出=2 復=3 工=4 閃=5 貸=6
    expect(source.suggest('𠮷推出復工閃貸')).toEqual([{ start: 3, end: 7, label: 'measure', source: 'rule', score: 1, ruleId: 'user:復工閃貸' }])
  })

  it('runs a regular expression with the u flag, so . is one code point', () => {
    const source = ruleSource({ ...noBuiltIns, patterns: [{ label: 'organization', pattern: '區.局', regex: true, id: 'bureaus' }] })
    // 區=0 發=1 局=2 和=3 區=4 😀=5 局=6
    expect(source.suggest('區發局和區😀局').sort(compareSuggestions)).toEqual([
      { start: 0, end: 3, label: 'organization', source: 'rule', score: 1, ruleId: 'user:bureaus' },
      { start: 4, end: 7, label: 'organization', source: 'rule', score: 1, ruleId: 'user:bureaus' },
    ])
  })

  it('says why a pattern cannot be used', () => {
    expect(patternProblem({ label: 'date', pattern: '[', regex: true })).toMatch(/^pattern is not a valid regular expression: /)
    expect(patternProblem({ label: 'date', pattern: '\\d*', regex: true })).toBe('pattern matches the empty string, so it would suggest nothing but empty spans')
    expect(patternProblem({ label: ' ', pattern: '今年' })).toBe('label is empty')
    expect(patternProblem({ label: 'date', pattern: '今年' })).toBeUndefined()
  })
})

describe('patterns as Prodigy-style JSONL', () => {
  it('reads exact strings, regular expressions and ids, and writes them back the same', () => {
    const file = [
      '{"label": "measure", "pattern": "返工直通車"}',
      '',
      '{"label": "date", "pattern": "\\\\d{1,2}月\\\\d{1,2}日", "regex": true, "id": "month-day"}',
      '{"label": "organization", "pattern": "泰林生物", "id": 7}',
    ].join('\n')
    const patterns = parsePatternsJsonl(file, 'patterns.jsonl')
    const expected: UserPattern[] = [
      { label: 'measure', pattern: '返工直通車' },
      { label: 'date', pattern: '\\d{1,2}月\\d{1,2}日', regex: true, id: 'month-day' },
      { label: 'organization', pattern: '泰林生物', id: '7' },
    ]
    expect(patterns).toEqual(expected)
    expect(writePatternsJsonl(patterns)).toBe(
      '{"label":"measure","pattern":"返工直通車"}\n{"label":"date","pattern":"\\\\d{1,2}月\\\\d{1,2}日","regex":true,"id":"month-day"}\n{"label":"organization","pattern":"泰林生物","id":"7"}\n',
    )
    expect(parsePatternsJsonl(writePatternsJsonl(patterns), 'again.jsonl')).toEqual(expected)
  })

  it('refuses token patterns, naming the file, the line and the reason', () => {
    const file = '{"label": "measure", "pattern": "返工直通車"}\n{"label": "organization", "pattern": [{"lower": "交通"}, {"lower": "銀行"}]}\n'
    expect(() => parsePatternsJsonl(file, 'prodigy.jsonl')).toThrow(
      new InputError('prodigy.jsonl', 2, 'pattern is a list of token patterns, which describe spaCy tokens; Factspan matches characters, so give the phrase as a string, or a regular expression with "regex": true'),
    )
  })

  it('refuses malformed lines, missing labels and bad regular expressions with their line', () => {
    expect(() => parsePatternsJsonl('{"label": "date", "pattern": "今年"\n', 'a.jsonl')).toThrow(/^a\.jsonl:1: malformed JSON/)
    expect(() => parsePatternsJsonl('{"label": "date", "pattern": "今年"}\n{"pattern": "去年"}\n', 'b.jsonl')).toThrow('b.jsonl:2: label is missing')
    expect(() => parsePatternsJsonl('\n\n{"label": "date", "pattern": "(", "regex": true}', 'c.jsonl')).toThrow(/^c\.jsonl:3: pattern is not a valid regular expression/)
    expect(() => parsePatternsJsonl('{"label": "date", "pattern": ""}', 'd.jsonl')).toThrow('d.jsonl:1: pattern is empty')
  })
})
