// JSON Lines: one JSON value a line, read with the line numbers that error messages need.
import type { z } from 'zod'
import { InputError } from '../errors'
import { codePointLength } from '../offsets'

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number
  value: unknown
}

/** Parses every non-blank line; a BOM first is dropped and CRLF line ends are accepted. Throws InputError with the line. */
export function readJsonLines(content: string, file: string): JsonLine[] {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  const lines: JsonLine[] = []
  let line = 0
  for (let start = 0; start < body.length; ) {
    const newline = body.indexOf('\n', start)
    const end = newline === -1 ? body.length : newline
    const raw = body.slice(start, end)
    start = end + 1
    line++
    const entry = readJsonLine(raw, file, line)
    if (entry) lines.push(entry)
  }
  return lines
}

/** One line of a JSONL file, undefined when blank; throws InputError with the line for a NUL or malformed JSON. */
export function readJsonLine(raw: string, file: string, line: number): JsonLine | undefined {
  const nul = raw.indexOf('\u0000')
  if (nul !== -1) {
    throw new InputError(file, line, `contains a NUL character at column ${codePointLength(raw.slice(0, nul)) + 1}`)
  }
  if (raw.trim() === '') return undefined
  // JSON counts a trailing \r as whitespace, so CRLF needs no special case.
  return { line, value: parseLine(raw, file, line) }
}

function parseLine(raw: string, file: string, line: number): unknown {
  try {
    return JSON.parse(raw)
  } catch (error) {
    throw new InputError(file, line, `malformed JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The line's value checked against a schema; the first problem becomes an InputError naming the line and the field. */
export function checkLine<S extends z.ZodType>(schema: S, { line, value }: JsonLine, file: string): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new InputError(file, line, describeIssue(result.error.issues[0], value))
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.path.length === 0) return issue.code === 'invalid_type' ? `each line must be a JSON object, not ${typeName(value)}` : issue.message
  const field = issue.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('')
  const input = issue.path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value)
  if (input === undefined) return `${field} is missing`
  if (issue.code === 'invalid_type') return `${field} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${typeName(input)}`
  if (issue.code === 'invalid_union') {
    const expected = issue.errors.flatMap((option) =>
      option.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [EXPECTED[i.expected] ?? i.expected] : [])),
    )
    if (expected.length > 0) return `${field} must be ${expected.join(' or ')}, not ${typeName(input)}`
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return `${field} must not be empty`
  if ((issue.code === 'too_small' || issue.code === 'too_big') && Array.isArray(input)) {
    const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`
    return `${field} must have ${bound} items, not ${input.length}`
  }
  return `${field}: ${issue.message}`
}

const EXPECTED: Record<string, string> = { string: 'a string', number: 'a number', int: 'an integer', object: 'an object', record: 'an object', array: 'a list', tuple: 'a list' }

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  const shown = JSON.stringify(value)
  return `the ${typeof value} ${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}`
}

/** One JSONL line: JSON with the line separators other tools split on escaped, so a record never spans two lines. */
export function writeJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
