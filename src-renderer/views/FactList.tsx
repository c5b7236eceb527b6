// The open document's facts: each metric or measure linked to other spans, with the spans it links to, as one line
// "企業復工率91.9% — 杭州高新區(濱江) — 截至2月25日". Every part jumps to its span, however far away it is in a long
// document, and every link can be taken away; only the rows in view are rendered.
import { memo, useCallback } from 'react'
import type { Fact } from '../../src-main/shared/facts'
import type { Label, Relation, Span } from '../../src-main/shared/model'
import { useAfterPaint, usePaintedOnce } from '../editor/useAfterPaint'
import { selectFacts } from '../state/relationSelectors'
import { selectLabels } from '../state/selectors'
import { useStore, useStoreApi } from '../state/store'
import { LabelChip } from './LabelChip'
import { SideList } from './SideList'

const factKey = (fact: Fact) => fact.head.id

interface RowProps {
  fact: Fact
  labels: readonly Label[]
  relations: readonly Relation[]
  current: boolean
  jump(span: Span): void
  link(span: Span): void
  unlink(relation: Relation): void
}

const FactRow = memo(function FactRow({ fact, labels, relations, current, jump, link, unlink }: RowProps) {
  const { head, links } = fact
  return (
    <div className="fact-row" data-fact-id={head.id} aria-current={current ? 'true' : undefined}>
      <span className="fact-part">
        <LabelChip name={head.label} labels={labels} />
        <button type="button" className="fact-span" lang="zh" aria-label={`Jump to “${head.text}”`} onClick={() => jump(head)}>
          {head.text}
        </button>
      </span>
      {links.map(({ type, span }) => {
        const relation = relations.find((r) => r.from === head.id && r.to === span.id && r.type === type)
        return (
          <span className="fact-part" key={`${type}:${span.id}`}>
            <span className="fact-sep" aria-hidden="true">
              —
            </span>
            <button type="button" className="fact-span" lang="zh" aria-label={`Jump to “${span.text}” (${type})`} onClick={() => jump(span)}>
              {span.text}
            </button>
            <span className="fact-type">{type}</span>
            {relation && (
              <button type="button" className="fact-unlink" aria-label={`Unlink ${type} “${span.text}”`} title="Unlink" onClick={() => unlink(relation)}>
                ×
              </button>
            )}
          </span>
        )
      })}
      <button type="button" className="fact-jump" aria-label={`Link “${head.text}”…`} onClick={() => link(head)}>
        Link…
      </button>
    </div>
  )
})

/** The facts panel; `afterAction` gives the keyboard back to the text after a button press. */
export function FactList({ afterAction }: { afterAction?: () => void }) {
  const facts = useAfterPaint(useStore(selectFacts))
  const relations = useStore((s) => s.relations)
  const labels = useStore(selectLabels)
  const selectedSpanId = useStore((s) => s.annotate?.selectedSpanId ?? null)
  const storeApi = useStoreApi()
  const shown = usePaintedOnce()
  const jump = useCallback(
    (span: Span) => {
      storeApi.getState().selectSpan(span.id, span.start)
      afterAction?.()
    },
    [storeApi, afterAction],
  )
  const link = useCallback(
    (span: Span) => {
      storeApi.getState().enterRelationMode(span.id)
      afterAction?.()
    },
    [storeApi, afterAction],
  )
  const unlink = useCallback((relation: Relation) => void storeApi.getState().unlink(relation), [storeApi])

  return (
    <aside className="side-panel facts-panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="panel-heading">
        Facts <span className="count">{facts.length}</span>
      </h2>
      {!shown ? null : facts.length === 0 ? (
        <p className="panel-empty">No facts yet. Tag a metric or measure, select it, press r, then a relation type’s key.</p>
      ) : (
        <SideList
          labelledBy="facts-heading"
          className="fact-list"
          items={facts}
          keyOf={factKey}
          currentIndex={selectedSpanId === null ? -1 : facts.findIndex((f) => f.head.id === selectedSpanId)}
          estimateSize={72}
        >
          {(fact) => <FactRow fact={fact} labels={labels} relations={relations} current={fact.head.id === selectedSpanId} jump={jump} link={link} unlink={unlink} />}
        </SideList>
      )}
    </aside>
  )
}
