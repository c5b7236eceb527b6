// The import and export formats by name, so the service and the CLI pick one without knowing the codecs.
import type { ExportFormat } from '../api'
import { doccanoFromLines, serializeDoccano } from './doccano'
import { readJsonLines } from './jsonl'
import { nativeFromLines, serializeNative, type NativeRecord, type ParseDefaults } from './native'

export const exportFormats: Record<ExportFormat, (record: NativeRecord) => string> = {
  native: serializeNative,
  doccano: serializeDoccano,
}

/** Reads JSONL as doccano when its first record has a `label`/`labels` list of lists and no `spans`, else as native. */
export function parseJsonlAuto(content: string, file: string, defaults: ParseDefaults): NativeRecord[] {
  const lines = readJsonLines(content, file)
  return looksLikeDoccano(lines[0]?.value) ? doccanoFromLines(lines, file, defaults) : nativeFromLines(lines, file, defaults)
}

function looksLikeDoccano(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || 'spans' in value) return false
  const labels = (value as { label?: unknown; labels?: unknown }).label ?? (value as { labels?: unknown }).labels
  return Array.isArray(labels) && labels.every(Array.isArray)
}
