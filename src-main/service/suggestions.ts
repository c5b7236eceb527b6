// Suggestions for the open project: proposed spans from rules, the project's dictionary, its trained model,
// imported predictions (stored) and an optional external recommender, answered per document for my layer; and my
// decisions on them. Rules and the dictionary are computed live (the dictionary is rebuilt only after spans
// change); stored suggestions (imported, or written by `factspan suggest`) are read from their table. Suggestions
// are never spans: accepting one makes a span in my layer and records the decision in one transaction.
//
// API: suggestionMethods(workspace, jobs) — the 'suggestions.*' and 'model.*' methods of the contract.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { writeTransaction, writeTransactionSteps, type ReadableDB, type WritableDB } from '../store/db'
import type { Api, ModelInfo, SuggestionKey, SuggestionSettings, SuggestionView } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { GOLD_LAYER, compareSpans, isGoldName, type DocumentStatus, type Span } from '../shared/model'
import type { OffsetMap } from '../shared/offsets'
import {
  BUILT_IN_RULES,
  CharacterTagger,
  DEFAULT_RULE_LABELS,
  dictionarySource,
  modelSource,
  parsePatternsJsonl,
  patternProblem,
  ProjectDictionary,
  ruleSource,
  suggestAll,
  writePatternsJsonl,
  type Suggestion,
  type SuggestionSource,
  type UserPattern,
} from '../shared/suggest'
import { documentReader, iterateDocumentIds } from '../store/documents'
import { listLabels } from '../store/labels'
import { findSameSpan, getSpan, listAnnotators, spanReader, spanWriter, taggedTextCounts } from '../store/spans'
import {
  countFinishedDocumentsInLayer,
  decisionCounts,
  deleteDecision,
  deleteStoredSuggestions,
  listDecisions,
  listStoredSuggestions,
  readModel,
  readModelInfo,
  readSuggestionSetting,
  recordDecision,
  suggestionWriter,
  writeModel,
  writeSuggestionSetting,
} from '../store/suggestions'
import type { Job, Jobs } from './jobs'
import { trainInWorker, type TrainedModel, type TrainingProgress } from './modelWorker'
import { now, type Workspace } from './workspace'

type Methods = Pick<
  Api,
  | 'suggestions.list'
  | 'suggestions.accept'
  | 'suggestions.reject'
  | 'suggestions.forget'
  | 'suggestions.settings'
  | 'suggestions.configure'
  | 'suggestions.importPatterns'
  | 'suggestions.exportPatterns'
  | 'suggestions.quality'
  | 'model.info'
  | 'model.train'
  | 'model.save'
  | 'model.load'
>

/** Every source the project can switch, with whether it is on in a new project. */
export const DEFAULT_SOURCES: Readonly<Record<string, boolean>> = { rule: true, dictionary: true, model: true, imported: true, external: false }
/** Sources kept in the suggestions table rather than computed when asked. */
const LIVE_SOURCES = new Set(['rule', 'dictionary', 'model', 'external'])
const EXTERNAL_TIMEOUT_MS = 10_000

export interface ProjectSuggestionSettings {
  sources: Record<string, boolean>
  disabledRules: string[]
  patterns: UserPattern[]
  external: { enabled: boolean; url: string }
}

/** The project's suggestion settings, with defaults for what it has not set. */
export function readProjectSuggestionSettings(db: ReadableDB): ProjectSuggestionSettings {
  const sources = (readSuggestionSetting(db, 'sources') as Record<string, boolean> | undefined) ?? {}
  const external = (readSuggestionSetting(db, 'external') as { enabled: boolean; url: string } | undefined) ?? { enabled: false, url: '' }
  return {
    sources: { ...DEFAULT_SOURCES, ...sources, external: external.enabled && external.url !== '' && (sources.external ?? true) },
    disabledRules: (readSuggestionSetting(db, 'disabledRules') as string[] | undefined) ?? [],
    patterns: (readSuggestionSetting(db, 'patterns') as UserPattern[] | undefined) ?? [],
    external,
  }
}

/** Whether a source is on in the project and among those asked (all when none are named). */
function wanted(settings: ProjectSuggestionSettings, asked?: readonly string[]): (source: string) => boolean {
  return (source) => settings.sources[source] !== false && (asked === undefined || asked.includes(source))
}

/** The rules' labels: each family's default label, which the project's label set must have for its suggestions to show. */
function ruleLabels(): Record<string, string> {
  return { ...DEFAULT_RULE_LABELS }
}

/** The rule source of a project's settings. */
export function projectRuleSource(settings: ProjectSuggestionSettings): SuggestionSource {
  return ruleSource({ disabled: settings.disabledRules, patterns: settings.patterns, labels: ruleLabels() })
}

/** The dictionary of the texts tagged in these layers. */
export function projectDictionary(db: ReadableDB, layers: readonly string[]): ProjectDictionary {
  return ProjectDictionary.fromSpans(taggedTextCounts(db, layers))
}

/** The stored model as a tagger, or undefined. */
export function storedTagger(db: ReadableDB): CharacterTagger | undefined {
  const stored = readModel(db)
  return stored && CharacterTagger.load(stored.model, 'the project model')
}

/** A tagger from a model file; a bad file names the file and the reason. */
export function taggerFromFile(file: string): CharacterTagger {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    throw new FactspanError('bad-input', `${file}: cannot read: ${(error as Error).message}`)
  }
  return CharacterTagger.load(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file)
}

/** Asks an external recommender for a document's suggestions: POST {document: {id, text}}, answer {spans: [{start, end, label, score?}]}. */
export async function askExternalRecommender(url: string, documentId: string, text: string, length: number): Promise<Suggestion[]> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ document: { id: documentId, text } }),
      signal: AbortSignal.timeout(EXTERNAL_TIMEOUT_MS),
    })
  } catch (error) {
    throw new FactspanError('unavailable', `The external recommender at ${url} did not answer: ${(error as Error).message}`)
  }
  if (!response.ok) throw new FactspanError('unavailable', `The external recommender at ${url} answered ${response.status} ${response.statusText}.`)
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new FactspanError('bad-input', `The external recommender at ${url} answered something that is not JSON.`)
  }
  const spans = (body as { spans?: unknown } | null)?.spans
  if (!Array.isArray(spans)) throw new FactspanError('bad-input', `The external recommender at ${url} answered JSON without a "spans" list.`)
  return spans.map((span: unknown, i) => {
    const { start, end, label, score } = (span ?? {}) as Record<string, unknown>
    const where = `The external recommender at ${url}: spans[${i}]`
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number) || (end as number) > length) {
      throw new FactspanError('bad-input', `${where} has offsets ${String(start)}–${String(end)} outside the document (length ${length} code points).`)
    }
    if (typeof label !== 'string' || label === '') throw new FactspanError('bad-input', `${where} has no label.`)
    if (score !== undefined && !(typeof score === 'number' && score >= 0 && score <= 1)) throw new FactspanError('bad-input', `${where} has a score that is not a number from 0 to 1.`)
    return { documentId, start: start as number, end: end as number, label, source: 'external', score: (score as number | undefined) ?? 1 }
  })
}

/** What the service stores with a model: its contract info. */
export function modelInfoOf(trained: TrainedModel, layer: string, labels: readonly string[], heldOutDocuments: number, trainedAt: string): ModelInfo {
  const evaluation = trained.evaluation
  return {
    trainedAt,
    layer,
    labels: [...labels],
    documents: trained.training.documents,
    heldOutDocuments,
    milliseconds: Math.round(trained.milliseconds),
    evaluation: evaluation
      ? {
          perLabel: evaluation.labels.map(({ label, precision, recall, f1, gold }) => ({ label, precision, recall, f1, support: gold })),
          micro: { precision: evaluation.micro.precision, recall: evaluation.micro.recall, f1: evaluation.micro.f1 },
        }
      : null,
    // The model itself is the curve's last point: all of the training part.
    learningCurve: [
      ...(trained.learningCurve ?? []).map(({ share, documents, evaluation: e }) => ({ share, documents, f1: e.micro.f1 })),
      ...(evaluation && trained.learningCurve ? [{ share: 1, documents: trained.training.documents, f1: evaluation.micro.f1 }] : []),
    ],
  }
}

/** The documents of a layer to learn from: finished (done or reviewed) ones, with that layer's spans. */
export function trainingDocuments(db: ReadableDB, layer: string): Array<{ text: string; spans: Array<{ start: number; end: number; label: string }> }> {
  const spans = spanReader(db, layer)
  const read = documentReader(db)
  const documents: Array<{ text: string; spans: Array<{ start: number; end: number; label: string }> }> = []
  for (const id of iterateDocumentIds(db, ['done', 'reviewed'], layer)) {
    const layerSpans = spans(id)
    if (layerSpans.length === 0) continue
    documents.push({ text: read(id)!.text, spans: layerSpans.map(({ start, end, label }) => ({ start, end, label })) })
  }
  return documents
}

export interface ModelTraining {
  layer: string
  labels?: readonly string[]
  /** The share of documents held out to evaluate on (default 0.1). */
  heldOut?: number
  seed?: number
  epochs?: number
  /** Also train on a quarter and a half of the training part, for the learning curve (default true). */
  curve?: boolean
}

/** Trains a model on a worker thread from the finished documents of a layer, evaluated on a held-out part, with a learning curve. */
export async function trainProjectModel(
  db: ReadableDB,
  { layer, labels, heldOut = 0.1, seed = 1, epochs, curve = true }: ModelTraining,
  handlers: { onProgress?: (progress: TrainingProgress) => void; signal?: AbortSignal } = {},
): Promise<{ model: Uint8Array; info: ModelInfo; trained: TrainedModel }> {
  const documents = trainingDocuments(db, layer)
  if (documents.length === 0) {
    throw new FactspanError('bad-input', `No finished document has spans in the layer "${layer}": mark documents done (or reviewed) first.`)
  }
  const learned = labels ? [...labels] : [...new Set(documents.flatMap((d) => d.spans.map((s) => s.label)))].sort()
  const held = documents.length < 2 || heldOut === 0 ? 0 : Math.max(1, Math.round(documents.length * heldOut))
  const trained = await trainInWorker(
    { documents, options: { labels: learned, seed, ...(epochs === undefined ? {} : { epochs }) }, heldOut, learningCurve: held > 0 && curve ? [0.25, 0.5] : undefined },
    handlers,
  )
  return { model: trained.model, info: modelInfoOf(trained, layer, learned, held, now()), trained }
}

export interface SuggestionOptions {
  /**
   * How long after a document is finished the model retrains in the background, when it was trained on a layer that
   * now has more finished documents; negative: never. Edits within the delay push it back (debounced).
   */
  retrainDelayMs?: number
}

export function suggestionMethods(ws: Workspace, jobs: Jobs, options: SuggestionOptions = {}): Methods {
  const db = () => ws.database()
  const me = () => ws.settings.annotator
  // Rebuilt only after spans or the project change.
  let dictionary: { annotator: string; value: ProjectDictionary } | undefined
  let tagger: { value: CharacterTagger | undefined } | undefined
  const retrainDelay = options.retrainDelayMs ?? 20_000
  const retraining: { timer?: NodeJS.Timeout; running?: AbortController } = {}
  ws.onEvent((message) => {
    if (message.event === 'documents-changed' || message.event === 'project-changed') dictionary = undefined
    if (message.event === 'project-changed') {
      tagger = undefined
      retraining.running?.abort()
      clearTimeout(retraining.timer)
    }
    if (message.event === 'documents-changed') scheduleRetraining()
  })

  function scheduleRetraining(): void {
    if (retrainDelay < 0) return
    clearTimeout(retraining.timer)
    retraining.timer = setTimeout(() => void retrainIfDue(), retrainDelay)
    // A CLI command or a test that ends does not wait for it.
    retraining.timer.unref()
  }

  /** Retrains the model on a worker thread when its layer has more finished documents than it learned from; never blocks. */
  async function retrainIfDue(): Promise<void> {
    if (!ws.isOpen || retraining.running) return
    const stored = readModelInfo(db())
    if (stored === undefined) return
    const info = JSON.parse(stored) as ModelInfo
    // A model loaded from a file does not say what it learned from.
    if (info.layer === '' || countFinishedDocumentsInLayer(db(), info.layer) <= info.documents + info.heldOutDocuments) return
    const project = ws.path
    const controller = new AbortController()
    retraining.running = controller
    try {
      const { model, info: next } = await jobs.track(`retrain-${randomUUID()}`, 'training', controller, (onProgress) =>
        trainProjectModel(db(), { layer: info.layer, labels: info.labels, heldOut: info.heldOutDocuments === 0 ? 0 : undefined }, { signal: controller.signal, onProgress: (p) => onProgress(p.phase === 'training' ? p.fraction : 1) }),
      )
      if (!ws.isOpen || ws.path !== project) return
      // An import holds the write transaction: the model waits for it rather than joining it.
      if (jobs.importing) return scheduleRetraining()
      writeTransaction(db(), () => storeModel(model, next))
    } catch (error) {
      if (!controller.signal.aborted) console.error(`factspan: retraining the suggestion model failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      retraining.running = undefined
    }
  }

  function myDictionary(): ProjectDictionary {
    if (!dictionary || dictionary.annotator !== me()) dictionary = { annotator: me(), value: projectDictionary(db(), [me(), GOLD_LAYER]) }
    return dictionary.value
  }

  function projectTagger(): CharacterTagger | undefined {
    if (!tagger) tagger = { value: storedTagger(db()) }
    return tagger.value
  }

  function textOf(documentId: string): { text: string; map: OffsetMap } {
    const map = ws.offsetMap(documentId, () => {
      const doc = documentReader(db())(documentId)
      if (!doc) throw new FactspanError('not-found', `No document "${documentId}" in this project.`)
      return doc.text
    })
    return { text: map.text, map }
  }

  /** The enabled sources' suggestions for a document (of the sources asked) but the external recommender's, before my decisions and spans are taken off. */
  function localSuggestions(documentId: string, asked?: readonly string[]): { suggestions: Suggestion[]; settings: ProjectSuggestionSettings } {
    const settings = readProjectSuggestionSettings(db())
    const want = wanted(settings, asked)
    const { text } = textOf(documentId)
    const sources: SuggestionSource[] = []
    if (want('rule')) sources.push(projectRuleSource(settings))
    if (want('dictionary')) sources.push(dictionarySource(myDictionary()))
    if (want('model')) {
      const model = projectTagger()
      if (model) sources.push(modelSource(model))
    }
    // Stored ones: imported predictions (any source name not computed here counts as imported), or written by `factspan suggest`.
    const stored = listStoredSuggestions(db(), documentId).filter((s) => (LIVE_SOURCES.has(s.source) ? want(s.source) : want('imported') || want(s.source)))
    if (stored.length > 0) sources.push({ name: 'stored', suggest: () => stored })
    return { suggestions: suggestAll(sources, text, documentId), settings }
  }

  async function rawSuggestions(documentId: string, asked?: readonly string[]): Promise<Suggestion[]> {
    const { suggestions, settings } = localSuggestions(documentId, asked)
    if (!(wanted(settings, asked)('external') && settings.external.enabled && settings.external.url)) return suggestions
    const { text, map } = textOf(documentId)
    const external = await askExternalRecommender(settings.external.url, documentId, text, map.codePointLength)
    return suggestAll([{ name: 'local', suggest: () => suggestions }, { name: 'external', suggest: () => external }], text, documentId)
  }

  async function openSuggestions(documentId: string, asked?: readonly string[]): Promise<SuggestionView[]> {
    const raw = await rawSuggestions(documentId, asked)
    const annotator = me()
    const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`
    const decided = new Set(listDecisions(db(), documentId, annotator).map(key))
    const tagged = new Set(spanReader(db(), annotator)(documentId).map(key))
    const labels = new Set(listLabels(db()).map((l) => l.name))
    const { map } = textOf(documentId)
    return raw
      .filter((s) => labels.has(s.label) && !decided.has(key(s)) && !tagged.has(key(s)) && s.end <= map.codePointLength)
      .map((s) => ({
        documentId,
        start: s.start,
        end: s.end,
        label: s.label,
        source: s.source,
        score: s.score,
        ...(s.ruleId === undefined ? {} : { ruleId: s.ruleId }),
        text: map.slice(s.start, s.end),
      }))
  }

  /** The source of each key: given, or looked up among the document's live and stored suggestions. */
  function sourcesOf(documentId: string, items: readonly SuggestionKey[]): string[] {
    if (items.every((item) => item.source !== undefined)) return items.map((item) => item.source!)
    const raw = localSuggestions(documentId).suggestions
    const byKey = new Map(raw.map((s) => [`${s.start}:${s.end}:${s.label}`, s.source]))
    return items.map((item) => item.source ?? byKey.get(`${item.start}:${item.end}:${item.label}`) ?? 'unknown')
  }

  function settingsView(): SuggestionSettings {
    const settings = readProjectSuggestionSettings(db())
    const disabled = new Set(settings.disabledRules)
    const labels = ruleLabels()
    return {
      sources: settings.sources,
      rules: BUILT_IN_RULES.map((rule) => ({ id: rule.id, family: rule.family, label: labels[rule.family], description: rule.description, enabled: !disabled.has(rule.id) })),
      patterns: settings.patterns,
      external: settings.external,
    }
  }

  function checkPatterns(patterns: readonly UserPattern[]): void {
    for (const [i, pattern] of patterns.entries()) {
      const problem = patternProblem(pattern)
      if (problem) throw new FactspanError('bad-input', `Pattern ${i + 1} (${JSON.stringify(pattern.pattern)}): ${problem}.`)
    }
  }

  function storeModel(model: Uint8Array, info: ModelInfo): ModelInfo {
    writeModel(db(), model, JSON.stringify(info), now())
    tagger = undefined
    ws.emit('suggestions-changed', {})
    return info
  }

  return {
    'suggestions.list': ({ documentId, sources }) => openSuggestions(documentId, sources),
    'suggestions.accept': ({ documentId, items }) => {
      const sources = sourcesOf(documentId, items)
      const annotator = me()
      const labels = new Set(listLabels(db()).map((l) => l.name))
      const { map } = textOf(documentId)
      const decidedAt = now()
      const made = writeTransaction(db(), () => {
        const insert = spanWriter(db())
        const spans: Span[] = []
        items.forEach((item, i) => {
          const label = item.as ?? item.label
          if (!labels.has(label)) throw new FactspanError('bad-input', `No label "${label}" in this project.`)
          if (!(item.start < item.end && item.end <= map.codePointLength)) {
            throw new FactspanError('bad-input', `Suggestion ${item.start}–${item.end} is outside document "${documentId}" (length ${map.codePointLength}).`)
          }
          const id = insert({ documentId, start: item.start, end: item.end, label, text: map.slice(item.start, item.end), annotator, createdAt: decidedAt })
          if (id !== null) spans.push(getSpan(db(), id)!)
          else if (!findSameSpan(db(), { documentId, start: item.start, end: item.end, label, annotator })) throw new FactspanError('conflict', 'The span could not be made.')
          recordDecision(db(), { documentId, annotator, start: item.start, end: item.end, label: item.label, decision: 'accepted', source: sources[i], decidedAt })
        })
        return spans
      })
      if (made.length > 0) ws.emit('documents-changed', { ids: [documentId] })
      return made.sort(compareSpans)
    },
    'suggestions.reject': ({ documentId, items }) => {
      const sources = sourcesOf(documentId, items)
      textOf(documentId)
      const annotator = me()
      const labels = new Set(listLabels(db()).map((l) => l.name))
      const decidedAt = now()
      writeTransaction(db(), () => {
        items.forEach((item, i) => {
          if (!labels.has(item.label)) throw new FactspanError('bad-input', `No label "${item.label}" in this project.`)
          recordDecision(db(), { documentId, annotator, start: item.start, end: item.end, label: item.label, decision: 'rejected', source: sources[i], decidedAt })
        })
      })
      ws.emit('suggestions-changed', { documentId })
      return { rejected: items.length }
    },
    'suggestions.forget': ({ documentId, items }) => {
      const annotator = me()
      const forgotten = writeTransaction(db(), () => items.filter((item) => deleteDecision(db(), { documentId, annotator, start: item.start, end: item.end, label: item.label })).length)
      ws.emit('suggestions-changed', { documentId })
      return { forgotten }
    },
    'suggestions.settings': () => settingsView(),
    'suggestions.configure': ({ sources, disabledRules, patterns, external }) => {
      if (patterns) checkPatterns(patterns)
      const known = new Set(BUILT_IN_RULES.map((rule) => rule.id))
      const unknown = disabledRules?.find((id) => !known.has(id))
      if (unknown !== undefined) throw new FactspanError('bad-input', `No built-in rule "${unknown}"; the rules are: ${[...known].join(', ')}.`)
      writeTransaction(db(), () => {
        if (sources) {
          const current = (readSuggestionSetting(db(), 'sources') as Record<string, boolean> | undefined) ?? {}
          writeSuggestionSetting(db(), 'sources', { ...current, ...sources })
        }
        if (disabledRules) writeSuggestionSetting(db(), 'disabledRules', [...new Set(disabledRules)])
        if (patterns) writeSuggestionSetting(db(), 'patterns', patterns)
        if (external) {
          writeSuggestionSetting(db(), 'external', external)
          if (external.enabled) {
            const current = (readSuggestionSetting(db(), 'sources') as Record<string, boolean> | undefined) ?? {}
            if (sources?.external === undefined) writeSuggestionSetting(db(), 'sources', { ...current, external: true })
          }
        }
      })
      ws.emit('suggestions-changed', {})
      return settingsView()
    },
    'suggestions.importPatterns': ({ name, content }) => {
      const added = parsePatternsJsonl(content, name)
      const current = readProjectSuggestionSettings(db()).patterns
      const seen = new Set(current.map((p) => JSON.stringify([p.label, p.pattern, p.regex ?? false])))
      const merged = [...current, ...added.filter((p) => !seen.has(JSON.stringify([p.label, p.pattern, p.regex ?? false])))]
      writeTransaction(db(), () => writeSuggestionSetting(db(), 'patterns', merged))
      ws.emit('suggestions-changed', {})
      return settingsView()
    },
    'suggestions.exportPatterns': () => {
      const patterns = readProjectSuggestionSettings(db()).patterns
      return { fileName: `${path.basename(ws.path, '.factspan')}-patterns.jsonl`, content: writePatternsJsonl(patterns), patterns: patterns.length }
    },
    'suggestions.quality': () => decisionCounts(db()),
    'model.info': () => {
      const info = readModelInfo(db())
      return info === undefined ? null : (JSON.parse(info) as ModelInfo)
    },
    'model.train': async ({ layer, labels, heldOut, seed, epochs, learningCurve, jobId = randomUUID() }) => {
      const controller = new AbortController()
      const { model, info } = await jobs.track(jobId, 'training', controller, (onProgress) =>
        trainProjectModel(db(), { layer: isGoldName(layer) ? GOLD_LAYER : layer, labels, heldOut, seed, epochs, curve: learningCurve }, { signal: controller.signal, onProgress: (p) => onProgress(p.phase === 'training' ? p.fraction : 1) }),
      )
      return storeModel(model, info)
    },
    'model.save': () => {
      const stored = readModel(db())
      if (!stored) throw new FactspanError('not-found', 'This project has no model yet: train one first.')
      return { fileName: `${path.basename(ws.path, '.factspan')}.fsmodel`, base64: Buffer.from(stored.model).toString('base64'), bytes: stored.model.byteLength }
    },
    'model.load': ({ name, base64 }) => {
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
      const loaded = CharacterTagger.load(bytes, name)
      const info: ModelInfo = {
        trainedAt: now(),
        layer: '',
        labels: [...loaded.labels],
        documents: loaded.training.documents,
        heldOutDocuments: 0,
        milliseconds: 0,
        evaluation: null,
        learningCurve: [],
      }
      return storeModel(bytes, info)
    },
  }
}

/** The sources `factspan suggest` can write. */
export const WRITABLE_SOURCES = ['rule', 'dictionary', 'model'] as const
export type WritableSource = (typeof WRITABLE_SOURCES)[number]

export interface SuggestJobOptions {
  sources: readonly WritableSource[]
  /** The model for 'model': a file's, else the project's. */
  tagger?: CharacterTagger
  /** Only documents with these statuses; every document when absent. */
  status?: readonly DocumentStatus[]
}

export interface SuggestReport {
  documents: number
  /** Suggestions written per source. */
  bySource: Record<string, number>
}

/**
 * Writes suggestions of the sources into the project, one document per step, in one transaction: each document's
 * earlier suggestions of those sources are replaced. The dictionary is made of every layer's spans (a team's).
 */
export function* suggestJob(db: WritableDB, options: SuggestJobOptions): Job<SuggestReport> {
  const settings = readProjectSuggestionSettings(db)
  const sources: SuggestionSource[] = []
  for (const name of options.sources) {
    if (name === 'rule') sources.push(projectRuleSource(settings))
    if (name === 'dictionary') sources.push(dictionarySource(ProjectDictionary.fromSpans(taggedTextCounts(db, listAnnotators(db)))))
    if (name === 'model') {
      const tagger = options.tagger ?? storedTagger(db)
      if (!tagger) throw new FactspanError('bad-input', 'The project has no model: train one (factspan model train) or give one with --model FILE.')
      sources.push(modelSource(tagger))
    }
  }
  const ids = [...iterateDocumentIds(db, options.status, null)]
  const labels = new Set(listLabels(db).map((l) => l.name))
  const report: SuggestReport = { documents: 0, bySource: Object.fromEntries(options.sources.map((s) => [s, 0])) }
  return yield* writeTransactionSteps(db, function* () {
    const write = suggestionWriter(db, now())
    const read = documentReader(db)
    for (const [i, id] of ids.entries()) {
      const text = read(id)!.text
      for (const source of sources) {
        deleteStoredSuggestions(db, id, source.name)
        for (const suggestion of source.suggest(text, id)) {
          // A label the project lacks could never be accepted.
          if (!labels.has(suggestion.label)) continue
          write({ documentId: id, start: suggestion.start, end: suggestion.end, label: suggestion.label, source: source.name, score: suggestion.score, ruleId: suggestion.ruleId })
          report.bySource[source.name]++
        }
      }
      report.documents++
      yield { done: i + 1, total: ids.length, documents: i + 1 }
    }
    return report
  })
}
