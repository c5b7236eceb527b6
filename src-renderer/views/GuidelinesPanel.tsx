import { marked } from 'marked'
import guidelines from '../../resources/guidelines.md?raw'
import { usePaintedOnce } from '../editor/useAfterPaint'
import { useStore } from '../state/store'

// Our own bundled file, rendered once; nothing typed by users goes through it.
const guidelinesHtml = marked.parse(guidelines, { async: false })

export function GuidelinesPanel() {
  const open = useStore((s) => s.guidelinesOpen)
  const toggleGuidelines = useStore((s) => s.toggleGuidelines)
  // The text is painted first; the guidelines, which nobody reads in that frame, one frame later.
  const shown = usePaintedOnce()
  return (
    <aside className={open ? 'side-panel guidelines-panel' : 'side-panel guidelines-panel collapsed'} aria-labelledby="guidelines-heading">
      <h2 id="guidelines-heading" className="panel-heading">
        <button type="button" className="panel-toggle" aria-expanded={open} aria-controls="guidelines-body" onClick={toggleGuidelines}>
          <span className="chevron" aria-hidden="true">
            {open ? '›' : '‹'}
          </span>
          Guidelines
        </button>
      </h2>
      <div id="guidelines-body" className="guidelines" hidden={!open} dangerouslySetInnerHTML={{ __html: shown ? guidelinesHtml : '' }} />
    </aside>
  )
}
