// The annotate view's text: the surface over the annotate session, painted with the spans, find hits and selection.
import { useMemo, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { SuggestionView } from '../../src-main/shared/api'
import type { EditorCommand } from '../editor/keyboard'
import { CURRENT_SUGGESTION, findLayer, labelStyles, marksLayer, selectionLayer, spansLayer, suggestionsLayer, suggestionStyles } from '../editor/layers'
import { TextSurface, type SurfaceHandlers } from '../editor/TextSurface'
import { quoted } from '../state/edits'
import { selectFindHits, selectLabels, selectPending, selectSelectedSpan } from '../state/selectors'
import { phraseToTagAll } from '../state/spanEdits'
import { selectRelationFocus } from '../state/relationSelectors'
import { selectCurrentSuggestion, selectSuggestionAtCaret } from '../state/suggestionSelectors'
import { useStore, useStoreApi } from '../state/store'
import { pendingOf } from '../state/textSession'
import { linkByDrag, relationKey, relationModeLayer } from './annotateRelations'
import { RelationArcs } from './RelationArcs'

const NO_SUGGESTIONS: SuggestionView[] = []

export function AnnotateText({ regionRef, describedBy }: { regionRef: RefObject<HTMLDivElement | null>; describedBy?: string }) {
  const session = useStore((s) => s.annotate)
  const labels = useStore(selectLabels)
  const selected = useStore(selectSelectedSpan)
  const pending = useStore(useShallow(selectPending))
  const hits = useStore(selectFindHits)
  const findIndex = useStore((s) => s.findIndex)
  const storeApi = useStoreApi()
  const suggestions = useStore((s) => (s.suggestionsFor === s.annotate?.document.id ? s.suggestions : NO_SUGGESTIONS))
  const atCaret = useStore(selectSuggestionAtCaret)
  const chosen = useStore(selectCurrentSuggestion)
  const styles = useMemo(() => labelStyles(labels), [labels])
  const dashed = useMemo(() => suggestionStyles(labels), [labels])
  const suggested = useMemo(() => suggestionsLayer(suggestions, labels, dashed), [suggestions, labels, dashed])
  const spans = session?.spans
  const relationFocus = useStore(selectRelationFocus)
  const relations = useStore((s) => s.relations)
  const relationTypes = useStore((s) => s.relationTypes)
  // Each layer is kept as long as what it shows: the painter does not look again at a layer it has painted.
  const spanLayer = useMemo(() => (spans ? spansLayer(spans, styles) : null), [spans, styles])
  const currentSuggestion = useMemo(() => marksLayer('suggestion-current', [{ highlight: CURRENT_SUGGESTION, range: atCaret, priority: 3 }]), [atCaret])
  const found = useMemo(() => findLayer(hits), [hits])
  const selection = useMemo(() => selectionLayer(pending, selected), [pending, selected])
  const relationMode = useMemo(() => relationModeLayer(relationFocus), [relationFocus])
  const layers = useMemo(
    () => (spanLayer ? [spanLayer, suggested, currentSuggestion, found, selection, relationMode] : []),
    [spanLayer, suggested, currentSuggestion, found, selection, relationMode],
  )
  const emphasis = useMemo(
    () => new Set([selected?.id, relationFocus?.from.id, relationFocus?.target?.id].filter((id): id is number => id !== undefined)),
    [selected, relationFocus],
  )
  const on = useMemo(() => annotateHandlers(storeApi), [storeApi])
  if (!session) return null
  const hit = findIndex >= 0 && findIndex < hits.starts.length ? { start: hits.starts[findIndex], end: hits.ends[findIndex] } : null

  return (
    <TextSurface
      regionRef={regionRef}
      label="Article text"
      describedBy={describedBy}
      lines={session.text}
      caret={session.caret}
      anchor={session.anchor}
      selectable={session.spans}
      selectedId={session.selectedSpanId}
      labels={labels}
      layers={layers}
      focus={relationFocus?.target ?? selected ?? hit ?? chosen}
      on={on}
    >
      <RelationArcs regionRef={regionRef} lines={session.text} spans={session.spans} relations={relations} types={relationTypes} emphasis={emphasis} />
    </TextSurface>
  )
}

function annotateHandlers(storeApi: ReturnType<typeof useStoreApi>): SurfaceHandlers {
  const store = storeApi.getState
  return {
    setCaret: (offset, extend) => store().placeCaret(offset, extend),
    setPending: (anchor, focus) => store().setPending(anchor, focus),
    selectSpan: (id, caret) => store().selectSpan(id, caret),
    clearSelection: () => store().clearSelection(),
    // Relation mode comes first: while it is on it swallows every plain key, the suggestion keys (y, n, s) among them.
    key: (e) => relationKey(store(), e),
    linkDrag: (from, to) => linkByDrag(store(), from, to),
    click: (character) => {
      if (store().relationMode) store().leaveRelationMode()
      store().pointSuggestion(character)
    },
    command: (command: EditorCommand) => {
      const s = store()
      if (s.tagAllArmed && command.type !== 'label' && command.type !== 'tagAll') s.armTagAll(false)
      switch (command.type) {
        case 'label':
          // A label key on a selected suggestion accepts it with that label.
          if (!s.tagAllArmed && !pendingOf(s.annotate) && s.annotate?.selectedSpanId === null && selectCurrentSuggestion(s)) void s.acceptSuggestion(command.label)
          else void s.applyLabel(command.label)
          return true
        case 'acceptSuggestion':
          void s.acceptSuggestion()
          return true
        case 'rejectSuggestion':
          void s.rejectSuggestion()
          return true
        case 'stepSuggestion':
          s.stepSuggestion(command.direction)
          return true
        case 'acceptAllSuggestions':
          void s.acceptSuggestions(s.suggestions)
          return true
        case 'remove':
          void s.removeSelectedSpan()
          return true
        case 'resize':
          void s.resizeSelectedSpan(command.edge, command.by)
          return true
        case 'tagAll': {
          const phrase = phraseToTagAll(s)
          if (phrase === '') s.setSaveStatus('Select some text or a span first, then press a to tag all its occurrences')
          else {
            s.armTagAll(true)
            s.setSaveStatus(`Tag every ${quoted(phrase)}: press a label key (Esc cancels)`)
          }
          return true
        }
        case 'find':
          s.openFind()
          return true
        case 'help':
          s.setOverlay('help')
          return true
        case 'editLabels':
          s.setOverlay('labels')
          return true
        case 'undo':
          void s.undo()
          return true
        case 'redo':
          void s.redo()
          return true
        case 'finish':
          void s.finishDocument()
          return true
        default:
          return false
      }
    },
  }
}
