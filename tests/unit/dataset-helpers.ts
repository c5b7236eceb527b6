// Generated projects for the dataset tests: documents whose labels cluster by id, so a split that ignored labels
// (or took the documents in order) would be far from stratified.
import fs from 'node:fs'
import path from 'node:path'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

const PHRASES = ['截至2月25日，', '杭州高新区(滨江)', '企业复工率91.9%，', '防疫惠企28条', '𠮷野家', '😀', '规上工业增加值同比增长5.2%。']

/** One native JSONL line per document: `count` documents with ids d00000…, about 6 spans each, some none. */
export function datasetLines(count: number, annotator = 'alice'): string[] {
  return Array.from({ length: count }, (_, i) => {
    const parts = Array.from({ length: 6 }, (_, k) => PHRASES[(i * 5 + k * 3) % PHRASES.length])
    const text = parts.join('')
    const spans: Array<{ start: number; end: number; label: string; annotator: string }> = []
    let at = 0
    parts.forEach((part, k) => {
      const length = [...part].length
      // measure only in the first tenth of the ids; date in every other document; none at all in every eleventh.
      const label = k === 0 && i < count / 10 ? 'measure' : k % 2 === 1 && i % 2 === 0 ? 'date' : k === 4 && i % 3 === 0 ? 'organization' : 'metric'
      if (i % 11 !== 0 && length > 1) spans.push({ start: at, end: at + Math.min(length, 4), label, annotator })
      at += length
    })
    return JSON.stringify({ id: `d${String(i).padStart(5, '0')}`, text, spans })
  })
}

/** A new project holding `lines` (native JSONL), imported as a user's file would be. */
export function projectWith(lines: string[], annotator = 'alice') {
  const project = newProject(annotator)
  const report = importFiles(project.workspace.database(), [{ name: 'generated.jsonl', bytes: utf8(lines.join('\n')) }], { annotator })
  if (report.errors.length > 0) throw new Error(report.errors[0].message)
  return project
}

/** The native JSONL records of an exported file. */
export function readRecords(file: string): Array<{ id: string; text: string; spans: Array<{ start: number; end: number; label: string; text: string; annotator: string }> }> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))
}

/** Files of a folder, temporary ones included: what a user would find there. */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => !name.endsWith('.factspan') && !name.includes('.factspan-') && name !== 'settings.json').sort()
}

export const at = (dir: string, name: string) => path.join(dir, name)
