import { useEffect, useRef, useState } from 'react'
import { goldSpansIn, settle, spanKey, type Comparison, type ComparisonKind } from '../../src-main/shared/comparison'
import type { Label, Span } from '../../src-main/shared/model'
import type { OffsetMap } from '../../src-main/shared/offsets'
import { selectComparisons, selectCurrentComparison, selectGoldSpans, selectUnanimousKeys } from '../state/reviewSelectors'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { LabelChip } from './LabelChip'
import { plural } from './plural'
import { VersionLine } from './VersionLine'

export const KIND_NAMES: Record<ComparisonKind, string> = {
  agree: 'All agree',
  label: 'Label differs',
  boundary: 'Boundary differs',
  missed: 'Missed by some',
}

/** The document's comparisons in text order, each with its versions; the current one offers them to take into gold. */
export function ComparisonList({ afterAction }: { afterAction: () => void }) {
  const comparisons = useStore(selectComparisons)
  const current = useStore(selectCurrentComparison)
  const gold = useStore(selectGoldSpans)
  const unanimous = useStore(selectUnanimousKeys)
  const labels = useStore(selectLabels)
  const offsets = useStore((s) => s.reviewOffsets)
  const goToComparison = useStore((s) => s.goToComparison)
  const takeVersion = useStore((s) => s.takeVersion)
  const [showAgreed, setShowAgreed] = useState(false)
  const listRef = useRef<HTMLUListElement>(null)
  const disagreements = comparisons.filter((c) => c.kind !== 'agree').length
  const shown = showAgreed ? comparisons : comparisons.filter((c) => c.kind !== 'agree' || c === current)

  useEffect(() => {
    if (current) listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [current])

  if (!offsets) return null

  return (
    <aside className="side-panel comparisons-panel" aria-labelledby="comparisons-heading">
      <h2 id="comparisons-heading" className="panel-heading">
        Disagreements <span className="count">{disagreements}</span>
        <span className="muted panel-note">{plural(comparisons.length - disagreements, 'agreed span')}</span>
      </h2>
      <label className="panel-option">
        <input type="checkbox" checked={showAgreed} onChange={(e) => setShowAgreed(e.target.checked)} />
        List agreed spans too
      </label>
      {shown.length === 0 ? (
        <p className="panel-empty">{comparisons.length === 0 ? 'The compared layers have no spans in this document.' : 'No disagreements: the annotators agree on every span.'}</p>
      ) : (
        <ul ref={listRef} className="comparison-list" aria-label="Comparisons">
          {shown.map((c) => (
            <li key={`${c.start}:${c.end}:${c.kind}`}>
              <button
                type="button"
                className="comparison-row"
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
            </li>
          ))}
        </ul>
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
  const present = agreed ? gold.filter((g) => spanKey(g) === spanKey(agreed)) : goldSpansIn(comparison, gold, unanimous)
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
