// The compare view's text: the surface over the review session, painted by how the layers compare (agreement kinds,
// gold underlined, the current comparison), with each annotator's version shown on hover and gold edited by keys.
import { useMemo, useState, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Comparison, ComparisonKind } from '../../src-main/shared/comparison'
import type { Span } from '../../src-main/shared/model'
import type { Box } from '../editor/caret'
import type { EditorCommand } from '../editor/keyboard'
import { marksLayer, selectionLayer, sortedLayer, type PaintLayer } from '../editor/layers'
import { rangeIndexOf } from '../editor/rangeIndex'
import { reviewCommandForKey } from '../editor/reviewKeys'
import { TextSurface, type SurfaceHandlers } from '../editor/TextSurface'
import { selectComparisons, selectCurrentComparison, selectGoldSpans, selectReviewPending, selectSelectedGold } from '../state/reviewSelectors'
import { selectLabels } from '../state/selectors'
import { useStore, useStoreApi } from '../state/store'
import type { Store } from '../state/types'
import { VersionLine } from './VersionLine'

interface Hover {
  comparison: Comparison
  box: Box
}

/** The highlight of each kind of comparison; review.css colours them. */
export const KIND_HIGHLIGHTS: Record<ComparisonKind, string> = {
  agree: 'review-agree',
  label: 'review-label',
  boundary: 'review-boundary',
  missed: 'review-missed',
}

/** Each comparison's stretch in the colour of its kind; a disagreement is drawn over an agreement inside it. */
export function agreementLayer(comparisons: readonly Comparison[]): PaintLayer<Comparison> {
  return sortedLayer('agreement', comparisons, (c) => KIND_HIGHLIGHTS[c.kind], (name) => (name === KIND_HIGHLIGHTS.agree ? 0 : 1))
}

/** The gold layer, underlined over the kinds. */
export function goldLayer(gold: readonly Span[]): PaintLayer<Span> {
  return sortedLayer('gold', gold, () => 'review-gold', () => 2)
}

/** The shortest comparison under a character: a name agreed inside a disputed phrase shows on its own. */
function comparisonAt(s: Store, character: number): Comparison | null {
  const under = rangeIndexOf(selectComparisons(s)).covering(character)
  return under.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null
}

export function ReviewText({ regionRef, describedBy }: { regionRef: RefObject<HTMLDivElement | null>; describedBy?: string }) {
  const session = useStore((s) => s.review)
  const comparisons = useStore(selectComparisons)
  const gold = useStore(selectGoldSpans)
  const current = useStore(selectCurrentComparison)
  const selected = useStore(selectSelectedGold)
  const pending = useStore(useShallow(selectReviewPending))
  const labels = useStore(selectLabels)
  const storeApi = useStoreApi()
  const [hover, setHover] = useState<Hover | null>(null)
  const kinds = useMemo(() => agreementLayer(comparisons), [comparisons])
  const goldSpans = useMemo(() => goldLayer(gold), [gold])
  // Each layer is kept as long as what it shows: the painter does not look again at a layer it has painted.
  const currentLayer = useMemo(() => marksLayer('current', [{ highlight: 'review-current', range: current, priority: 3 }]), [current])
  const selection = useMemo(() => selectionLayer(pending, selected), [pending, selected])
  const layers = useMemo(() => [kinds, goldSpans, currentLayer, selection], [kinds, goldSpans, currentLayer, selection])
  const on = useMemo(() => reviewHandlers(storeApi, setHover), [storeApi])
  if (!session) return null

  return (
    <TextSurface
      regionRef={regionRef}
      label="Compared text"
      describedBy={describedBy}
      className="review-article"
      lines={session.text}
      caret={session.caret}
      anchor={session.anchor}
      selectable={gold}
      selectedId={session.selectedSpanId}
      labels={labels}
      layers={layers}
      focus={current ?? selected}
      on={on}
    >
      {hover && (
        <div className="versions-tooltip" role="tooltip" style={{ left: hover.box.left, top: hover.box.top + hover.box.height + 4 }}>
          {hover.comparison.versions.map((version, i) => (
            <VersionLine key={i} version={version} offsets={session.text.map} labels={labels} />
          ))}
        </div>
      )}
    </TextSurface>
  )
}

function reviewHandlers(storeApi: ReturnType<typeof useStoreApi>, setHover: (hover: Hover | null) => void): SurfaceHandlers {
  const store = storeApi.getState
  return {
    setCaret: (offset, extend) => store().placeReviewCaret(offset, extend),
    setPending: (anchor, focus) => store().setReviewPending(anchor, focus),
    selectSpan: (id, caret) => store().selectGold(id, caret),
    clearSelection: () => store().clearReviewSelection(),
    key: (e) => {
      const s = store()
      const review = reviewCommandForKey(e, selectLabels(s))
      if (!review) return false
      if (review.type === 'step') s.stepDisagreement(review.direction)
      else if (review.type === 'take') void s.takeVersion(review.version)
      else void s.acceptUnanimous()
      return true
    },
    command: (command: EditorCommand) => {
      const s = store()
      switch (command.type) {
        case 'label':
          void s.tagGold(command.label)
          return true
        case 'remove':
          void s.removeSelectedGold()
          return true
        case 'undo':
          void s.undoGold()
          return true
        case 'redo':
          void s.redoGold()
          return true
        case 'finish':
          void s.finishReview()
          return true
        default:
          // Moves, Tab and Esc are the surface's; the annotate view's other tools (find, resize, tag all) are not part of review.
          return false
      }
    },
    // A click makes the comparison under it the current one; the surface then selects the gold span there, if any.
    click: (character) => {
      const comparison = character === null ? null : comparisonAt(store(), character)
      if (comparison) store().goToComparison(comparison)
    },
    hover: (character, boxOf) => {
      const comparison = character === null ? null : comparisonAt(store(), character)
      const box = comparison && boxOf(comparison)
      setHover(comparison && box ? { comparison, box } : null)
    },
  }
}
