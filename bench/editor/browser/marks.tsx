// Baseline: the plain React way to show spans: the text as paragraphs, each span wrapped in <mark>. Where spans
// overlap, the text is cut at every span boundary and each piece is one <mark> naming all the spans over it
// (data-spans). Paragraphs are memoized, so adding a span re-renders only its own paragraph. Adding a span: the
// label key turns the native selection into a span in React state. There is no database.
import { memo, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { ADD_LABEL } from '../protocol'
import { labelStyles, listenForAdds, loadDocument, paragraphAt, type LoadedDocument } from './benchDocument'
import './page.css'

/** A span inside one paragraph, in UTF-16 units of that paragraph's text. */
interface ParagraphSpan {
  id: string
  start: number
  end: number
  label: string
}

let loaded: LoadedDocument | null = null
let addSpan: ((span: ParagraphSpan, paragraph: number) => void) | null = null

function toParagraph(doc: LoadedDocument, span: { id: string; start: number; end: number; label: string }): { paragraph: number; span: ParagraphSpan } {
  const from = doc.map.toUtf16(span.start)
  const paragraph = paragraphAt(doc.paragraphs, from)
  const start = doc.paragraphs[paragraph].start
  return { paragraph, span: { id: span.id, start: from - start, end: doc.map.toUtf16(span.end) - start, label: span.label } }
}

function App() {
  const [doc, setDoc] = useState<LoadedDocument | null>(null)
  const [spans, setSpans] = useState<ParagraphSpan[][]>([])

  useEffect(() => {
    addSpan = (span, paragraph) =>
      setSpans((current) => current.map((list, i) => (i === paragraph ? [...list, span] : list)))
  }, [])

  async function open() {
    const next = await loadDocument()
    const byParagraph: ParagraphSpan[][] = next.paragraphs.map(() => [])
    for (const s of next.data.spans) {
      const { paragraph, span } = toParagraph(next, s)
      byParagraph[paragraph].push(span)
    }
    loaded = next
    setSpans(byParagraph)
    setDoc(next)
  }

  return (
    <>
      <style>{labelStyles()}</style>
      <header>
        <h1>React view, a mark per span</h1>
        <button type="button" disabled={doc !== null} onClick={() => void open()}>
          Open document
        </button>
      </header>
      <main id="scroller">
        <div id="text" lang="zh">
          {doc?.paragraphs.map((p, i) => <Paragraph key={i} text={p.text} start={p.start} spans={spans[i]} />)}
        </div>
      </main>
    </>
  )
}

const Paragraph = memo(function Paragraph({ text, start, spans }: { text: string; start: number; spans: ParagraphSpan[] }) {
  const cuts = new Set([0, text.length])
  for (const span of spans) {
    cuts.add(span.start)
    cuts.add(span.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const pieces = []
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]]
    const over = spans.filter((s) => s.start <= from && s.end >= to)
    const piece = text.slice(from, to)
    pieces.push(
      over.length === 0 ? (
        piece
      ) : (
        <mark key={from} className={`label-${over[over.length - 1].label}`} data-spans={over.map((s) => s.id).join(' ')}>
          {piece}
        </mark>
      ),
    )
  }
  return <p data-start={start}>{pieces}</p>
})

listenForAdds(
  () => loaded,
  (selection, id) => {
    if (!loaded || !addSpan) return
    const { paragraph, span } = toParagraph(loaded, { id, start: selection.start, end: selection.end, label: ADD_LABEL })
    addSpan(span, paragraph)
  },
)

createRoot(document.getElementById('root')!).render(<App />)
