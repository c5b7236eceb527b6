// Baseline: the generated document in @recogito/text-annotator, used as its README shows: the text as HTML
// paragraphs, the spans loaded as W3C annotations (TextQuoteSelector + TextPositionSelector over the container's
// text), painted by its default renderer (positioned boxes for the annotations in view). Adding a span: the
// label key turns the native selection into an annotation and hands it to addAnnotation. There is no database.
import '@recogito/text-annotator/text-annotator.css'
import { createTextAnnotator, W3CTextFormat, type Color, type TextAnnotation, type TextAnnotator, type W3CTextAnnotation } from '@recogito/text-annotator'
import { ADD_LABEL, type BenchSpan } from '../protocol'
import { labelColor, listenForAdds, loadDocument, paragraphAt, type LoadedDocument } from './benchDocument'
import './page.css'

const SOURCE = 'factspan-bench'

let loaded: LoadedDocument | null = null
let annotator: TextAnnotator<TextAnnotation, W3CTextAnnotation> | null = null

/** Offsets in recogito count the container's text, which has no line breaks between paragraphs. */
function toW3C(doc: LoadedDocument, span: BenchSpan): W3CTextAnnotation {
  const from = doc.map.toUtf16(span.start)
  const to = doc.map.toUtf16(span.end)
  const lineBreaksBefore = paragraphAt(doc.paragraphs, from)
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: span.id,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: span.label }],
    target: {
      source: SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact: doc.data.text.slice(from, to) },
        { type: 'TextPositionSelector', start: from - lineBreaksBefore, end: to - lineBreaksBefore },
      ],
    },
  }
}

const open = document.querySelector<HTMLButtonElement>('#open')!
const text = document.querySelector<HTMLElement>('#text')!

open.addEventListener('click', async () => {
  open.disabled = true
  const doc = await loadDocument()
  text.replaceChildren(
    ...doc.paragraphs.map((p) => {
      const element = document.createElement('p')
      element.dataset.start = String(p.start)
      element.textContent = p.text
      return element
    }),
  )
  annotator = createTextAnnotator<TextAnnotation, W3CTextAnnotation>(text, {
    adapter: W3CTextFormat(SOURCE, text),
    // Spans are added by the label key below, not by recogito's own select-to-annotate.
    annotatingEnabled: false,
    style: (annotation) => ({ fill: labelColor(String(annotation.bodies[0]?.value)) as Color, fillOpacity: 0.36 }),
  })
  annotator.setAnnotations(doc.data.spans.map((span) => toW3C(doc, span)))
  loaded = doc
})

listenForAdds(
  () => loaded,
  (selection, id) => annotator?.addAnnotation(toW3C(loaded!, { id, start: selection.start, end: selection.end, label: ADD_LABEL })),
)
