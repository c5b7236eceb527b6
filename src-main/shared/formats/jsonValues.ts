// Checks a parsed JSON value before any format reads it. JSON.parse accepts what breaks later or changes silently:
// nesting that overflows the stack when the value is written back, strings with lone surrogates (no UTF-8 can hold
// them, so their hash and offsets mean nothing to Python tools), and numbers it cannot hold exactly.
import { codePointLength } from '../offsets'

/** Deeper than any format needs (a Label Studio task is 7 levels), far below what overflows JSON.stringify. */
export const MAX_JSON_DEPTH = 100

export interface JsonValueProblem {
  /** Where in the value, as `spans[2].text`. */
  where: string
  reason: string
  /** The innermost object or list holding the problem, for formats that know each node's line. */
  node: object | undefined
}

export function jsonValueProblem(value: unknown): JsonValueProblem | undefined {
  // Every line of a large import is checked: the walk that builds paths for the message runs only when one is needed.
  return isSound(value, 0) ? undefined : check(value, [], 0, undefined)
}

function isSound(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return isWellFormed(value)
  if (typeof value === 'number') return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))
  if (value === null || typeof value !== 'object') return true
  if (depth >= MAX_JSON_DEPTH) return false
  if (Array.isArray(value)) {
    for (const item of value) if (!isSound(item, depth + 1)) return false
    return true
  }
  for (const key in value) {
    if (!isWellFormed(key) || !isSound((value as Record<string, unknown>)[key], depth + 1)) return false
  }
  return true
}

type Path = Array<string | number>

function check(value: unknown, path: Path, depth: number, parent: object | undefined): JsonValueProblem | undefined {
  if (typeof value === 'string') return isWellFormed(value) ? undefined : loneSurrogate(value, path, parent)
  if (typeof value === 'number') return numberProblem(value, path, parent)
  if (value === null || typeof value !== 'object') return undefined
  if (depth >= MAX_JSON_DEPTH) return { where: where(path), reason: `is nested deeper than ${MAX_JSON_DEPTH} levels`, node: value }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], [...path, i], depth + 1, value)
      if (problem) return problem
    }
    return undefined
  }
  for (const key of Object.keys(value)) {
    if (!isWellFormed(key)) return loneSurrogate(key, [...path, key], value, 'the key ')
    const problem = check((value as Record<string, unknown>)[key], [...path, key], depth + 1, value)
    if (problem) return problem
  }
  return undefined
}

function numberProblem(value: number, path: Path, node: object | undefined): JsonValueProblem | undefined {
  if (!Number.isFinite(value)) return { where: where(path), reason: 'is a number too large to read (beyond ±1.8e308, it reads as infinity)', node }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return {
      where: where(path),
      reason: `is an integer too large to read exactly (read as ${BigInt(value)}, beyond 2^53): write it as a string`,
      node,
    }
  }
  return undefined
}

function loneSurrogate(text: string, path: Path, node: object | undefined, what = ''): JsonValueProblem {
  const at = loneSurrogateAt(text)
  const unit = text.charCodeAt(at).toString(16).padStart(4, '0')
  return {
    where: where(path),
    reason: `has ${what}a lone surrogate \\u${unit} at offset ${codePointLength(text.slice(0, at))}: text must be valid Unicode, and no UTF-8 can hold half a surrogate pair`,
    node,
  }
}

/** False for a string with a lone surrogate; native since ES2024 (Node 20, Chromium 111), typed here for older libs. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed()
}

/** The UTF-16 index of the first surrogate without its partner. */
export function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    const next = text.charCodeAt(i + 1)
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
    else return i
  }
  return -1
}

/** `spans[2].text`; a deep path is cut after its first steps. */
function where(path: Path): string {
  const steps = path.length > 6 ? [...path.slice(0, 6), '…'] : path
  return steps.map((key, i) => (typeof key === 'number' ? `[${key}]` : key === '…' ? '…' : i === 0 ? key : `.${key}`)).join('') || 'the value'
}
