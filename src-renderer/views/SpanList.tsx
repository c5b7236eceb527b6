import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useRef } from 'react'
import type { Label, Span } from '../../src-main/shared/model'
import { spanIndexOf } from '../editor/spanIndex'
import { useAfterPaint } from '../editor/useAfterPaint'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { LabelChip } from './LabelChip'

/** A row before it is measured: chip and offsets, then one line of text. */
const ESTIMATED_ROW_HEIGHT = 62

const SpanRow = memo(function SpanRow({ span, labels, current, select }: { span: Span; labels: readonly Label[]; current: boolean; select: (span: Span) => void }) {
  return (
    <button type="button" className="span-row" data-span-id={span.id} aria-current={current ? 'true' : undefined} onClick={() => select(span)}>
      <LabelChip name={span.label} labels={labels} />
      <q className="span-text" lang="zh">
        {span.text}
      </q>
      <span className="span-offsets" aria-hidden="true">
        {span.start}–{span.end}
      </span>
    </button>
  )
})

/**
 * The document's spans in text order; choosing one selects it and scrolls the article to it.
 * Only the rows in view are rendered, so 20,000 spans cost what 20 do.
 */
export function SpanList() {
  // The list catches up after the text: an edit's highlight is painted first, then the 20,000 rows are laid out again.
  const spans = useAfterPaint(useStore((s) => s.spans))
  const labels = useStore(selectLabels)
  const selectedSpanId = useStore((s) => s.selectedSpanId)
  const selectSpan = useStore((s) => s.selectSpan)
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: spans.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: useCallback((i: number) => spans[i].id, [spans]),
    overscan: 6,
  })

  useEffect(() => {
    if (selectedSpanId === null) return
    const index = spanIndexOf(spans).indexOf(selectedSpanId)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [selectedSpanId, spans, virtualizer])

  const select = useCallback((span: Span) => selectSpan(span.id, span.start), [selectSpan])

  return (
    <aside className="side-panel spans-panel" aria-labelledby="spans-heading">
      <h2 id="spans-heading" className="panel-heading">
        Spans <span className="count">{spans.length}</span>
      </h2>
      {spans.length === 0 ? (
        <p className="panel-empty">No spans yet. Select text in the article and press a label key.</p>
      ) : (
        <div ref={scrollRef} className="span-scroll">
          <ul className="span-list" aria-labelledby="spans-heading" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((row) => {
              const span = spans[row.index]
              return (
                <li
                  key={row.key}
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  aria-setsize={spans.length}
                  aria-posinset={row.index + 1}
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <SpanRow span={span} labels={labels} current={span.id === selectedSpanId} select={select} />
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </aside>
  )
}
