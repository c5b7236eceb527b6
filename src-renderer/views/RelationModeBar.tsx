// Relation mode in words, in a live region: which span relations start from, the current target and the keys.
import { announceRelationFocus } from '../state/relationState'
import { selectRelationFocus } from '../state/relationSelectors'
import { useStore } from '../state/store'

export function RelationModeBar() {
  const focus = useStore(selectRelationFocus)
  return (
    <p className="relation-mode" role="status" aria-live="polite">
      {announceRelationFocus(focus)}
    </p>
  )
}
