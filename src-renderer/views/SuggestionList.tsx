// The open document's suggestions beside the text: label, text, source and score, with Accept and Reject for each,
// and "accept all" for the document or for one source above a score (one undo step either way).
import { memo, useCallback, useMemo, useState } from 'react'
import type { SuggestionView } from '../../src-main/shared/api'
import type { Label } from '../../src-main/shared/model'
import { useAfterPaint, usePaintedOnce } from '../editor/useAfterPaint'
import { selectLabels } from '../state/selectors'
import { sameSuggestion, selectCurrentSuggestion } from '../state/suggestionSelectors'
import { useStore, useStoreApi } from '../state/store'
import { LabelChip } from './LabelChip'
import { SideList } from './SideList'

/** Chip, source and score, then one line of text with the buttons beside it; app.css gives .suggestion-row this height. */
const ROW_HEIGHT = 60
const NO_SUGGESTIONS: SuggestionView[] = []
const suggestionKey = (s: SuggestionView) => `${s.start}:${s.end}:${s.label}`

/** A score as people read it: 0.92 → "92%". */
export function scoreText(score: number): string {
  return `${Math.round(score * 100)}%`
}

interface RowProps {
  suggestion: SuggestionView
  labels: readonly Label[]
  current: boolean
  go(suggestion: SuggestionView): void
  accept(suggestion: SuggestionView): void
  reject(suggestion: SuggestionView): void
}

const SuggestionRow = memo(function SuggestionRow({ suggestion, labels, current, go, accept, reject }: RowProps) {
  const name = `“${suggestion.text}” as ${suggestion.label}`
  return (
    <div className="suggestion-row" aria-current={current ? 'true' : undefined} data-suggestion={suggestionKey(suggestion)}>
      <button type="button" className="side-row suggestion-go" onClick={() => go(suggestion)} aria-label={`Go to the suggestion ${name}, from ${suggestion.source}, ${scoreText(suggestion.score)}`}>
        <LabelChip name={suggestion.label} labels={labels} />
        <span className="suggestion-source">
          {suggestion.source} · {scoreText(suggestion.score)}
        </span>
        <q className="span-text" lang="zh">
          {suggestion.text}
        </q>
      </button>
      <div className="suggestion-actions">
        <button type="button" className="small" aria-label={`Accept ${name}`} onClick={() => accept(suggestion)}>
          Accept
        </button>
        <button type="button" className="small quiet" aria-label={`Reject ${name}`} onClick={() => reject(suggestion)}>
          Reject
        </button>
      </div>
    </div>
  )
})

export function SuggestionList({ afterAction, openSettings }: { afterAction: () => void; openSettings: () => void }) {
  const storeApi = useStoreApi()
  const suggestions = useAfterPaint(useStore((s) => (s.suggestionsFor === s.annotate?.document.id ? s.suggestions : NO_SUGGESTIONS)))
  const labels = useStore(selectLabels)
  const current = useStore(selectCurrentSuggestion)
  const shown = usePaintedOnce()
  const [source, setSource] = useState('')
  const [minimum, setMinimum] = useState(50)
  const sources = useMemo(() => [...new Set(suggestions.map((s) => s.source))].sort(), [suggestions])
  const chosen = useMemo(() => suggestions.filter((s) => (source === '' || s.source === source) && s.score * 100 >= minimum), [suggestions, source, minimum])

  const go = useCallback(
    (s: SuggestionView) => {
      storeApi.getState().goToSuggestion(s)
      afterAction()
    },
    [storeApi, afterAction],
  )
  const accept = useCallback((s: SuggestionView) => void storeApi.getState().acceptSuggestions([s]).then(afterAction), [storeApi, afterAction])
  const reject = useCallback((s: SuggestionView) => void storeApi.getState().rejectSuggestions([s]).then(afterAction), [storeApi, afterAction])
  const currentIndex = current ? suggestions.findIndex((s) => sameSuggestion(s, current)) : -1

  return (
    <section className="side-panel suggestions-panel" aria-labelledby="suggestions-heading">
      <div className="panel-heading">
        <h2 id="suggestions-heading">
          Suggestions <span className="count">{suggestions.length}</span>
        </h2>
        <span className="toolbar-gap" />
        <button type="button" className="small quiet" onClick={openSettings}>
          Settings
        </button>
      </div>
      {suggestions.length > 0 && (
        <form
          className="accept-many"
          aria-label="Accept many suggestions"
          onSubmit={(e) => {
            e.preventDefault()
            void storeApi.getState().acceptSuggestions(chosen).then(afterAction)
          }}
        >
          <label>
            <select aria-label="Source to accept from" value={source} onChange={(e) => setSource(e.target.value)}>
              <option value="">every source</option>
              {sources.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            ≥ <input type="number" min={0} max={100} step={5} value={minimum} onChange={(e) => setMinimum(Number(e.target.value))} aria-label="Lowest score, in percent" />%
          </label>
          <button type="submit" className="small" disabled={chosen.length === 0} aria-keyshortcuts={source === '' && minimum === 0 ? 'Shift+Y' : undefined}>
            Accept {chosen.length}
          </button>
        </form>
      )}
      {!shown ? null : suggestions.length === 0 ? (
        <p className="panel-empty">No open suggestions. Rules, the project’s dictionary and a trained model propose spans here.</p>
      ) : (
        <SideList labelledBy="suggestions-heading" className="suggestion-list" items={suggestions} keyOf={suggestionKey} currentIndex={currentIndex} estimateSize={ROW_HEIGHT} fixedSize>
          {(s) => <SuggestionRow suggestion={s} labels={labels} current={current !== null && sameSuggestion(s, current)} go={go} accept={accept} reject={reject} />}
        </SideList>
      )}
    </section>
  )
}
