// Formats that put a label between separators (a brat type, a B-/I- tag) cannot hold one with white space in it.
import { FactspanError } from '../errors'

const WHITE_SPACE = /[\s\x1c-\x1f\x85]/u

/** Throws before anything is written, so the export is refused whole rather than read back wrong. */
export function checkLabelWord(label: string, format: string, documentId: string): void {
  if (!WHITE_SPACE.test(label)) return
  throw new FactspanError(
    'bad-input',
    `label ${JSON.stringify(label)} (document "${documentId}") contains white space, which ${format} cannot hold; rename the label in the label set and export again`,
  )
}
