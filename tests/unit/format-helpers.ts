// Reading and writing through the codecs as the service does, for the format tests.
import fs from 'node:fs'
import path from 'node:path'
import type { ExportFormat } from '../../src-main/shared/api'
import { codecs, type ExportWarning, type FileWarning, type ParseOptions } from '../../src-main/shared/formats'
import type { NativeRecord } from '../../src-main/shared/formats/native'
import type { Service } from '../../src-main/service'
import { exportedText, ROOT } from './helpers'

export const FIXTURES = path.join(ROOT, 'tests/fixtures/formats')
export const defaults = { annotator: 'zed' }

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8')
}

/** What a round trip must keep: each document's text and its spans, in text order. */
export function spansOf(records: readonly NativeRecord[]) {
  return records.map((r) => ({
    text: r.text,
    spans: r.spans.map(({ start, end, label, text }) => [start, end, label, text]).sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number) || String(a[2]).localeCompare(String(b[2]))),
  }))
}

/** Everything one export writes: the file's text, or the folder's files by path. */
export function write(format: ExportFormat, records: readonly NativeRecord[], options: { separator?: 'tab' | 'space' } = {}) {
  const warnings: ExportWarning[] = []
  const codec = codecs[format]
  const warn = (w: ExportWarning) => warnings.push(w)
  if (codec.output === 'file') return { text: [...codec.write(records, { ...options, warn })].join(''), files: new Map<string, string>(), warnings }
  return { text: '', files: new Map([...codec.write(records, { warn })].map((e) => [e.path, e.text])), warnings }
}

/** Reads an export back: one file, or every .txt of a folder with the .ann beside it. */
export function read(format: ExportFormat, written: ReturnType<typeof write>, options: ParseOptions = {}) {
  const codec = codecs[format]
  if (codec.output === 'file') return codec.parse({ name: `again${codec.extensions[0]}`, text: written.text }, defaults, options)
  const records: NativeRecord[] = []
  const warnings: FileWarning[] = []
  for (const [file, text] of written.files) {
    if (!file.endsWith('.txt')) continue
    const ann = file.replace(/\.txt$/, '.ann')
    const result = codec.parse({ name: file, text, companion: { name: ann, text: written.files.get(ann) ?? '' } }, defaults, options)
    records.push(...result.records)
    warnings.push(...result.warnings)
  }
  return { records, warnings }
}

/** A brat .txt and .ann from the fixtures folder as the service hands them to the codec. */
export function bratPair(id: string, annotations = fixture(`brat/${id}.ann`)) {
  return { name: `${id}.txt`, text: fixture(`brat/${id}.txt`), companion: { name: `${id}.ann`, text: annotations } }
}

export function record(text: string, spans: Array<[number, number, string, string?]>, id = 'd1'): NativeRecord {
  const chars = [...text]
  return {
    id,
    title: id,
    text,
    meta: {},
    spans: spans.map(([start, end, label, annotator = 'alice']) => ({ start, end, label, text: chars.slice(start, end).join(''), annotator })),
  }
}

/** Every document of a project with its spans, read back from its native export. */
export async function projectRecords(service: Service): Promise<NativeRecord[]> {
  return codecs.native.parse({ name: 'project.jsonl', text: await exportedText(service, { format: 'native' }) }, defaults).records
}
