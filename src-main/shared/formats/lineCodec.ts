// A JSONL format as a codec: one document a line, read with line numbers, written one line per record.
import type { ExportFormat } from '../api'
import type { FileCodec, FileWarning, OffsetUnit } from './codec'
import { readJsonLines, type JsonLine } from './jsonl'
import type { NativeRecord, ParseDefaults } from './native'

export interface LineFormat {
  name: ExportFormat
  offsetUnit: OffsetUnit
  serialize: (record: NativeRecord) => string
  /** Throws InputError at the first bad line; pushes what it leaves out onto `warnings`. */
  fromLines: (lines: JsonLine[], file: string, defaults: ParseDefaults, warnings: FileWarning[]) => NativeRecord[]
}

export function lineCodec(format: LineFormat): FileCodec {
  return {
    name: format.name,
    offsetUnit: format.offsetUnit,
    extensions: ['.jsonl'],
    output: 'file',
    parse(input, defaults) {
      const warnings: FileWarning[] = []
      const records = format.fromLines(readJsonLines(input.text, input.name), input.name, defaults, warnings)
      return { records, warnings }
    },
    *write(records) {
      for (const record of records) yield format.serialize(record) + '\n'
    },
  }
}
