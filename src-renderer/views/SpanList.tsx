import { memo, useCallback } from 'react'
import type { Label, Span } from '../../src-main/shared/model'
import { useAfterPaint, usePaintedOnce } from '../editor/useAfterPaint'
import { selectLabels, selectSelectedSpan } from '../state/selectors'
import { placeOf } from '../state/sortedSpans'
import { useStore } from '../state/store'
import { LabelChip } from './LabelChip'
import { SideList } from './SideList'

/** Every row: chip and offsets, then one line of text (app.css gives button.span-row the same height). */
const ROW_HEIGHT = 64
const NO_SPANS: Span[] = []
const spanKey = (span: Span) => span.id

const SpanRow = memo(function SpanRow({ span, labels, current, select, link }: { span: Span; labels: readonly Label[]; current: boolean; select: (span: Span) => void; link: (span: Span) => void }) {
  return (
    <div className="span-row-wrap">
      <button type="button" className="side-row span-row" data-span-id={span.id} aria-current={current ? 'true' : undefined} onClick={() => select(span)}>
        <LabelChip name={span.label} labels={labels} />
        <q className="span-text" lang="zh">
          {span.text}
        </q>
        <span className="span-offsets" aria-hidden="true">
          {span.start}–{span.end}
        </span>
      </button>
      <button type="button" className="span-link" aria-label={`Link “${span.text}”…`} onClick={() => link(span)}>
        Link…
      </button>
    </div>
  )
})

/** The document's spans in text order; choosing one selects it and scrolls the article to it. */
export function SpanList({ afterAction }: { afterAction?: () => void } = {}) {
  // The list catches up after the text: an edit's highlight is painted first, then the 20,000 rows are laid out again.
  const spans = useAfterPaint(useStore((s) => s.annotate?.spans ?? NO_SPANS))
  const labels = useStore(selectLabels)
  const selectedSpanId = useStore((s) => s.annotate?.selectedSpanId ?? null)
  const selected = useStore(selectSelectedSpan)
  const selectSpan = useStore((s) => s.selectSpan)
  const select = useCallback((span: Span) => selectSpan(span.id, span.start), [selectSpan])
  const enterRelationMode = useStore((s) => s.enterRelationMode)
  const link = useCallback(
    (span: Span) => {
      enterRelationMode(span.id)
      afterAction?.()
    },
    [enterRelationMode, afterAction],
  )
  // The panel keeps its place from the first frame; its rows come one frame after the text.
  const shown = usePaintedOnce()

  return (
    <aside className="side-panel spans-panel" aria-labelledby="spans-heading">
      <h2 id="spans-heading" className="panel-heading">
        Spans <span className="count">{spans.length}</span>
      </h2>
      {!shown ? null : spans.length === 0 ? (
        <p className="panel-empty">No spans yet. Select text in the article and press a label key.</p>
      ) : (
        <SideList
          labelledBy="spans-heading"
          className="span-list"
          items={spans}
          keyOf={spanKey}
          currentIndex={selected ? placeOf(spans, selected) : -1}
          estimateSize={ROW_HEIGHT}
          fixedSize
        >
          {(span) => <SpanRow span={span} labels={labels} current={span.id === selectedSpanId} select={select} link={link} />}
        </SideList>
      )}
    </aside>
  )
}
