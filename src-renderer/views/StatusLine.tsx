import { useShallow } from 'zustand/react/shallow'
import { selectPending } from '../state/selectors'
import { useStore } from '../state/store'
import { plural } from './plural'

export function StatusLine() {
  const saveStatus = useStore((s) => s.saveStatus)
  const view = useStore((s) => s.view)
  const document = useStore((s) => s.annotate?.document)
  const caret = useStore((s) => s.annotate?.caret ?? 0)
  const pending = useStore(useShallow(selectPending))
  const documentCount = useStore((s) => s.project?.documentCount)

  return (
    <footer className="statusline">
      <span className="save-status" role="status">
        {saveStatus}
      </span>
      {view === 'annotate' && document ? (
        <span className="position">
          {pending ? `Selected ${plural(pending.end - pending.start, 'character')} (${pending.start}–${pending.end})` : `Character ${caret} of ${document.length}`}
        </span>
      ) : (
        documentCount !== undefined && (
          <span className="position">
            {plural(documentCount, 'document')} in the project
          </span>
        )
      )}
    </footer>
  )
}
