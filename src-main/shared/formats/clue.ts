// CLUENER2020 JSON lines: {"id","text","label":{TYPE:{SURFACE:[[start,end_inclusive],…]}}}. CLUENER's loaders index
// list(text), Python code points, and assert text[start:end+1] == SURFACE, so ends here are inclusive code points.
import { z } from 'zod'
import { OffsetMap } from '../offsets'
import { distinctSpans } from './distinctSpans'
import { checkField, checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { lineCodec, recordsFromLines, type LineContext } from './lineCodec'
import { documentIdSchema, recordFromInput, type NativeRecord } from './native'
import { fileStem } from './sourceNames'

/** One document as one line, types in the order they first occur; CLUENER has no annotators, so the layers merge. */
export function serializeClue(record: NativeRecord): string {
  // Prototype-free, so a label or surface named "__proto__" is a key like any other.
  const label: Record<string, Record<string, Array<[number, number]>>> = Object.create(null)
  for (const { start, end, label: type, text } of distinctSpans(record.spans)) {
    const surfaces = (label[type] ??= Object.create(null))
    ;(surfaces[text] ??= []).push([start, end - 1])
  }
  return writeJsonLine({ id: record.id, text: record.text, label })
}

const clueLineSchema = z.looseObject({
  id: documentIdSchema.optional(),
  text: z.string().min(1),
  label: z.record(z.string(), z.record(z.string(), z.array(z.unknown()))).optional(),
})
const rangeSchema = z.tuple([z.number().int(), z.number().int()])

export function clueFromLines(lines: JsonLine[], context: LineContext): NativeRecord[] {
  const { file, problems } = context
  const stem = fileStem(file)
  return recordsFromLines(lines, context, (entry) => {
    const { id, text, label, ...meta } = checkLine(clueLineSchema, entry, file, context.fields)
    const map = new OffsetMap(text)
    const spans = Object.entries(label ?? {}).flatMap(([type, surfaces]) =>
      Object.entries(surfaces).flatMap(([surface, ranges]) =>
        ranges.flatMap((item, i) => {
          const where = `label.${type}[${JSON.stringify(surface)}][${i}]`
          const range = checkField(rangeSchema, item, where, entry, problems)
          if (range === undefined) return []
          const [start, last] = range
          if (!(start >= 0 && start <= last && last < map.codePointLength)) {
            problems.span(
              entry.line,
              `${where} is [${start}, ${last}], but CLUENER offsets must satisfy 0 ≤ start ≤ end < ${map.codePointLength}, the text's length in code points (the end is inclusive)`,
            )
            return []
          }
          const covered = map.slice(start, last + 1)
          // The surface is CLUENER's quote of the span.
          if (covered !== surface) problems.quote(entry.line, `${where} is [${start}, ${last}], but the text there (end inclusive) is ${JSON.stringify(covered)}`)
          return [{ start, end: last + 1, label: type }]
        }),
      ),
    )
    return recordFromInput({ id: id ?? `${stem}-${entry.line}`, text, meta, spans }, entry.line, context)
  })
}

export const clueCodec = lineCodec({ name: 'clue', offsetUnit: 'codepoint', serialize: serializeClue, fromLines: clueFromLines, withoutRelations: true })
