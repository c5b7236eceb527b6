// What both baseline pages share: the generated document fetched on "Open document", its paragraphs, label colours,
// and the native selection turned into code-point offsets (window.benchPage lets the driver make one).
import { lowerBound } from '../../../src-main/shared/lowerBound'
import { DEFAULT_LABELS } from '../../../src-main/shared/model'
import { OffsetMap } from '../../../src-main/shared/offsets'
import { ADD_KEY, type BaselinePage, type BaselineSelection, type BenchDocumentData } from '../protocol'

declare global {
  interface Window {
    benchPage: BaselinePage
  }
}

/** One line of the text, rendered as one <p data-start>; `start` is its UTF-16 offset in the whole text. */
export interface Paragraph {
  text: string
  start: number
}

export interface LoadedDocument {
  data: BenchDocumentData
  map: OffsetMap
  paragraphs: Paragraph[]
}

export async function loadDocument(): Promise<LoadedDocument> {
  const id = new URLSearchParams(location.search).get('doc') ?? ''
  const response = await fetch(`/data/${encodeURIComponent(id)}.json`)
  if (!response.ok) throw new Error(`/data/${id}.json: ${response.status} ${response.statusText}`)
  const data = (await response.json()) as BenchDocumentData
  const paragraphs: Paragraph[] = []
  let start = 0
  for (const text of data.text.split('\n')) {
    paragraphs.push({ text, start })
    start += text.length + 1
  }
  return { data, map: new OffsetMap(data.text), paragraphs }
}

/** The paragraph holding a UTF-16 offset. */
export function paragraphAt(paragraphs: readonly Paragraph[], utf16: number): number {
  return Math.max(0, lowerBound(paragraphs.length, (i) => paragraphs[i].start <= utf16) - 1)
}

export function labelColor(label: string): string {
  return DEFAULT_LABELS.find((l) => l.name === label)?.color ?? '#94a3b8'
}

/** One rule per label for the mark view, the same translucent colours Factspan paints. */
export function labelStyles(): string {
  return DEFAULT_LABELS.map((l) => `mark.label-${l.name} { background: color-mix(in srgb, ${l.color} 36%, transparent); }`).join('\n')
}

/** UTF-16 offset in the whole text of a DOM point inside a <p data-start>; null elsewhere. */
function utf16At(node: Node, offset: number): number | null {
  const paragraph = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('p[data-start]')
  if (!paragraph) return null
  const before = document.createRange()
  before.setStart(paragraph, 0)
  before.setEnd(node, offset)
  return Number(paragraph.dataset.start) + before.toString().length
}

/** The DOM point `offset` UTF-16 units into a paragraph, whose text may be split across marks. */
function pointIn(paragraph: Element, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
  let left = offset
  let last: Node = paragraph
  while (walker.nextNode()) {
    last = walker.currentNode
    const length = last.textContent?.length ?? 0
    if (left <= length) return { node: last, offset: left }
    left -= length
  }
  return { node: last, offset: last.textContent?.length ?? 0 }
}

/** The window selection in code points, when it lies inside one paragraph of the text. */
export function selectedSpan(doc: LoadedDocument): BaselineSelection | null {
  const selection = getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const from = utf16At(range.startContainer, range.startOffset)
  const to = utf16At(range.endContainer, range.endOffset)
  if (from === null || to === null || paragraphAt(doc.paragraphs, from) !== paragraphAt(doc.paragraphs, to)) return null
  const start = doc.map.toCodePoint(from, 'before')
  const end = doc.map.toCodePoint(to, 'after')
  return { start, end, quote: doc.map.slice(start, end) }
}

/**
 * Installs window.benchPage for the driver and calls `add` on each press of the label key with the selection and
 * the id the driver named for it.
 */
export function listenForAdds(doc: () => LoadedDocument | null, add: (selection: BaselineSelection, id: string) => void): void {
  let nextId = ''
  window.benchPage = {
    selectAt(x, y, length, id) {
      const loaded = doc()
      const position = document.caretPositionFromPoint(x, y)
      if (!loaded || !position || position.offsetNode.nodeType !== Node.TEXT_NODE) return null
      const from = utf16At(position.offsetNode, position.offset)
      if (from === null) return null
      const paragraph = loaded.paragraphs[paragraphAt(loaded.paragraphs, from)]
      const start = loaded.map.toCodePoint(from, 'after')
      const end = start + length
      if (end > loaded.map.toCodePoint(paragraph.start + paragraph.text.length)) return null
      const element = position.offsetNode.parentElement!.closest('p[data-start]')!
      const range = document.createRange()
      const a = pointIn(element, loaded.map.toUtf16(start) - paragraph.start)
      const b = pointIn(element, loaded.map.toUtf16(end) - paragraph.start)
      range.setStart(a.node, a.offset)
      range.setEnd(b.node, b.offset)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
      nextId = id
      return { start, end, quote: loaded.map.slice(start, end) }
    },
  }
  window.addEventListener('keydown', (e) => {
    const loaded = doc()
    if (e.key !== ADD_KEY || !loaded) return
    const selection = selectedSpan(loaded)
    if (selection) add(selection, nextId)
  })
}
