import { selectUnanimous } from '../state/reviewSelectors'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { LabelButtons } from './LabelButtons'

/** The reviewer's tools on the gold layer: a button per label (tags the selection in gold), accept all unanimous, remove. */
export function GoldLabelBar({ afterAction }: { afterAction: () => void }) {
  const labels = useStore(selectLabels)
  const tagGold = useStore((s) => s.tagGold)
  const unanimous = useStore(selectUnanimous)
  const enoughAnnotators = useStore((s) => s.reviewAnnotators.length >= 2)
  const acceptUnanimous = useStore((s) => s.acceptUnanimous)
  const hasSelectedGold = useStore((s) => s.review?.selectedSpanId != null)
  const removeSelectedGold = useStore((s) => s.removeSelectedGold)
  const act = (action: () => Promise<void>) => () => {
    void action()
    afterAction()
  }

  return (
    <div className="labelbar" role="toolbar" aria-label="Gold layer">
      <span className="toolbar-caption">Tag in gold</span>
      <LabelButtons labels={labels} onLabel={(name) => act(() => tagGold(name))()} />
      <span className="toolbar-gap" />
      <button type="button" aria-keyshortcuts="U" disabled={!enoughAnnotators || unanimous.length === 0} onClick={act(acceptUnanimous)}>
        Accept all unanimous ({unanimous.length}) <kbd>u</kbd>
      </button>
      <button type="button" className="danger-quiet" aria-keyshortcuts="Delete" disabled={!hasSelectedGold} onClick={act(removeSelectedGold)}>
        Remove gold span <kbd>Del</kbd>
      </button>
    </div>
  )
}
