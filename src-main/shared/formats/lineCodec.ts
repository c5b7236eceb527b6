// A JSONL format as a codec: one document a line, read with line numbers, written one line per record.
import type { ExportFormat } from '../api'
import type { FileCodec, OffsetUnit, ParseOptions, WriteOptions } from './codec'
import { readJsonLines, type FieldNames, type JsonLine } from './jsonl'
import { DocumentIds, type NativeRecord, type ParseDefaults, type RecordContext } from './native'
import { Problems } from './problems'
import { relationsLeftOut } from './relations'
import { SkippedLines } from './skippedLines'

/** What a JSONL format's reader needs besides the lines: where they come from, and what the user chose. */
export interface LineContext extends RecordContext {
  /** The file's document ids so far, across the batches of a file read a part at a time. */
  ids: DocumentIds
  fields: FieldNames
  /** What the lines had that is left out in either mode, one warning per kind once the file is read (see lineWarnings). */
  skipped: SkippedLines
}

export function lineContext(file: string, defaults: ParseDefaults, options: ParseOptions = {}, problems = new Problems(file, options.lenient)): LineContext {
  return { file, defaults, problems, ids: new DocumentIds(file), fields: { text: options.textField, label: options.labelField }, skipped: new SkippedLines() }
}

/** Everything a file's lines left out, once all of them are read. */
export function lineWarnings(context: LineContext) {
  return [...context.problems.warnings, ...context.skipped.warnings(context.file)]
}

export interface LineFormat {
  name: ExportFormat
  offsetUnit: OffsetUnit
  serialize: (record: NativeRecord, options: WriteOptions) => string
  /** True for a format with no place for relations: export says how many each document left out. */
  withoutRelations?: boolean
  /** Throws InputError at the first bad line, or with a lenient context lists it; pushes what it leaves out onto the context's problems. */
  fromLines: (lines: JsonLine[], context: LineContext) => NativeRecord[]
}

/**
 * Reads each line into a record, the same way for every JSONL format: a problem refuses the file, or when lenient
 * leaves that line's document out; ids must be unique in the file. `read` returns undefined for a line it skips.
 */
export function recordsFromLines(lines: JsonLine[], context: LineContext, read: (entry: JsonLine) => NativeRecord | undefined): NativeRecord[] {
  const records: NativeRecord[] = []
  for (const entry of lines) {
    const record = context.problems.each(() => {
      const record = read(entry)
      if (record) context.ids.add(record.id, entry.line)
      return record
    })
    if (record) records.push(record)
  }
  return records
}

export function lineCodec(format: LineFormat): FileCodec {
  return {
    name: format.name,
    offsetUnit: format.offsetUnit,
    extensions: ['.jsonl'],
    output: 'file',
    parse(input, defaults, options) {
      const context = lineContext(input.name, defaults, options)
      const records = format.fromLines(readJsonLines(input.text, input.name, context.problems, context.fields), context)
      return { records, warnings: lineWarnings(context) }
    },
    *write(records, options = {}) {
      for (const record of records) {
        if (format.withoutRelations) relationsLeftOut(record, format.name, options.warn)
        yield format.serialize(record, options) + '\n'
      }
    },
  }
}
