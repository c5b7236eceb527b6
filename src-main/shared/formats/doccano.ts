// doccano's sequence-labelling JSONL: {"id","text","label":[[start,end,label],…]}, offsets in UTF-16 units as its
// JavaScript editor counts them, end exclusive. A relation project writes {"entities":[{"id","label","start_offset",
// "end_offset"}],"relations":[…]} instead (doccano backend/data_export/models.py); its spans import, its relations are
// listed as skipped. The text and label fields may have other names, as doccano's import dialog allows.
import { z } from 'zod'
import { compareSpans } from '../model'
import { OffsetMap } from '../offsets'
import { checkField, checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { recordsFromLines, type LineContext } from './lineCodec'
import { documentIdSchema, recordFromInput, type NativeRecord } from './native'
import { fileStem } from './sourceNames'

/** One document as one doccano line. The format has no annotators, so layers merge and a span they share is written once. */
export function serializeDoccano(record: NativeRecord): string {
  const map = new OffsetMap(record.text)
  const seen = new Set<string>()
  const label: Array<[number, number, string]> = []
  for (const span of [...record.spans].sort(compareSpans)) {
    const entry: [number, number, string] = [map.toUtf16(span.start), map.toUtf16(span.end), span.label]
    const key = JSON.stringify(entry)
    if (seen.has(key)) continue
    seen.add(key)
    label.push(entry)
  }
  return writeJsonLine({ id: record.id, text: record.text, label })
}

const int = z.number().int()
const tupleEntry = z.tuple([int, int, z.string().min(1)])
const objectEntry = z.looseObject({ start_offset: int, end_offset: int, label: z.string().min(1) })

const doccanoLineSchema = z.looseObject({
  id: documentIdSchema.optional(),
  text: z.string().min(1),
  label: z.array(z.unknown()).optional(),
  labels: z.array(z.unknown()).optional(),
  entities: z.array(z.unknown()).optional(),
  relations: z.array(z.unknown()).optional(),
})

/** The fields that hold spans, the first one present read: `label` as doccano writes it, `labels` as older versions did, `entities` of a relation project. */
const SPAN_FIELDS = ['label', 'labels', 'entities'] as const

export function doccanoFromLines(lines: JsonLine[], context: LineContext): NativeRecord[] {
  const { file, problems } = context
  const stem = fileStem(file)
  return recordsFromLines(lines, context, (entry) => {
    const { id, text, relations, ...fields } = checkLine(doccanoLineSchema, entry, file, context.fields)
    const key = SPAN_FIELDS.find((name) => fields[name] !== undefined) ?? 'label'
    const { [key]: entries, ...meta } = fields
    const map = new OffsetMap(text)
    const spans: Array<{ start: number; end: number; label: string }> = []
    for (const [i, item] of (entries ?? []).entries()) {
      const where = `${key === 'label' ? (context.fields.label ?? key) : key}[${i}]`
      const read = Array.isArray(item) ? checkField(tupleEntry, item, where, entry, problems) : checkField(objectEntry, item, where, entry, problems)
      if (read === undefined) continue
      const [start, end, label] = Array.isArray(read) ? read : [read.start_offset, read.end_offset, read.label]
      if (!(start >= 0 && start < end && end <= map.utf16Length)) {
        problems.span(entry.line, `${where} has start ${start} and end ${end}, but offsets must satisfy 0 ≤ start < end ≤ ${map.utf16Length}, the text's length in UTF-16 units`)
        continue
      }
      const inside = [start, end].find((offset) => map.toCodePoint(offset, 'before') !== map.toCodePoint(offset, 'after'))
      if (inside !== undefined) {
        const character = map.slice(map.toCodePoint(inside), map.toCodePoint(inside) + 1)
        problems.span(entry.line, `${where} offset ${inside} falls inside ${JSON.stringify(character)}, which takes two UTF-16 units`)
        continue
      }
      spans.push({ start: map.toCodePoint(start), end: map.toCodePoint(end), label })
    }
    if (relations !== undefined && relations.length > 0) {
      context.skipped.add('relation(s) of a doccano relation project (Factspan imports their spans, not the links between them)', entry.line, relations.length)
    }
    // doccano keeps the other fields of a line as the document's metadata.
    return recordFromInput({ id: id ?? `${stem}-${entry.line}`, text, meta, spans }, entry.line, context)
  })
}
