// spaCy's entity JSONL: {"id","text","entities":[[start,end,label],…]}, offsets in code points (Python's str), end
// exclusive. spaCy's training tuples, ["text", {"entities": […]}] on a line, read the same.
import { z } from 'zod'
import { codePointLength } from '../offsets'
import { distinctSpans } from './distinctSpans'
import { checkField, checkLine, writeJsonLine, type FieldNames, type JsonLine } from './jsonl'
import { lineCodec, recordsFromLines, type LineContext } from './lineCodec'
import { documentIdSchema, recordFromInput, type NativeRecord } from './native'
import { fileStem } from './sourceNames'

/** One document as one line; spaCy has no annotators, so the layers merge. */
export function serializeSpacy(record: NativeRecord): string {
  const entities = distinctSpans(record.spans).map((s) => [s.start, s.end, s.label])
  return writeJsonLine({ id: record.id, text: record.text, entities })
}

const entitySchema = z.tuple([z.number().int(), z.number().int(), z.string().min(1)])

const spacyLineSchema = z.looseObject({ id: documentIdSchema.optional(), text: z.string().min(1), entities: z.array(z.unknown()).optional() })
const trainingTupleSchema = z.tuple([z.string().min(1), z.looseObject({ entities: z.array(z.unknown()).optional() })])

/** A line's fields, from either shape; the tuple's annotations object keeps its other keys as metadata. */
function readLine(entry: JsonLine, file: string, fields: FieldNames) {
  if (!Array.isArray(entry.value)) return checkLine(spacyLineSchema, entry, file, fields)
  const [text, { entities, ...meta }] = checkLine(trainingTupleSchema, entry, file)
  return { ...meta, id: undefined, text, entities }
}

export function spacyFromLines(lines: JsonLine[], context: LineContext): NativeRecord[] {
  const stem = fileStem(context.file)
  return recordsFromLines(lines, context, (entry) => {
    const { id, text, entities, ...meta } = readLine(entry, context.file, context.fields)
    const length = codePointLength(text)
    const spans = (entities ?? []).flatMap((item, i) => {
      const entity = checkField(entitySchema, item, `entities[${i}]`, entry, context.problems)
      if (entity === undefined) return []
      const [start, end, label] = entity
      if (!(start >= 0 && start < end && end <= length)) {
        context.problems.span(
          entry.line,
          `entities[${i}] has start ${start} and end ${end}, but offsets must satisfy 0 ≤ start < end ≤ ${length}, the text's length in code points`,
        )
        return []
      }
      return [{ start, end, label }]
    })
    return recordFromInput({ id: id ?? `${stem}-${entry.line}`, text, meta, spans }, entry.line, context)
  })
}

export const spacyCodec = lineCodec({ name: 'spacy', offsetUnit: 'codepoint', serialize: serializeSpacy, fromLines: spacyFromLines, withoutRelations: true })
