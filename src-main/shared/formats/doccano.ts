// doccano's sequence-labelling JSONL: {"id","text","label":[[start,end,label],…]}, offsets in UTF-16 units
// as its JavaScript editor counts them, end exclusive.
import { z } from 'zod'
import { InputError } from '../errors'
import { compareSpans } from '../model'
import { OffsetMap } from '../offsets'
import { checkLine, writeJsonLine, type JsonLine } from './jsonl'
import { DocumentIds, documentIdSchema, recordFromInput, type NativeRecord, type ParseDefaults } from './native'

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

const entrySchema = z.tuple([z.number().int(), z.number().int(), z.string().min(1)])

const doccanoLineSchema = z.looseObject({
  id: documentIdSchema.optional(),
  text: z.string().min(1),
  label: z.array(entrySchema).optional(),
  labels: z.array(entrySchema).optional(),
})

export function doccanoFromLines(lines: JsonLine[], file: string, defaults: ParseDefaults): NativeRecord[] {
  const ids = new DocumentIds(file)
  const stem = fileStem(file)
  return lines.map((entry) => {
    const { id, text, label, labels, ...meta } = checkLine(doccanoLineSchema, entry, file)
    const key = label !== undefined ? 'label' : 'labels'
    const map = new OffsetMap(text)
    const toCodePoint = (utf16: number, i: number) => {
      const before = map.toCodePoint(utf16, 'before')
      if (before !== map.toCodePoint(utf16, 'after')) {
        const character = map.slice(before, before + 1)
        throw new InputError(file, entry.line, `${key}[${i}] offset ${utf16} falls inside ${JSON.stringify(character)}, which takes two UTF-16 units`)
      }
      return before
    }
    const spans = (label ?? labels ?? []).map(([start, end, name], i) => {
      if (!(start >= 0 && start < end && end <= map.utf16Length)) {
        throw new InputError(
          file,
          entry.line,
          `${key}[${i}] has start ${start} and end ${end}, but offsets must satisfy 0 ≤ start < end ≤ ${map.utf16Length}, the text's length in UTF-16 units`,
        )
      }
      return { start: toCodePoint(start, i), end: toCodePoint(end, i), label: name }
    })
    // doccano keeps the other fields of a line as the document's metadata.
    const record = recordFromInput({ id: id ?? `${stem}-${entry.line}`, text, meta, spans }, file, entry.line, defaults)
    ids.add(record.id, entry.line)
    return record
  })
}

function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file
  return name.replace(/\.[^.]+$/, '') || name
}
