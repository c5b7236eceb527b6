// The open document's suggestions: loaded once the document's text is shown (rules, dictionary and imported ones,
// then the model's and the external recommender's when they answer), stepped through, accepted and rejected
// as undoable edits, and reloaded when the server says they changed.
import type { ArgsOf, ModelInfo, SuggestionSettings, SuggestionView } from '../../src-main/shared/api'
import { perform } from './absorb'
import { save } from './save'
import {
  FAST_SOURCES,
  mergeSuggestions,
  nextSuggestion,
  sameSuggestion,
  selectCurrentSuggestion,
  selectSuggestionToDecide,
  SLOW_SOURCES,
  type SuggestionMark,
} from './suggestionSelectors'
import type { SliceCreator } from './types'

export interface SuggestionQuality {
  source: string
  accepted: number
  rejected: number
}

export interface SuggestionsSlice {
  /** The open suggestions of the open document for my layer, in text order. */
  suggestions: SuggestionView[]
  /** The document they are for; null before the first answer. */
  suggestionsFor: string | null
  /** The suggestion stepped to (s), clicked or left selected by the last decision; a label key accepts it with that label. */
  suggestionCursor: SuggestionMark | null
  suggestionSettings: SuggestionSettings | null
  suggestionQuality: SuggestionQuality[]
  modelInfo: ModelInfo | null

  /** Loads the suggestions of a document from the fast or the slow sources, joining those shown; `all` replaces them. */
  loadSuggestions(documentId: string, how: 'fast' | 'slow' | 'all'): Promise<void>
  /** Joins suggestions of a document to those shown, if it is still the open one. */
  addSuggestions(documentId: string, found: readonly SuggestionView[]): void
  /** Accepts the suggestion at the caret, or the next one, with its own label or `label`. */
  acceptSuggestion(label?: string): Promise<void>
  rejectSuggestion(): Promise<void>
  /** Moves the caret to the next (or previous) suggestion and selects it. */
  stepSuggestion(direction: 1 | -1): void
  /** Puts the caret on a suggestion and selects it. */
  goToSuggestion(suggestion: SuggestionView): void
  /** Selects the suggestion under a character, or none. */
  pointSuggestion(character: number | null): void
  /** Accepts these suggestions (all of the document, or all of a source above a score) as one undo step. */
  acceptSuggestions(suggestions: readonly SuggestionView[]): Promise<void>
  rejectSuggestions(suggestions: readonly SuggestionView[]): Promise<void>

  loadSuggestionSettings(): Promise<void>
  configureSuggestions(change: ArgsOf<'suggestions.configure'>): Promise<void>
}

export const createSuggestionsSlice: SliceCreator<SuggestionsSlice> = (ctx) => {
  const { set, get, api, runtime } = ctx

  /** Decides one suggestion and moves the caret on to the next one, so y y y walks through a document. */
  async function decide(kind: 'accept' | 'reject', label?: string): Promise<void> {
    const s = get()
    const session = s.annotate
    if (!session) return
    const target = selectSuggestionToDecide(s)
    if (!target) {
      s.setSaveStatus(s.suggestions.length === 0 ? 'No suggestions in this document' : 'No suggestion at or after the caret')
      return
    }
    const documentId = session.document.id
    const after = nextSuggestion(s.suggestions.filter((x) => !sameSuggestion(x, target)), target.start, null, 1)
    const done = await save(ctx, () =>
      perform(
        ctx,
        kind === 'accept'
          ? { kind: 'acceptSuggestions', documentId, suggestions: [target], label: label !== undefined && label !== target.label ? label : undefined, spans: [] }
          : { kind: 'rejectSuggestions', documentId, suggestions: [target] },
      ),
    )
    if (done && after && get().annotate?.document.id === documentId) goTo(after)
  }

  function goTo(suggestion: SuggestionView): void {
    set(
      (st) => ({
        suggestionCursor: { start: suggestion.start, end: suggestion.end, label: suggestion.label },
        annotate: st.annotate && { ...st.annotate, caret: suggestion.start, anchor: null, selectedSpanId: null },
      }),
      undefined,
      'suggestions/goTo',
    )
  }

  async function many(kind: 'accept' | 'reject', suggestions: readonly SuggestionView[]): Promise<void> {
    const documentId = get().annotate?.document.id
    if (documentId === undefined) return
    if (suggestions.length === 0) {
      get().setSaveStatus('No suggestions to decide')
      return
    }
    await save(ctx, () =>
      perform(
        ctx,
        kind === 'accept'
          ? { kind: 'acceptSuggestions', documentId, suggestions: [...suggestions], spans: [] }
          : { kind: 'rejectSuggestions', documentId, suggestions: [...suggestions] },
      ),
    )
  }

  return {
    suggestions: [],
    suggestionsFor: null,
    suggestionCursor: null,
    suggestionSettings: null,
    suggestionQuality: [],
    modelInfo: null,

    loadSuggestions: async (documentId, how) => {
      const current = runtime.latest.start(`suggestions/${how}`)
      try {
        const found =
          how === 'all'
            ? (await Promise.all([FAST_SOURCES, SLOW_SOURCES].map((sources) => api.call('suggestions.list', { documentId, sources })))).flat()
            : await api.call('suggestions.list', { documentId, sources: how === 'fast' ? FAST_SOURCES : SLOW_SOURCES })
        if (!current()) return
        if (how === 'all') {
          if (get().annotate?.document.id === documentId) set({ suggestions: mergeSuggestions([], found), suggestionsFor: documentId }, undefined, 'suggestions/reload')
        } else get().addSuggestions(documentId, found)
      } catch (error) {
        get().reportError(error)
      }
    },

    addSuggestions: (documentId, found) => {
      if (get().annotate?.document.id !== documentId) return
      // The fast and the slow sources answer in either order: each joins what the other gave.
      set(
        (s) => ({ suggestions: s.suggestionsFor === documentId ? mergeSuggestions(s.suggestions, found) : mergeSuggestions([], found), suggestionsFor: documentId }),
        undefined,
        'suggestions/add',
      )
    },

    goToSuggestion: goTo,
    acceptSuggestion: (label) => decide('accept', label),
    rejectSuggestion: () => decide('reject'),

    stepSuggestion: (direction) => {
      const s = get()
      const session = s.annotate
      if (!session) return
      const next = nextSuggestion(s.suggestions, session.caret, selectCurrentSuggestion(s), direction)
      if (!next) {
        s.setSaveStatus(s.suggestions.length === 0 ? 'No suggestions in this document' : direction === 1 ? 'No suggestion after this one' : 'No suggestion before this one')
        return
      }
      goTo(next)
    },

    pointSuggestion: (character) => {
      const s = get()
      const under = character === null ? undefined : s.suggestions.find((x) => x.start <= character && character < x.end)
      set({ suggestionCursor: under ? { start: under.start, end: under.end, label: under.label } : null }, undefined, 'suggestions/point')
    },

    acceptSuggestions: (suggestions) => many('accept', suggestions),
    rejectSuggestions: (suggestions) => many('reject', suggestions),

    loadSuggestionSettings: async () => {
      try {
        const [suggestionSettings, suggestionQuality, modelInfo] = await Promise.all([
          api.call('suggestions.settings', {}),
          api.call('suggestions.quality', {}),
          api.call('model.info', {}),
        ])
        set({ suggestionSettings, suggestionQuality, modelInfo }, undefined, 'suggestions/settings')
      } catch (error) {
        get().reportError(error)
      }
    },

    configureSuggestions: async (change) => {
      await save(ctx, async () => {
        const suggestionSettings = await api.call('suggestions.configure', change)
        set({ suggestionSettings }, undefined, 'suggestions/configure')
        return 'Saved · suggestion settings'
      })
    },
  }
}
