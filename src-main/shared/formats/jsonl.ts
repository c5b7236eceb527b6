// JSON Lines: one JSON value a line, read with the line numbers that error messages need.
import type { z } from 'zod'
import { InputError } from '../errors'
import { codePointLength } from '../offsets'
import { jsonValueProblem } from './jsonValues'
import type { Problems } from './problems'

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number
  value: unknown
}

/** Names of the fields other tools let users choose (doccano's "Column data" and "Column label"). */
export interface FieldNames {
  /** The field that holds the text; `text` when absent. */
  text?: string
  /** The field that holds the spans (doccano); `label` when absent. */
  label?: string
}

/**
 * Parses every non-blank line; a BOM first is dropped and CRLF line ends are accepted. Throws InputError with the line,
 * or with `problems` lenient, leaves the line out and lists it. `fields` is given for documents (see readJsonLine).
 */
export function readJsonLines(content: string, file: string, problems?: Problems, fields?: FieldNames): JsonLine[] {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  const lines: JsonLine[] = []
  let line = 0
  for (let start = 0; start < body.length; ) {
    const newline = body.indexOf('\n', start)
    const end = newline === -1 ? body.length : newline
    const raw = body.slice(start, end)
    start = end + 1
    line++
    const at = line
    const entry = problems ? problems.each(() => readJsonLine(raw, file, at, fields)) : readJsonLine(raw, file, at, fields)
    if (entry) lines.push(entry)
  }
  if (line === 0) throw new InputError(file, 1, 'file is empty')
  return lines
}

/**
 * One line of a JSONL file, undefined when blank; throws InputError with the line for a NUL, malformed JSON, or a
 * value no format can trust (see jsonValues.ts). With `fields`, the line is a document: it must have its text field,
 * and the fields named are read as `text` and `label`.
 */
export function readJsonLine(raw: string, file: string, line: number, fields?: FieldNames): JsonLine | undefined {
  const nul = raw.indexOf('\u0000')
  if (nul !== -1) {
    throw new InputError(file, line, `contains a NUL character at column ${codePointLength(raw.slice(0, nul)) + 1}`)
  }
  if (raw.charCodeAt(0) === 0xfeff) {
    throw new InputError(file, line, 'starts with a byte order mark (U+FEFF), as where two files were joined: remove it, or save each file on its own')
  }
  if (raw.trim() === '') return undefined
  // JSON counts a trailing \r as whitespace, so CRLF needs no special case.
  return checkedJsonLine(parseLine(raw, file, line), file, line, fields)
}

/** A parsed record (a JSONL line, or an item of a JSON list) as every format reads it: see readJsonLine. */
export function checkedJsonLine(value: unknown, file: string, line: number, fields?: FieldNames): JsonLine {
  const problem = jsonValueProblem(value)
  if (problem) throw new InputError(file, line, `${problem.where} ${problem.reason}`)
  if (fields === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return { line, value }
  // Every JSONL format keeps the text in one field; a line without it says what it has instead.
  if (!Object.hasOwn(value, fields.text ?? 'text')) throw new InputError(file, line, noTextField(value, fields))
  return { line, value: withFieldNames(value, fields) }
}

/** The value with the fields a user named moved to `text` and `label`, where every format reads them. */
export function withFieldNames(value: unknown, fields: FieldNames): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  let renamed = value as Record<string, unknown>
  for (const [name, standard] of [
    [fields.text, 'text'],
    [fields.label, 'label'],
  ] as const) {
    if (name === undefined || name === standard || !Object.hasOwn(renamed, name)) continue
    const { [name]: moved, ...rest } = renamed
    renamed = { ...rest, [standard]: moved }
  }
  return renamed
}

/** Why a line has no text: it names the keys it has, since another tool may call the field something else. */
export function noTextField(value: object, fields: FieldNames): string {
  const keys = Object.keys(value).map((key) => JSON.stringify(key))
  const has = keys.length === 0 ? 'it is an empty object' : `it has ${keys.length === 1 ? 'the key' : 'the keys'} ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}`
  if (fields.text !== undefined && fields.text !== 'text') return `no ${JSON.stringify(fields.text)} field, which --text-field names for the text: ${has}`
  return `no "text" field: ${has}; if another field holds the text, name it with --text-field`
}

function parseLine(raw: string, file: string, line: number): unknown {
  try {
    return JSON.parse(raw)
  } catch (error) {
    throw new InputError(file, line, `malformed JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * The line's value checked against a schema; the first problem becomes an InputError naming the line and the field,
 * by the name the user gave it when they named the text or label field.
 */
export function checkLine<S extends z.ZodType>(schema: S, { line, value }: JsonLine, file: string, fields: FieldNames = {}): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const shown = { text: fields.text, label: fields.label }[String(issue.path[0]) as 'text' | 'label']
  const reason = describeIssue(issue, value)
  throw new InputError(file, line, shown === undefined ? reason : reason.replace(String(issue.path[0]), shown))
}

/**
 * A part of a line (one span) checked against a schema. A problem goes to `problems` as the span's: it refuses the file,
 * or when lenient leaves the span out, and undefined is returned. `where` names the part, as `label[2]`.
 */
export function checkField<S extends z.ZodType>(schema: S, value: unknown, where: string, { line }: JsonLine, problems: Problems, lead = ''): z.output<S> | undefined {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const reason = where === '' && issue.path.length === 0 && issue.code === 'invalid_type' ? `must be an object, not ${typeName(value)}` : describeIssue(issue, value, where)
  problems.span(line, `${lead}${reason}`)
  return undefined
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown, base = ''): string {
  if (issue.path.length === 0 && base === '') return issue.code === 'invalid_type' ? `each line must be a JSON object, not ${typeName(value)}` : issue.message
  const steps = issue.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 && base === '' ? String(key) : `.${String(key)}`)).join('')
  const field = base + steps
  const input = issue.path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value)
  if (input === undefined) return `${field} is missing`
  if (issue.code === 'invalid_type') return `${field} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${typeName(input)}`
  if (issue.code === 'invalid_union') {
    const expected = issue.errors.flatMap((option) =>
      option.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [EXPECTED[i.expected] ?? i.expected] : [])),
    )
    if (expected.length > 0) return `${field} must be ${expected.join(' or ')}, not ${typeName(input)}`
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ')
    return `${field} has the unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys}`
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
