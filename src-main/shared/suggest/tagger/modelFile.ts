// A trained tagger as one file: "FSTG", the header's length (u32, little-endian), the header as JSON (labels,
// features, training summary, dictionary; `version` says how to read the rest), then the weights: transitions and
// initial scores as float32, and the emission table sparsely, as the number of non-zero weights, the gaps between
// their indices as LEB128 varints, and their values as float32. Every count is checked on reading, so a cut or
// altered file is refused with the reason rather than read as a wrong model.
import { InputError } from '../../errors'
import type { TaggedText } from '../dictionary'
import type { SparseWeights } from './decode'

const MAGIC = [0x46, 0x53, 0x54, 0x47] // FSTG
export const MODEL_VERSION = 1

export interface ModelHeader {
  format: 'factspan-tagger'
  version: number
  featureVersion: number
  labels: string[]
  bits: number
  words: boolean
  acrossScripts: boolean
  dictionary: TaggedText[]
  training: { documents: number; characters: number; sentences: number; spans: number; droppedSpans: number; epochs: number; seed: number }
}

export function encodeModel(header: ModelHeader, weights: SparseWeights): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header))
  const { tags, rows, entries, transition, initial } = weights
  const count = entries.length / 2
  const gaps = new Uint8Array(count * 5)
  let g = 0
  let previous = -1
  for (let bucket = 0; bucket + 1 < rows.length; bucket++) {
    for (let k = rows[bucket]; k < rows[bucket + 1]; k++) {
      const index = bucket * tags + entries[2 * k]
      let gap = index - previous
      previous = index
      while (gap >= 0x80) {
        gaps[g++] = (gap % 0x80) | 0x80
        gap = Math.floor(gap / 0x80)
      }
      gaps[g++] = gap
    }
  }
  const size = 8 + json.length + 4 * (transition.length + initial.length) + 8 + g + 4 * count
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  bytes.set(MAGIC, 0)
  view.setUint32(4, json.length, true)
  bytes.set(json, 8)
  let at = 8 + json.length
  for (const value of transition) at = putFloat(view, at, value)
  for (const value of initial) at = putFloat(view, at, value)
  view.setUint32(at, count, true)
  view.setUint32(at + 4, g, true)
  at += 8
  bytes.set(gaps.subarray(0, g), at)
  at += g
  for (let k = 0; k < count; k++) at = putFloat(view, at, entries[2 * k + 1])
  return bytes
}

/** The header and weights of a model file; `name` is the file the messages name. */
export function decodeModel(bytes: Uint8Array, name: string): { header: ModelHeader; weights: SparseWeights } {
  const refuse = (reason: string): never => {
    throw new InputError(name, undefined, reason)
  }
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) refuse('not a Factspan tagger model (it does not start with FSTG)')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const length = view.getUint32(4, true)
  if (8 + length > bytes.length) refuse('the model file is cut short inside its header')
  let header: ModelHeader
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length))) as ModelHeader
  } catch (error) {
    return refuse(`the model's header is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (header.format !== 'factspan-tagger') refuse(`the header says format ${JSON.stringify(header.format)}, not "factspan-tagger"`)
  if (header.version !== MODEL_VERSION) {
    refuse(header.version > MODEL_VERSION ? `the model is version ${header.version}, made by a newer Factspan; this one reads version ${MODEL_VERSION}` : `the model is version ${header.version}, which this Factspan cannot read`)
  }
  if (!Array.isArray(header.labels) || header.labels.length === 0 || !Number.isInteger(header.bits) || header.bits < 8 || header.bits > 24) {
    refuse('the header has no labels or no valid table size')
  }
  const tags = 1 + 2 * header.labels.length
  const buckets = 2 ** header.bits
  const transition = new Float32Array(tags * tags)
  const initial = new Float32Array(tags)
  let at = 8 + length
  const need = (n: number) => {
    if (at + n > bytes.length) refuse('the model file is cut short inside its weights')
  }
  need(4 * (tags * tags + tags) + 8)
  for (let i = 0; i < transition.length; i++, at += 4) transition[i] = view.getFloat32(at, true)
  for (let i = 0; i < tags; i++, at += 4) initial[i] = view.getFloat32(at, true)
  const count = view.getUint32(at, true)
  const gapBytes = view.getUint32(at + 4, true)
  at += 8
  need(gapBytes + 4 * count)
  // The indices ascend, so they arrive bucket by bucket: the rows fill as they are read.
  const rows = new Uint32Array(buckets + 1)
  const entries = new Float32Array(2 * count)
  let index = -1
  let bucket = 0
  let g = at
  for (let k = 0; k < count; k++) {
    let gap = 0
    let scale = 1
    for (;;) {
      if (g >= at + gapBytes) refuse('the weights of the model file are damaged')
      const byte = bytes[g++]
      gap += (byte & 0x7f) * scale
      if (byte < 0x80) break
      scale *= 0x80
    }
    index += gap
    if (gap === 0 || index >= buckets * tags) refuse('the weights of the model file are damaged')
    const b = Math.floor(index / tags)
    while (bucket < b) rows[++bucket] = k
    entries[2 * k] = index - b * tags
  }
  while (bucket < buckets) rows[++bucket] = count
  if (g !== at + gapBytes) refuse('the weights of the model file are damaged')
  at += gapBytes
  for (let k = 0; k < count; k++, at += 4) entries[2 * k + 1] = view.getFloat32(at, true)
  if (at !== bytes.length) refuse(`the model file has ${bytes.length - at} bytes after its weights`)
  return { header, weights: { tags, bits: header.bits, rows, entries, transition, initial } }
}

function putFloat(view: DataView, at: number, value: number): number {
  view.setFloat32(at, value, true)
  return at + 4
}
