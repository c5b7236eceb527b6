import { useEffect, useRef } from 'react'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { LabelChip } from './LabelChip'

/** The document's spans in text order; choosing one selects it and scrolls the article to it. */
export function SpanList() {
  const spans = useStore((s) => s.spans)
  const labels = useStore(selectLabels)
  const selectedSpanId = useStore((s) => s.selectedSpanId)
  const selectSpan = useStore((s) => s.selectSpan)
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (selectedSpanId === null) return
    listRef.current?.querySelector(`[data-span-id="${selectedSpanId}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedSpanId])

  return (
    <aside className="side-panel spans-panel" aria-labelledby="spans-heading">
      <h2 id="spans-heading" className="panel-heading">
        Spans <span className="count">{spans.length}</span>
      </h2>
      {spans.length === 0 ? (
        <p className="panel-empty">No spans yet. Select text in the article and press a label key.</p>
      ) : (
        <ul ref={listRef} className="span-list" aria-labelledby="spans-heading">
          {spans.map((span) => (
            <li key={span.id}>
              <button
                type="button"
                className="span-row"
                data-span-id={span.id}
                aria-current={span.id === selectedSpanId ? 'true' : undefined}
                onClick={() => selectSpan(span.id, span.start)}
              >
                <LabelChip name={span.label} labels={labels} />
                <q className="span-text" lang="zh">
                  {span.text}
                </q>
                <span className="span-offsets" aria-hidden="true">
                  {span.start}–{span.end}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
