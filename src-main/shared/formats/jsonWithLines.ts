// A whole-file JSON parser that remembers the line each object and list starts on, so errors about a task deep in a
// JSON array (Label Studio's export) can name their line; JSON.parse gives values but no positions.
import { InputError } from '../errors'
import { codePointLength } from '../offsets'

export interface JsonWithLines {
  value: unknown
  /** The 1-based line where an object or list of this file starts. */
  lineOf(node: object): number | undefined
}

const MAX_DEPTH = 1000
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

export function parseJsonWithLines(content: string, file: string): JsonWithLines {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  const lines = new WeakMap<object, number>()
  let at = 0
  let line = 1

  const fail = (reason: string): never => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1
    throw new InputError(file, line, `malformed JSON: ${reason} at column ${codePointLength(text.slice(lineStart, at)) + 1}`)
  }
  const skipSpace = () => {
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at)
      if (c === 0x0a) line++
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return
    }
  }
  const unexpected = () => fail(at >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(String.fromCodePoint(text.codePointAt(at)!))}`)
  const expect = (ch: string) => {
    skipSpace()
    if (text[at] !== ch) unexpected()
    at++
  }

  const readString = (): string => {
    const start = at
    for (at++; at < text.length; at++) {
      const c = text.charCodeAt(at)
      if (c === 0x5c) at++
      else if (c === 0x22) break
      else if (c === 0x0a) fail('line break inside a string')
    }
    if (at >= text.length) fail('unterminated string')
    at++
    try {
      return JSON.parse(text.slice(start, at)) as string
    } catch (error) {
      at = start
      return fail(`bad string (${error instanceof Error ? error.message : String(error)})`)
    }
  }

  const close = <T>(node: T): T => {
    at++
    return node
  }

  const readValue = (depth: number): unknown => {
    skipSpace()
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`)
    const ch = text[at]
    if (ch === '"') return readString()
    if (ch === '{') {
      const node: Record<string, unknown> = {}
      lines.set(node, line)
      at++
      skipSpace()
      if (text[at] === '}') return close(node)
      for (;;) {
        skipSpace()
        if (text[at] !== '"') unexpected()
        const key = readString()
        expect(':')
        const value = readValue(depth + 1)
        // As JSON.parse does: "__proto__" is an own key, never the prototype.
        Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true })
        skipSpace()
        if (text[at] === ',') at++
        else if (text[at] === '}') return close(node)
        else unexpected()
      }
    }
    if (ch === '[') {
      const node: unknown[] = []
      lines.set(node, line)
      at++
      skipSpace()
      if (text[at] === ']') return close(node)
      for (;;) {
        node.push(readValue(depth + 1))
        skipSpace()
        if (text[at] === ',') at++
        else if (text[at] === ']') return close(node)
        else unexpected()
      }
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (!text.startsWith(word, at)) continue
      at += word.length
      return value
    }
    NUMBER.lastIndex = at
    const number = NUMBER.exec(text)
    if (number === null) return unexpected()
    at += number[0].length
    return Number(number[0])
  }

  const value = readValue(0)
  skipSpace()
  if (at < text.length) unexpected()
  return { value, lineOf: (node) => lines.get(node) }
}
