// The sample corpus cut into sentences: the material every generated document is made of.
import fs from 'node:fs'
import path from 'node:path'

const CORPUS = path.join(import.meta.dirname, '..', '..', 'resources', 'corpus')

/** Every sentence of resources/corpus/*.txt, split after 。！？ and at line breaks, ending punctuation kept. */
export function corpusSentences(): string[] {
  const sentences: string[] = []
  for (const file of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8')
    for (const piece of text.split(/(?<=[。！？])|\n/u)) {
      const sentence = piece.trim()
      // Headlines of two or three characters would make paragraphs too short for a span.
      if ([...sentence].length >= 4) sentences.push(sentence)
    }
  }
  if (sentences.length === 0) throw new Error(`${CORPUS}: no sentences found to build benchmark documents from`)
  return sentences
}
