import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { selectFindHits, selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { plural } from './plural'

/** Find in the document (Ctrl+F): hits are painted, Enter and Shift+Enter step through them, and all can be tagged at once. */
export function FindBar({ afterClose }: { afterClose: () => void }) {
  const query = useStore((s) => s.findQuery)
  const hits = useStore(selectFindHits)
  const findIndex = useStore((s) => s.findIndex)
  const focusRequest = useStore((s) => s.findFocusRequest)
  const labels = useStore(selectLabels)
  const setFindQuery = useStore((s) => s.setFindQuery)
  const stepFind = useStore((s) => s.stepFind)
  const closeFind = useStore((s) => s.closeFind)
  const tagAllOccurrences = useStore((s) => s.tagAllOccurrences)
  const [label, setLabel] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const chosen = labels.some((l) => l.name === label) ? label : (labels[0]?.name ?? '')
  const count = hits.starts.length

  // Ctrl+F again, from the article or here, brings the keyboard back to the query.
  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [focusRequest])

  function close() {
    closeFind()
    afterClose()
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      if (chosen && count > 0) void tagAllOccurrences(chosen, query)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      stepFind(e.shiftKey ? -1 : 1)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close()
    }
  }

  const position = query === '' ? '' : count === 0 ? 'No hits' : findIndex >= 0 ? `${findIndex + 1} of ${count}` : plural(count, 'hit')

  return (
    <search className="findbar" aria-label="Find in document" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <input
        ref={inputRef}
        type="search"
        className="find-input"
        aria-label="Find in document"
        placeholder="Find in document"
        lang="zh"
        value={query}
        onChange={(e) => setFindQuery(e.target.value)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts="Control+F"
      />
      <span className="find-count" role="status" aria-live="polite">
        {position}
      </span>
      <button type="button" aria-label="Previous match" aria-keyshortcuts="Shift+Enter" disabled={count === 0} onClick={() => stepFind(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" aria-keyshortcuts="Enter" disabled={count === 0} onClick={() => stepFind(1)}>
        ↓
      </button>
      <span className="find-gap" />
      <label className="find-label">
        Tag all as
        <select value={chosen} onChange={(e) => setLabel(e.target.value)}>
          {labels.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-keyshortcuts="Control+Enter" disabled={count === 0 || !chosen} onClick={() => void tagAllOccurrences(chosen, query)}>
        Tag all {count > 0 ? count : ''}
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={close}>
        ×
      </button>
    </search>
  )
}
