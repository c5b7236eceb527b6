// doccano's sequence-labelling JSONL: {"id","text","label":[[start,end,label],…]}, offsets in UTF-16 units as its
// JavaScript editor counts them, end exclusive. A relation project writes {"entities":[{"id","label","start_offset",
// "end_offset"}],"relations":[{"id","from_id","to_id","type"}]} instead (doccano backend/data_export/models.py), with the
// same UTF-16 offsets; a document with relations is written that way. The text and label fields may have other names,
// as doccano's import dialog allows.
import { z } from 'zod'
import { OffsetMap } from '../offsets'
import type { WriteOptions } from './codec'
import { distinctSpans } from './distinctSpans'
import { checkField, checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { recordsFromLines, type LineContext } from './lineCodec'
import { documentIdSchema, recordFromInput, type NativeRecord, type RelationInput } from './native'
import { relationsInto } from './relations'
import { fileStem } from './sourceNames'

/**
 * One document as one doccano line. The format has no annotators, so layers merge and a span they share is written once.
 * A document with relations, or every one with `relationProject`, is written as a relation project's line, its
 * entities numbered from 1 in text order.
 */
export function serializeDoccano(record: NativeRecord, options: WriteOptions = {}): string {
  const map = new OffsetMap(record.text)
  const spans = distinctSpans(record.spans)
  const relations = relationsInto(record, spans)
  if (relations.length === 0 && !options.relationProject) {
    const label = spans.map((span) => [map.toUtf16(span.start), map.toUtf16(span.end), span.label])
    return writeJsonLine({ id: record.id, text: record.text, label })
  }
  const entities = spans.map((span, i) => ({ id: i + 1, label: span.label, start_offset: map.toUtf16(span.start), end_offset: map.toUtf16(span.end) }))
  return writeJsonLine({
    id: record.id,
    text: record.text,
    entities,
    relations: relations.map((r, i) => ({ id: i + 1, from_id: r.from + 1, to_id: r.to + 1, type: r.type })),
  })
}

const int = z.number().int()
const tupleEntry = z.tuple([int, int, z.string().min(1)])
const objectEntry = z.looseObject({ id: z.union([int, z.string()]).optional(), start_offset: int, end_offset: int, label: z.string().min(1) })
const relationEntry = z.looseObject({ from_id: z.union([int, z.string()]), to_id: z.union([int, z.string()]), type: z.string().min(1) })

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
    // Each entity id's index among the entries, for relations; an entity left out leaves its relations out too.
    const entityAt = new Map<string, number>()
    const inputs: Array<{ start: number; end: number; label: string } | undefined> = []
    for (const [i, item] of (entries ?? []).entries()) {
      const where = `${key === 'label' ? (context.fields.label ?? key) : key}[${i}]`
      const read = Array.isArray(item) ? checkField(tupleEntry, item, where, entry, problems) : checkField(objectEntry, item, where, entry, problems)
      if (read !== undefined && !Array.isArray(read) && read.id !== undefined) entityAt.set(String(read.id), i)
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
      inputs[i] = { start: map.toCodePoint(start), end: map.toCodePoint(end), label }
    }
    // recordFromInput takes relations by index into the spans it is given: those read, in entry order.
    const indexOf = new Map<number, number>()
    for (const [i, span] of inputs.entries()) {
      if (span === undefined) continue
      indexOf.set(i, spans.length)
      spans.push(span)
    }
    const links: RelationInput[] = []
    for (const [i, item] of (relations ?? []).entries()) {
      const where = `relations[${i}]`
      const relation = checkField(relationEntry, item, where, entry, problems)
      if (relation === undefined) continue
      const ends = ([['from_id', relation.from_id], ['to_id', relation.to_id]] as const).map(([name, ref]) => {
        const at = entityAt.get(String(ref))
        if (at === undefined) problems.span(entry.line, `${where} has ${name} ${JSON.stringify(ref)}, but no entity of the line has that id`)
        else if (!indexOf.has(at)) problems.span(entry.line, `${where} has ${name} ${JSON.stringify(ref)}, an entity that was left out`)
        return at === undefined ? undefined : indexOf.get(at)
      })
      if (ends[0] !== undefined && ends[1] !== undefined) links.push({ from: ends[0], to: ends[1], type: relation.type, where })
    }
    // doccano keeps the other fields of a line as the document's metadata.
    return recordFromInput({ id: id ?? `${stem}-${entry.line}`, text, meta, spans, relations: links }, entry.line, context)
  })
}
