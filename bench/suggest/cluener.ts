// CLUENER2020's training set as training documents, read from the shared datasets folder (never copied into the
// repository), with its end-inclusive offsets turned into Factspan's exclusive ones by the clue codec.
import fs from 'node:fs'
import path from 'node:path'
import { clueCodec } from '../../src-main/shared/formats/clue'
import type { TrainingDocument } from '../../src-main/shared/suggest/tagger'

export const CLUENER = process.env.FACTSPAN_CLUENER ?? path.join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets', 'cluener2020', 'train.json')

export function cluenerDocuments(file = CLUENER): TrainingDocument[] {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: set FACTSPAN_CLUENER to CLUENER2020's train.json`)
  const { records } = clueCodec.parse({ name: file, text: fs.readFileSync(file, 'utf8') }, { annotator: 'cluener' })
  return records.map((r) => ({ text: r.text, spans: r.spans.map(({ start, end, label }) => ({ start, end, label })) }))
}
