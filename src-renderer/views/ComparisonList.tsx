import { useMemo, useState } from 'react'
import { goldSpansIn, settle, spanKey, type Comparison, type ComparisonKind } from '../../src-main/shared/comparison'
import type { Label, Span } from '../../src-main/shared/model'
import type { OffsetMap } from '../../src-main/shared/offsets'
import { rangeIndexOf } from '../editor/rangeIndex'
import { selectComparisons, selectCurrentComparison, selectDisagreements, selectGoldSpans, selectUnanimousKeys } from '../state/reviewSelectors'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { LabelChip } from './LabelChip'
import { plural } from './plural'
import { SideList } from './SideList'
import { VersionLine } from './VersionLine'

export const KIND_NAMES: Record<ComparisonKind, string> = {
  agree: 'All agree',
  label: 'Label differs',
  boundary: 'Boundary differs',
  missed: 'Missed by some',
}

/** A row before it is measured: the kind, then one line of text and what gold has. */
const ESTIMATED_ROW_HEIGHT = 84
const comparisonKey = (c: Comparison) => `${c.start}:${c.end}:${c.kind}`

/** The document's comparisons in text order, each with its versions; the current one offers them to take into gold. */
export function ComparisonList({ afterAction }: { afterAction: () => void }) {
  const comparisons = useStore(selectComparisons)
  const disagreements = useStore(selectDisagreements)
  const current = useStore(selectCurrentComparison)
  const gold = useStore(selectGoldSpans)
  const unanimous = useStore(selectUnanimousKeys)
  const labels = useStore(selectLabels)
  const offsets = useStore((s) => s.review?.text.map)
  const goToComparison = useStore((s) => s.goToComparison)
  const takeVersion = useStore((s) => s.takeVersion)
  const [showAgreed, setShowAgreed] = useState(false)
  const shown = useMemo(() => {
    const listed = showAgreed ? comparisons : disagreements
    // The current comparison stays listed even when agreed ones are hidden.
    if (!current || listed.includes(current)) return listed
    return [...listed, current].sort((a, b) => a.start - b.start || a.end - b.end)
  }, [showAgreed, comparisons, disagreements, current])

  if (!offsets) return null

  return (
    <aside className="side-panel comparisons-panel" aria-labelledby="comparisons-heading">
      <h2 id="comparisons-heading" className="panel-heading">
        Disagreements <span className="count">{disagreements.length}</span>
        <span className="muted panel-note">{plural(comparisons.length - disagreements.length, 'agreed span')}</span>
      </h2>
      <label className="panel-option">
        <input type="checkbox" checked={showAgreed} onChange={(e) => setShowAgreed(e.target.checked)} />
        List agreed spans too
      </label>
      {shown.length === 0 ? (
        <p className="panel-empty">{comparisons.length === 0 ? 'The compared layers have no spans in this document.' : 'No disagreements: the annotators agree on every span.'}</p>
      ) : (
        <SideList label="Comparisons" className="comparison-list" items={shown} keyOf={comparisonKey} currentIndex={current ? shown.indexOf(current) : -1} estimateSize={ESTIMATED_ROW_HEIGHT}>
          {(c) => (
            <>
              <button
                type="button"
                className="side-row comparison-row"
                aria-current={c === current ? 'true' : undefined}
                onClick={() => {
                  goToComparison(c)
                  afterAction()
                }}
              >
                <span className={`kind kind-${c.kind}`}>{kindName(c)}</span>
                <q className="span-text" lang="zh">
                  {offsets.slice(c.start, c.end)}
                </q>
                <GoldState comparison={c} gold={gold} unanimous={unanimous} labels={labels} offsets={offsets} />
              </button>
              {c === current && (
                <ol className="versions" aria-label="Versions">
                  {c.versions.map((version, i) => {
                    const change = settle(c, version, gold, unanimous)
                    const taken = change.add.length + change.remove.length === 0
                    return (
                      <li key={i} className="version">
                        <VersionLine version={version} offsets={offsets} labels={labels} />
                        {taken ? (
                          <span className="in-gold">In gold</span>
                        ) : (
                          <button
                            type="button"
                            className="take"
                            aria-keyshortcuts={i < 9 ? `Shift+${i + 1}` : undefined}
                            aria-label={`Take ${version.annotators.join(', ')}'s version`}
                            onClick={() => {
                              void takeVersion(i)
                              afterAction()
                            }}
                          >
                            Take {i < 9 && <kbd>⇧{i + 1}</kbd>}
                          </button>
                        )}
                      </li>
                    )
                  })}
                </ol>
              )}
            </>
          )}
        </SideList>
      )}
    </aside>
  )
}

function kindName(c: Comparison): string {
  if (c.kind !== 'missed') return KIND_NAMES[c.kind]
  const missing = c.versions.find((v) => v.spans.length === 0)
  return `Missed by ${missing?.annotators.join(', ') ?? 'some'}`
}

/** What gold has in a comparison's stretch: the settled spans, or that nothing is there yet. */
function GoldState({
  comparison,
  gold,
  unanimous,
  labels,
  offsets,
}: {
  comparison: Comparison
  gold: readonly Span[]
  unanimous: ReadonlySet<string>
  labels: readonly Label[]
  offsets: OffsetMap
}) {
  const agreed = comparison.kind === 'agree' ? comparison.versions[0].spans[0] : null
  const near = rangeIndexOf(gold).overlapping(comparison.start, comparison.end)
  const present = agreed ? near.filter((g) => spanKey(g) === spanKey(agreed)) : goldSpansIn(comparison, near, unanimous)
  if (present.length === 0) return <span className="gold-state muted">Gold: nothing yet</span>
  return (
    <span className="gold-state">
      Gold:{' '}
      {present.map((g) => (
        <span key={g.id} className="gold-span">
          <LabelChip name={g.label} labels={labels} />
          {agreed ? null : <q lang="zh">{offsets.slice(g.start, g.end)}</q>}
        </span>
      ))}
    </span>
  )
}
