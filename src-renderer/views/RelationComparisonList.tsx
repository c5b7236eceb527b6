// The compare view's relations: each relation of the compared layers, matched across them (both ends exactly and
// the type), with who made it, so agreements and disagreements on facts show beside those on spans.
import { GOLD_LAYER } from '../../src-main/shared/model'
import { selectRelationComparisons } from '../state/relationSelectors'
import { useStore } from '../state/store'
import { SideList } from './SideList'
import '../styles/relations.css'

export function RelationComparisonList({ afterAction }: { afterAction: () => void }) {
  const comparisons = useStore(selectRelationComparisons)
  const goToComparison = useStore((s) => s.goToComparison)
  const layerCount = useStore((s) => s.reviewAnnotators.length + (s.compareGold ? 1 : 0))
  const gold = useStore((s) => s.reviewRelations.filter((r) => r.annotator === GOLD_LAYER).length)
  const disagreed = comparisons.filter((c) => !c.agreed).length

  return (
    <section className="side-panel relation-comparisons" aria-labelledby="relation-comparisons-heading">
      <h2 id="relation-comparisons-heading" className="panel-heading">
        Relations <span className="count">{disagreed}</span>
        <span className="muted panel-note">
          {comparisons.length - disagreed} agreed · {gold} in gold
        </span>
      </h2>
      {comparisons.length === 0 ? (
        <p className="panel-empty">{layerCount < 2 ? 'Choose two or more layers to compare.' : 'The compared layers have no relations in this document.'}</p>
      ) : (
        <SideList labelledBy="relation-comparisons-heading" className="relation-comparison-list" items={comparisons} keyOf={(c) => c.key} currentIndex={-1} estimateSize={60}>
          {(c) => (
            <button
              type="button"
              className={`side-row relation-comparison ${c.agreed ? 'agreed' : 'disagreed'}`}
              onClick={() => {
                goToComparison({ start: Math.min(c.from.start, c.to.start), end: Math.max(c.from.end, c.to.end) })
                afterAction()
              }}
            >
              <span className={`kind ${c.agreed ? 'kind-agree' : 'kind-missed'}`}>{c.agreed ? 'All agree' : `Only ${c.layers.join(', ')}`}</span>
              <span className="relation-ends-text" lang="zh">
                {c.from.text} → {c.to.text} <span className="fact-type">{c.type}</span>
              </span>
            </button>
          )}
        </SideList>
      )}
    </section>
  )
}
