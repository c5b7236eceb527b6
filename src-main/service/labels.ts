import type { Api } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { hotkeyProblem, normalizeHotkey } from '../shared/hotkeys'
import { labelsToAdd, MAX_LABELS } from '../shared/labelSet'
import type { Label } from '../shared/model'
import { writeTransaction } from '../store/db'
import { deleteLabel, getLabel, insertLabel, listLabels, setLabelOrder, updateLabel } from '../store/labels'
import { relationsOfSpans, renameLabelInRelationTypes } from '../store/relations'
import { countSpansWithLabel, deleteSpansWithLabel, listSpansWithLabel } from '../store/spans'
import { relationMethods } from './relations'
import { spanMethods } from './spans'
import type { Workspace } from './workspace'

export function labelMethods(
  ws: Workspace,
): Pick<Api, 'labels.list' | 'labels.add' | 'labels.update' | 'labels.reorder' | 'labels.usage' | 'labels.remove' | 'labels.restore'> {
  const db = () => ws.database()
  // Undoing a label's removal puts back every layer's spans of it, gold's too.
  const spans = spanMethods(ws, { restoreGold: true })
  const relations = relationMethods(ws)

  function requireLabel(name: string): Label {
    const label = getLabel(db(), name)
    if (!label) throw new FactspanError('not-found', `No label "${name}" in this project.`)
    return label
  }

  /** Checks a label's name and hotkey against the rest of the set; `except` is the label being changed. */
  function checked(label: Label, except?: string): Label {
    const labels = listLabels(db())
    const name = label.name.trim()
    if (name !== except && labels.some((l) => l.name === name)) throw new FactspanError('conflict', `A label "${name}" exists already.`)
    const problem = hotkeyProblem(label.hotkey, labels, except)
    if (problem) throw new FactspanError('bad-input', `Label "${name}": ${problem}`)
    return { ...label, name, hotkey: normalizeHotkey(label.hotkey) }
  }

  /** Labels show in the label bar of every window; spans follow a rename or a delete. */
  function changed(spansToo: boolean): Label[] {
    if (spansToo) ws.emit('documents-changed', {})
    else ws.emit('project-changed', { path: ws.path })
    return listLabels(db())
  }

  return {
    'labels.list': () => listLabels(db()),
    'labels.add': ({ name, color, hotkey, description }) => {
      const labels = listLabels(db())
      if (labels.length >= MAX_LABELS) throw new FactspanError('bad-input', `A project keeps at most ${MAX_LABELS} labels.`)
      const asked = checked({ name, color: color ?? '', hotkey: hotkey ?? '', description: description ?? '' })
      const [chosen] = labelsToAdd(labels, [{ name: asked.name, color, description: asked.description }]).added
      // A hotkey asked for (or none, '') stays as checked; only a missing one is chosen as for labels that arrive with data.
      const label = { ...chosen, hotkey: hotkey === undefined ? chosen.hotkey : asked.hotkey }
      writeTransaction(db(), () => insertLabel(db(), label, labels.length))
      return changed(false)
    },
    'labels.update': ({ name, label }) => {
      requireLabel(name)
      const next = checked(label, name)
      writeTransaction(db(), () => {
        updateLabel(db(), name, next)
        // The relation types' allowed labels follow the rename, as the spans do.
        if (next.name !== name) renameLabelInRelationTypes(db(), name, next.name)
      })
      return changed(next.name !== name)
    },
    'labels.reorder': ({ names }) => {
      const current = listLabels(db()).map((l) => l.name)
      const same = names.length === current.length && new Set(names).size === names.length && names.every((n) => current.includes(n))
      if (!same) throw new FactspanError('bad-input', `A new order must name every label once: ${current.join(', ')}.`)
      writeTransaction(db(), () => setLabelOrder(db(), names))
      return changed(false)
    },
    'labels.usage': ({ name }) => {
      requireLabel(name)
      return countSpansWithLabel(db(), name)
    },
    'labels.remove': ({ name }) => {
      const label = requireLabel(name)
      const removal = writeTransaction(db(), () => {
        const position = listLabels(db()).findIndex((l) => l.name === name)
        const removed = listSpansWithLabel(db(), name)
        // Deleting the spans deletes their relations (foreign keys): listed first, for undo.
        const links = relationsOfSpans(db(), removed.map((s) => s.id))
        deleteSpansWithLabel(db(), name)
        deleteLabel(db(), name)
        return { label, position, spans: removed, relations: links }
      })
      return { ...removal, labels: changed(true) }
    },
    'labels.restore': ({ label, position, spans: removed, relations: links }) => {
      const restored = checked(label)
      writeTransaction(db(), () => {
        insertLabel(db(), restored, position)
        spans['spans.restoreMany']({ spans: removed })
        if (links && links.length > 0) relations['relations.restoreMany']({ relations: links })
      })
      return changed(true)
    },
  }
}
