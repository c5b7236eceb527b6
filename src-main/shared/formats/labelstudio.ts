// Label Studio's JSON task export: one JSON list of tasks (or one task, as its import takes too), each with `data.text` and `annotations[].result[]` regions
// {from_name, to_name, type: "labels", value: {start, end, text, labels}}. Offsets are UTF-16 units, as its JavaScript
// editor counts them (label-studio issue #1347). One annotation per annotator; `predictions[]` (a model's regions, with
// their score) arrive as suggestions, never spans. A relation is a result {type: "relation", from_id, to_id, direction,
// labels} between two regions of one annotation: "right" links from_id to to_id, "left" the other way, "bi" is read
// as from_id to to_id; its first label is the type (none: "related").
import { z } from 'zod'
import { InputError } from '../errors'
import { compareSpans } from '../model'
import { OffsetMap } from '../offsets'
import type { FileCodec, ParseOptions, ParseResult } from './codec'
import { checkField, checkLine, noTextField, withFieldNames, writeJsonLine } from './jsonl'
import { jsonValueProblem } from './jsonValues'
import { parseJsonWithLines } from './jsonWithLines'
import { DocumentIds, documentIdSchema, recordFromInput, type NativeRecord, type NativeSpan, type ParseDefaults, type RelationInput } from './native'
import { Problems } from './problems'
import { relationsInto, UNNAMED_RELATION_TYPE } from './relations'
import { SkippedLines } from './skippedLines'
import { fileStem } from './sourceNames'

/** The control and object tag names of Label Studio's named-entity template: <Labels name="label" toName="text">. */
const FROM_NAME = 'label'
const TO_NAME = 'text'

/** One task: the annotators' layers as annotations, in name order, each span one `labels` region, then its relations. */
export function labelStudioTask(record: NativeRecord): object {
  const map = new OffsetMap(record.text)
  const sorted = [...record.spans].sort(compareSpans)
  const relations = relationsInto(record, sorted)
  const layers = new Map<string, NativeSpan[]>()
  // Each span's region id in its layer's annotation.
  const regionOf = new Map<number, string>()
  for (const [i, span] of sorted.entries()) {
    const layer = layers.get(span.annotator) ?? []
    layer.push(span)
    layers.set(span.annotator, layer)
    regionOf.set(i, `s${layer.length}`)
  }
  const annotations = [...layers.keys()].sort().map((annotator) => ({
    // Read-only in Label Studio, which gives imported annotations to the importing user; Factspan reads it back.
    created_username: annotator,
    was_cancelled: false,
    result: [
      ...layers.get(annotator)!.map(({ start, end, text, label }, i) => ({
        id: `s${i + 1}`,
        from_name: FROM_NAME,
        to_name: TO_NAME,
        type: 'labels',
        value: { start: map.toUtf16(start), end: map.toUtf16(end), text, labels: [label] },
      })),
      ...relations
        // A relation belongs to its spans' layer; one across layers has no annotation to go in.
        .filter((r) => sorted[r.from].annotator === annotator && sorted[r.to].annotator === annotator)
        .map((r) => ({ from_id: regionOf.get(r.from), to_id: regionOf.get(r.to), type: 'relation', direction: 'right', labels: [r.type] })),
    ],
  }))
  return { data: { text: record.text, id: record.id }, annotations }
}

function* writeLabelStudio(records: Iterable<NativeRecord>): Generator<string> {
  // One task a line inside the list: still one JSON value, and written a task at a time.
  let first = true
  yield '['
  for (const record of records) {
    yield (first ? '\n' : ',\n') + writeJsonLine(labelStudioTask(record))
    first = false
  }
  yield first ? ']\n' : '\n]\n'
}

const int = z.number().int()
const taskSchema = z.looseObject({ id: documentIdSchema.optional(), data: z.looseObject({}).optional(), annotations: z.array(z.unknown()).optional(), completions: z.array(z.unknown()).optional(), predictions: z.array(z.unknown()).optional() })
const TASK_KEYS = new Set(['id', 'annotations', 'completions', 'predictions', 'drafts', 'meta', 'created_at', 'updated_at', 'project'])
const dataSchema = z.looseObject({ text: z.string().min(1), id: documentIdSchema.optional() })
const annotationSchema = z.looseObject({ result: z.array(z.unknown()).optional(), was_cancelled: z.boolean().optional() })
const predictionSchema = z.looseObject({ result: z.array(z.unknown()).optional(), score: z.unknown().optional() })

/** A score from 0 to 1, or undefined when the file gives none (or one out of range). */
function unitScore(value: unknown): number | undefined {
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined
}
const regionSchema = z.looseObject({ type: z.string() })
const relationSchema = z.looseObject({ from_id: z.string().min(1), to_id: z.string().min(1), direction: z.enum(['right', 'left', 'bi']).optional(), labels: z.array(z.string()).optional() })
const labelsSchema = z.looseObject({
  value: z.looseObject({ start: int, end: int, text: z.string().optional(), labels: z.array(z.string().min(1)) }),
})

/** True for a value Label Studio would read as a task: it has `data`, or annotations or predictions of one. */
export function isLabelStudioTask(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const { data } = value as { data?: unknown }
  return (data !== null && typeof data === 'object' && !Array.isArray(data)) || ['annotations', 'completions', 'predictions'].some((key) => key in value)
}

/** Reads Label Studio's export, a JSON list of tasks, or one task; pretty-printed or not, each error names its line. */
function parseLabelStudio(file: string, content: string, defaults: ParseDefaults, options: ParseOptions = {}): ParseResult {
  const { value, lineOf } = parseJsonWithLines(content, file)
  return labelStudioTasks(value, lineOf, file, defaults, options)
}

/** The records of Label Studio tasks already parsed: `value` is the list of tasks or one task. */
export function labelStudioTasks(value: unknown, lineOf: (node: object) => number | undefined, file: string, defaults: ParseDefaults, options: ParseOptions = {}): ParseResult {
  if (value === null || typeof value !== 'object') {
    throw new InputError(file, 1, 'a Label Studio export is a JSON list of tasks, [ {"data": {"text": …}, "annotations": […]}, … ], or one such task')
  }
  const tasks: unknown[] = Array.isArray(value) ? value : [value]
  if (tasks.length === 0) throw new InputError(file, 1, 'holds no tasks: the list is empty')
  const ids = new DocumentIds(file)
  const stem = fileStem(file)
  const problems = new Problems(file, options.lenient)
  const skipped = new SkippedLines()
  const textField = options.textField ?? 'text'
  const records: NativeRecord[] = []
  for (const [t, task] of tasks.entries()) {
    const taskLine = (task !== null && typeof task === 'object' && lineOf(task)) || 1
    const lineAt = (node: unknown, fallback = taskLine) => (node !== null && typeof node === 'object' && lineOf(node)) || fallback
    const where = `task ${t + 1}`
    /** Checks a node of the task, naming where it is in the message; a problem leaves the task out. */
    const check = <S extends z.ZodType>(schema: S, node: unknown, at: string): z.output<S> => {
      const line = lineAt(node)
      try {
        return checkLine(schema, { line, value: node }, file)
      } catch (error) {
        if (error instanceof InputError) throw new InputError(file, line, `${at}: ${error.reason}`)
        throw error
      }
    }
    const record = problems.each(() => {
      const problem = jsonValueProblem(task)
      if (problem) throw new InputError(file, lineAt(problem.node), `${where}: ${problem.where} ${problem.reason}`)
      const { id: taskId, data, annotations, completions, predictions } = check(taskSchema, task, where)
      // Label Studio reads a task without `data` as the data itself.
      const dataNode = data ?? Object.fromEntries(Object.entries(task as object).filter(([key]) => !TASK_KEYS.has(key)))
      if (!Object.hasOwn(dataNode, textField)) throw new InputError(file, lineAt(data), `${where} data: ${noTextField(dataNode, { text: options.textField })}`)
      const { text, id: dataId, ...meta } = check(dataSchema, withFieldNames(dataNode, { text: options.textField }), `${where} data`)
      const map = new OffsetMap(text)
      type Region = { start: number; end: number; label: string; score?: number; id?: string }
      type Link = { node: unknown; where: string; line: number }
      /**
       * The labelled regions of a result list, in code points; a bad one goes to the problems. Relation results go to
       * `links`, read once every region is; where there is none (predictions), they are skipped. `seen` collects every
       * region id, kept or not, so a link to a region left out can say so.
       */
      function regionsOf(result: unknown[], at: string, atLine: number | undefined, links?: Link[], seen?: Set<string>): Region[] {
        const ranges: Region[] = []
        for (const [r, region] of result.entries()) {
          const regionWhere = `${at}, result ${r + 1}`
          const regionLine = lineAt(region, atLine)
          const entry = { line: regionLine, value: region }
          const typed = checkField(regionSchema, region, '', entry, problems, `${regionWhere}: `)
          if (typed === undefined) continue
          if (typed.type === 'relation') {
            if (links) links.push({ node: region, where: regionWhere, line: regionLine })
            else skipped.add('relation(s) among predictions (a suggestion is a span, never a link)', regionLine)
            continue
          }
          if (typed.type !== 'labels') {
            skipped.add(`result(s) of type ${JSON.stringify(typed.type)} (only "labels" regions are spans)`, regionLine)
            continue
          }
          const regionId = (region as { id?: unknown }).id
          if (typeof regionId === 'string' || typeof regionId === 'number') seen?.add(String(regionId))
          const labelled = checkField(labelsSchema, region, '', entry, problems, `${regionWhere}: `)
          if (labelled === undefined) continue
          const { value } = labelled
          if (!(value.start >= 0 && value.start < value.end && value.end <= map.utf16Length)) {
            problems.span(regionLine, `${regionWhere}: value.start ${value.start} and value.end ${value.end} must satisfy 0 ≤ start < end ≤ ${map.utf16Length}, the text's length in UTF-16 units`)
            continue
          }
          const inside = [value.start, value.end].find((offset) => map.toCodePoint(offset, 'before') !== map.toCodePoint(offset, 'after'))
          if (inside !== undefined) {
            const before = map.toCodePoint(inside, 'before')
            problems.span(regionLine, `${regionWhere}: offset ${inside} falls inside ${JSON.stringify(map.slice(before, before + 1))}, which takes two UTF-16 units`)
            continue
          }
          const covered = text.slice(value.start, value.end)
          if (value.text !== undefined && value.text !== covered) {
            problems.quote(regionLine, `${regionWhere}: value.text is ${JSON.stringify(value.text)} but the text at ${value.start}–${value.end} (UTF-16) is ${JSON.stringify(covered)}`)
          }
          if (value.labels.length === 0) skipped.add('region(s) without a label', regionLine)
          const start = map.toCodePoint(value.start)
          const end = map.toCodePoint(value.end)
          const score = unitScore((region as { score?: unknown }).score)
          const id = typeof regionId === 'string' || typeof regionId === 'number' ? String(regionId) : undefined
          for (const label of value.labels) ranges.push({ start, end, label, ...(score === undefined ? {} : { score }), ...(id === undefined ? {} : { id }) })
        }
        return ranges
      }
      const spans: Array<{ start: number; end: number; label: string; annotator: string }> = []
      const relations: RelationInput[] = []
      for (const [a, node] of (annotations ?? completions ?? []).entries()) {
        const annotationWhere = `${where}, annotation ${a + 1}`
        const annotation = check(annotationSchema, node, annotationWhere)
        const annotationLine = lineAt(node)
        if (annotation.was_cancelled) {
          problems.skipped({ file, line: annotationLine, reason: `${annotationWhere} was cancelled (skipped), so it is not imported` })
          continue
        }
        const annotator = annotatorOf(annotation) ?? defaults.annotator
        // Each region id's first span, for the relation results between them.
        const regionAt = new Map<string, number>()
        const seen = new Set<string>()
        const links: Link[] = []
        for (const range of regionsOf(annotation.result ?? [], annotationWhere, annotationLine, links, seen)) {
          if (range.id !== undefined && !regionAt.has(range.id)) regionAt.set(range.id, spans.length)
          spans.push({ start: range.start, end: range.end, label: range.label, annotator })
        }
        for (const { node, where: linkWhere, line } of links) {
          const link = checkField(relationSchema, node, '', { line, value: node }, problems, `${linkWhere}: `)
          if (link === undefined) continue
          const [from, to] = [link.from_id, link.to_id].map((ref, n) => {
            const at = regionAt.get(ref)
            const name = n === 0 ? 'from_id' : 'to_id'
            if (at === undefined && seen.has(ref)) problems.span(line, `${linkWhere}: ${name} ${JSON.stringify(ref)} is a region that was left out`)
            else if (at === undefined) problems.span(line, `${linkWhere}: ${name} ${JSON.stringify(ref)} is no labelled region of this annotation`)
            return at
          })
          if (from === undefined || to === undefined) continue
          const note = (reason: string) => problems.skipped({ file, line, reason: `${linkWhere}: ${reason}` })
          if (link.direction === 'bi') note('direction "bi" read as from_id → to_id, since a Factspan relation has one direction')
          const labels = (link.labels ?? []).filter((label) => label !== '')
          if (labels.length === 0) note(`a relation without a label, imported with the type "${UNNAMED_RELATION_TYPE}"`)
          if (labels.length > 1) note(`a relation has one type: imported as ${JSON.stringify(labels[0])}, without ${labels.slice(1).map((l) => JSON.stringify(l)).join(', ')}`)
          const [head, tail] = link.direction === 'left' ? [to, from] : [from, to]
          relations.push({ from: head, to: tail, type: labels[0] ?? UNNAMED_RELATION_TYPE, where: linkWhere, line })
        }
      }
      // A model's predictions are suggestions, never spans: scored by the region's score, else the prediction's.
      const suggestions: Array<{ start: number; end: number; label: string; score?: number; source: string }> = []
      for (const [p, node] of (predictions ?? []).entries()) {
        const predictionWhere = `${where}, prediction ${p + 1}`
        const prediction = check(predictionSchema, node, predictionWhere)
        const score = unitScore(prediction.score)
        for (const range of regionsOf(prediction.result ?? [], predictionWhere, lineAt(node))) {
          suggestions.push({ start: range.start, end: range.end, label: range.label, score: range.score ?? score, source: 'imported' })
        }
      }
      // Factspan writes the document id into data; Label Studio's own task id comes next.
      const record = recordFromInput({ id: dataId ?? taskId ?? `${stem}-${t + 1}`, text, meta, spans, relations, suggestions }, taskLine, { file, defaults, problems })
      ids.add(record.id, taskLine)
      return record
    })
    if (record) records.push(record)
  }
  return { records, warnings: [...problems.warnings, ...skipped.warnings(file)] }
}

/** Who made an annotation: an exported user's email, the `created_username` ("name, id") or a user id. */
function annotatorOf(annotation: Record<string, unknown>): string | undefined {
  const by = annotation.completed_by
  if (by !== null && typeof by === 'object') {
    const { email, username } = by as { email?: unknown; username?: unknown }
    if (typeof email === 'string' && email.trim()) return email.trim()
    if (typeof username === 'string' && username.trim()) return username.trim()
  }
  const created = annotation.created_username
  if (typeof created === 'string' && created.trim()) return created.trim().replace(/,\s*\d+$/, '')
  if (typeof by === 'string' && by.trim()) return by.trim()
  if (typeof by === 'number') return `label-studio-user-${by}`
  return undefined
}

export const labelStudioCodec: FileCodec = {
  name: 'labelstudio',
  offsetUnit: 'utf16',
  extensions: ['.json'],
  output: 'file',
  parse: (input, defaults, options) => parseLabelStudio(input.name, input.text, defaults, options),
  write: writeLabelStudio,
}
