// The open document's relations drawn over the text as arcs between spans that are both rendered, measured from
// their ranges after each paint, scroll and resize. Arcs of the selected span (or relation mode's) stand out with
// their type's name; the others stay faint, so many links stay readable. Every relation is listed in the facts too.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Relation, RelationType, Span } from '../../src-main/shared/model'
import { arcBetween, type Arc, type SpanBox } from '../editor/arcs'
import { toContent } from '../editor/caret'
import { canMeasure, liveRange, visibleRange } from '../editor/domOffsets'
import { safeColor } from '../editor/layers'
import { spanIndexOf } from '../editor/rangeIndex'
import type { TextLines } from '../editor/textModel'

interface Drawn {
  relation: Relation
  arc: Arc
  strong: boolean
}

interface Props {
  regionRef: RefObject<HTMLDivElement | null>
  lines: TextLines
  spans: readonly Span[]
  relations: readonly Relation[]
  types: readonly RelationType[]
  /** Spans whose relations stand out: the selected span, relation mode's ends. */
  emphasis: ReadonlySet<number>
}

/** The box of a span's first row, in the region's content coordinates; null when it is not rendered. */
function boxOf(region: HTMLElement, root: HTMLElement, lines: TextLines, span: Span): SpanBox | null {
  const range = visibleRange(root, lines, span.start, span.end)
  if (!range) return null
  const rect = liveRange(range.startContainer, range.startOffset, range.endContainer, range.endOffset).getClientRects()[0]
  if (!rect) return null
  return { ...toContent(region, rect), width: rect.width }
}

export function RelationArcs({ regionRef, lines, spans, relations, types, emphasis }: Props) {
  const [drawn, setDrawn] = useState<{ arcs: Drawn[]; width: number; height: number }>({ arcs: [], width: 0, height: 0 })
  const measured = useRef('')

  useLayoutEffect(() => {
    const region = regionRef.current
    if (!region || !canMeasure()) return
    // Nothing to draw (what was drawn is not shown, below): read no layout, which each read here forces on every
    // render, and keep no listener.
    if (relations.length === 0) return
    let frame = 0
    const measure = () => {
      frame = 0
      const root = region.querySelector<HTMLElement>('.article-lines')
      if (!root) return
      const index = spanIndexOf(spans)
      const rowGap = (parseFloat(getComputedStyle(root).lineHeight) || 35) - (parseFloat(getComputedStyle(root).fontSize) || 18)
      const boxes = new Map<number, SpanBox | null>()
      const box = (id: number) => {
        if (!boxes.has(id)) {
          const span = index.byId(id)
          boxes.set(id, span ? boxOf(region, root, lines, span) : null)
        }
        return boxes.get(id)!
      }
      const arcs: Drawn[] = []
      for (const relation of relations) {
        const from = box(relation.from)
        const to = box(relation.to)
        if (from && to) arcs.push({ relation, arc: arcBetween(from, to, rowGap * 0.9), strong: emphasis.has(relation.from) || emphasis.has(relation.to) })
      }
      const key = JSON.stringify([arcs.map((a) => [a.relation.id, a.relation.type, a.arc.path, a.strong]), region.scrollWidth, region.scrollHeight])
      if (key === measured.current) return
      measured.current = key
      setDrawn({ arcs, width: region.scrollWidth, height: region.scrollHeight })
    }
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure)
    }
    measure()
    // A virtual document renders other lines as it scrolls, and a new width wraps the rows again.
    region.addEventListener('scroll', later, { passive: true })
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(later)
    observer?.observe(region)
    return () => {
      region.removeEventListener('scroll', later)
      observer?.disconnect()
      if (frame) cancelAnimationFrame(frame)
    }
  })

  if (relations.length === 0 || drawn.arcs.length === 0) return null
  const colors = new Map(types.map((t) => [t.name, safeColor(t.color)]))
  return (
    <svg className="relation-arcs" aria-hidden="true" width={drawn.width} height={drawn.height} data-arcs={drawn.arcs.length}>
      <defs>
        {[...new Set(drawn.arcs.map((d) => d.relation.type))].map((type) => (
          <marker key={type} id={`arrow-${markerId(type)}`} viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 6 3 L 0 6 z" fill={colors.get(type) ?? '#64748b'} />
          </marker>
        ))}
      </defs>
      {drawn.arcs.map(({ relation, arc, strong }) => (
        <g key={relation.id} className={strong ? 'relation-arc strong' : 'relation-arc'} data-relation-id={relation.id}>
          <path d={arc.path} stroke={colors.get(relation.type) ?? '#64748b'} markerEnd={`url(#arrow-${markerId(relation.type)})`} />
          {strong && (
            <text x={arc.labelX} y={arc.labelY - 2} textAnchor="middle">
              {relation.type}
            </text>
          )}
        </g>
      ))}
    </svg>
  )
}

/** A type's name as part of an element id: names are the project's own and may hold any character. */
function markerId(type: string): string {
  return [...type].map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('')
}
