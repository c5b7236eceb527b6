import { RESERVED_LETTERS } from '../../src-main/shared/hotkeys'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { LabelButtons } from './LabelButtons'

/** One button per label: tags the pending selection, or relabels the selected span, as its hotkey does. */
export function LabelBar({ afterAction }: { afterAction: () => void }) {
  const labels = useStore(selectLabels)
  const applyLabel = useStore((s) => s.applyLabel)
  const hasSelectedSpan = useStore((s) => s.annotate?.selectedSpanId != null)
  const removeSelectedSpan = useStore((s) => s.removeSelectedSpan)
  const setOverlay = useStore((s) => s.setOverlay)

  return (
    <div className="labelbar" role="toolbar" aria-label="Labels">
      <LabelButtons
        labels={labels}
        onLabel={(name) => {
          void applyLabel(name)
          afterAction()
        }}
      />
      <button type="button" className="quiet" aria-keyshortcuts={RESERVED_LETTERS[1]} onClick={() => setOverlay('labels')}>
        Edit labels <kbd>{RESERVED_LETTERS[1]}</kbd>
      </button>
      <span className="toolbar-gap" />
      <button
        type="button"
        className="danger-quiet"
        aria-keyshortcuts="Delete"
        disabled={!hasSelectedSpan}
        onClick={() => {
          void removeSelectedSpan()
          afterAction()
        }}
      >
        Remove span <kbd>Del</kbd>
      </button>
    </div>
  )
}
