// What the tagger sees at each character: the characters around it (one, two and three at a time, folded to
// simplified script), their classes (digit, Chinese numeral, unit, punctuation …), the word Intl.Segmenter puts it
// in and where in that word it stands, and the project's dictionary texts that cover it. Each feature is hashed to
// a bucket of the weight table, so the model's size is fixed whatever the vocabulary.
import { codePointLength } from '../../offsets'
import { foldScript } from '../scriptFold'
import type { DictionaryMatch, ProjectDictionary } from '../dictionary'

/** Bumped when the features change: a model made with other features cannot be read. */
export const FEATURE_VERSION = 1
/** Features per character; absent ones are -1. */
export const FEATURES = 24

const START = -1
const END = -2

export const CharacterClass = { Other: 0, Digit: 1, ChineseNumeral: 2, Unit: 3, Punctuation: 4, Latin: 5, Han: 6, Space: 7, Edge: 8 } as const
export type CharacterClass = (typeof CharacterClass)[keyof typeof CharacterClass]

const CHINESE_NUMERALS = new Set([...'零〇一二两三四五六七八九十百千万亿'].map((c) => c.codePointAt(0)!))
const UNITS = new Set([...'%％‰元家户个项条人次倍点年月日号季度旬名件张台吨克米批笔座栋套辆只周时分秒'].map((c) => c.codePointAt(0)!))
const PUNCTUATION = /[\p{P}\p{S}]/u
const LATIN = /\p{Script=Latin}/u
const HAN = /\p{Script=Han}/u

/** The class of a code point (already folded). */
export function classOf(codePoint: number): CharacterClass {
  if (codePoint === START || codePoint === END) return CharacterClass.Edge
  if ((codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0xff10 && codePoint <= 0xff19)) return CharacterClass.Digit
  if (CHINESE_NUMERALS.has(codePoint)) return CharacterClass.ChineseNumeral
  if (UNITS.has(codePoint)) return CharacterClass.Unit
  if (codePoint === 0x20 || codePoint === 0x3000 || codePoint === 0x09 || codePoint === 0x0a) return CharacterClass.Space
  const character = String.fromCodePoint(codePoint)
  if (HAN.test(character)) return CharacterClass.Han
  if (PUNCTUATION.test(character)) return CharacterClass.Punctuation
  if (LATIN.test(character)) return CharacterClass.Latin
  return CharacterClass.Other
}

const classCache = new Map<number, CharacterClass>()
function cachedClass(codePoint: number): CharacterClass {
  let known = classCache.get(codePoint)
  if (known === undefined) classCache.set(codePoint, (known = classOf(codePoint)))
  return known
}

/** A 32-bit hash of a template number and up to three values (murmur3's finaliser over a running mix). */
export function featureHash(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1)
  h = Math.imul(h ^ a, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 15) ^ b, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 13) ^ c, 0x27d4eb2f)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h >>> 0
}

export interface FeatureOptions {
  /** Intl.Segmenter word features (default true). */
  words?: boolean
}

/** Where each character stands in its word: 0 begin, 1 middle, 2 end, 3 a one-character word; and the word's hash. */
interface Words {
  position: Uint8Array
  length: Uint8Array
  hash: Int32Array
  /** The hashes of the words before and after. */
  before: Int32Array
  after: Int32Array
}

let segmenter: Intl.Segmenter | undefined
// Intl.Segmenter slows down with the length of the string it walks (V8 and ICU, measured here: 15,000 characters
// whole took 6× as long as sentence by sentence), so it is given a sentence, or at most this many UTF-16 units, at a time.
const PIECE = 256
/** Code points that end a sentence: 。！？；!?; and the line break. */
export const SENTENCE_ENDS: ReadonlySet<number> = new Set([0x3002, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x3b, 0x0a])

function wordsOf(text: string, folded: Int32Array): Words {
  const n = folded.length
  const words: Words = { position: new Uint8Array(n), length: new Uint8Array(n), hash: new Int32Array(n), before: new Int32Array(n), after: new Int32Array(n) }
  let previous = 0
  let previousStart = 0
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  let at = 0
  for (let from = 0; from < text.length; ) {
    let to = from
    while (to < text.length && to - from < PIECE && !SENTENCE_ENDS.has(text.charCodeAt(to))) to++
    if (to < text.length && SENTENCE_ENDS.has(text.charCodeAt(to))) to++
    // Never between the two halves of a surrogate pair.
    if (to < text.length && to > from && text.charCodeAt(to) >= 0xdc00 && text.charCodeAt(to) <= 0xdfff) to++
    for (const { segment } of segmenter.segment(text.slice(from, to))) {
      const length = codePointLength(segment)
      let h = 0x811c9dc5
      for (let k = 0; k < length; k++) h = Math.imul(h ^ folded[at + k], 0x01000193)
      for (let k = 0; k < length; k++) {
        words.position[at + k] = length === 1 ? 3 : k === 0 ? 0 : k === length - 1 ? 2 : 1
        words.length[at + k] = Math.min(length, 4)
        words.hash[at + k] = h
        words.before[at + k] = previous
      }
      for (let k = previousStart; k < at; k++) words.after[k] = h
      previous = h
      previousStart = at
      at += length
    }
    from = to
  }
  return words
}

/** Dictionary hits per character: label index + 1 (0 for none) and 0 begin, 1 inside, 2 end, 3 the whole hit. */
function hitsOf(matches: DictionaryMatch[], n: number, labelIndex: Map<string, number>): { label: Uint16Array; position: Uint8Array } {
  const label = new Uint16Array(n)
  const position = new Uint8Array(n)
  for (const { start, end, entry } of matches) {
    const index = (labelIndex.get(entry.labels[0].label) ?? labelIndex.size) + 1
    for (let i = start; i < end; i++) {
      label[i] = index
      position[i] = end - start === 1 ? 3 : i === start ? 0 : i === end - 1 ? 2 : 1
    }
  }
  return { label, position }
}

/**
 * The hashed features of every character of a text: FEATURES numbers per character, -1 where absent.
 * `codePoints` are the text's code points (codePointsOf); the dictionary, when given, adds its hits.
 */
export function textFeatures(
  text: string,
  codePoints: Int32Array,
  dictionary: ProjectDictionary | undefined,
  labelIndex: Map<string, number>,
  options: FeatureOptions = {},
): Int32Array {
  const n = codePoints.length
  const c = new Int32Array(n + 4)
  c[0] = c[1] = START
  c[n + 2] = c[n + 3] = END
  for (let i = 0; i < n; i++) c[i + 2] = foldScript(codePoints[i])
  const k = new Uint8Array(n + 4)
  for (let i = 0; i < n + 4; i++) k[i] = cachedClass(c[i])
  const words = options.words === false ? undefined : wordsOf(text, c.subarray(2, n + 2))
  const hits = dictionary ? hitsOf(dictionary.matches(text), n, labelIndex) : undefined

  const out = new Int32Array(n * FEATURES).fill(-1)
  for (let i = 0; i < n; i++) {
    const p = i + 2
    const o = i * FEATURES
    out[o] = featureHash(0, 0)
    out[o + 1] = featureHash(1, c[p - 2])
    out[o + 2] = featureHash(2, c[p - 1])
    out[o + 3] = featureHash(3, c[p])
    out[o + 4] = featureHash(4, c[p + 1])
    out[o + 5] = featureHash(5, c[p + 2])
    out[o + 6] = featureHash(6, c[p - 2], c[p - 1])
    out[o + 7] = featureHash(7, c[p - 1], c[p])
    out[o + 8] = featureHash(8, c[p], c[p + 1])
    out[o + 9] = featureHash(9, c[p + 1], c[p + 2])
    out[o + 10] = featureHash(10, c[p - 1], c[p], c[p + 1])
    out[o + 11] = featureHash(11, k[p - 1], k[p], k[p + 1])
    out[o + 12] = featureHash(12, k[p - 2] * 16 + k[p - 1], k[p], k[p + 1] * 16 + k[p + 2])
    out[o + 13] = featureHash(13, k[p], c[p - 1])
    out[o + 14] = featureHash(14, k[p], c[p + 1])
    if (words) {
      out[o + 15] = featureHash(15, words.position[i], words.length[i])
      out[o + 16] = featureHash(16, words.hash[i], words.position[i])
      out[o + 17] = featureHash(17, words.position[i], c[p])
    }
    out[o + 20] = featureHash(20, c[p - 2], c[p - 1], c[p])
    out[o + 21] = featureHash(21, c[p], c[p + 1], c[p + 2])
    if (words) {
      out[o + 22] = featureHash(22, words.before[i], words.position[i])
      out[o + 23] = featureHash(23, words.after[i], words.position[i])
    }
    if (hits && hits.label[i] !== 0) {
      out[o + 18] = featureHash(18, hits.label[i], hits.position[i])
      out[o + 19] = featureHash(19, hits.label[i], hits.position[i], c[p])
    }
  }
  return out
}
