import { GOLD_LAYER } from '../../src-main/shared/model'
import { selectReviewLayers } from '../state/reviewSelectors'
import { useStore } from '../state/store'
import { plural } from './plural'

/** Which layers the compare view compares: two or more annotators, and gold when the reviewer wants it checked too. */
export function AnnotatorPicker({ onMerge }: { onMerge: () => void }) {
  const layers = useStore(selectReviewLayers)
  const chosen = useStore((s) => s.reviewAnnotators)
  const compareGold = useStore((s) => s.compareGold)
  const setReviewAnnotators = useStore((s) => s.setReviewAnnotators)
  const setCompareGold = useStore((s) => s.setCompareGold)
  const annotators = layers?.annotators ?? []

  function toggle(name: string, on: boolean) {
    setReviewAnnotators(on ? annotators.map((a) => a.name).filter((n) => n === name || chosen.includes(n)) : chosen.filter((n) => n !== name))
  }

  return (
    <fieldset className="annotator-picker">
      <legend>Compare</legend>
      {annotators.map((a) => (
        <label key={a.name} className="layer-choice" title={`${plural(a.spans, 'span')} in ${plural(a.documents, 'document')}`}>
          <input type="checkbox" checked={chosen.includes(a.name)} onChange={(e) => toggle(a.name, e.target.checked)} />
          {a.name}
        </label>
      ))}
      <label className="layer-choice gold-choice">
        <input type="checkbox" checked={compareGold} onChange={(e) => setCompareGold(e.target.checked)} />
        {GOLD_LAYER} ({plural(layers?.gold.spans ?? 0, 'span')})
      </label>
      {chosen.length < 2 && (
        <span className="picker-warning" role="status">
          {annotators.length < 2 ? 'This project has fewer than two annotators: merge another annotator’s work.' : 'Choose two or more annotators.'}
        </span>
      )}
      <button type="button" className="quiet" onClick={onMerge}>
        Merge another annotator…
      </button>
    </fieldset>
  )
}
