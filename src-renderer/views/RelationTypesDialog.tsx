// The relation types editor, like the label editor: name, colour, hotkey (pressed in relation mode), description and
// the labels allowed at each end. Each change is saved at once and undone as one step; a rename carries to every
// relation of the type.
import { useEffect, useState, type FormEvent } from 'react'
import { HOTKEY_ORDER, nextFreeHotkey } from '../../src-main/shared/hotkeys'
import type { Label, RelationType } from '../../src-main/shared/model'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { Dialog } from './Dialog'
import { EditorActions, EditorError } from './EditorDialogParts'

const COLORS = ['#2563eb', '#c026d3', '#059669', '#dc2626', '#d97706', '#0891b2', '#7c3aed', '#4b5563']

function same(a: RelationType, b: RelationType): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The labels allowed at one end, as checkboxes; none checked allows every label. */
function EndLabels({ legend, labels, value, onChange }: { legend: string; labels: readonly Label[]; value: string[]; onChange: (names: string[]) => void }) {
  return (
    <fieldset className="relation-end">
      <legend>{legend}</legend>
      {labels.map((label) => (
        <label key={label.name}>
          <input
            type="checkbox"
            checked={value.includes(label.name)}
            onChange={(e) => onChange(e.target.checked ? [...value, label.name] : value.filter((n) => n !== label.name))}
          />
          {label.name}
        </label>
      ))}
      {value.length === 0 && <span className="muted"> any label</span>}
    </fieldset>
  )
}

function HotkeySelect({ types, own, value, onChange, label }: { types: readonly RelationType[]; own: string; value: string; onChange: (key: string) => void; label: string }) {
  const taken = new Set(types.map((t) => t.hotkey).filter((k) => k !== own))
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">none</option>
      {HOTKEY_ORDER.filter((k) => !taken.has(k)).map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
    </select>
  )
}

/** The fields of one type, as the row and the new-type form both edit them. */
function TypeFields({ draft, setDraft, types, own, labels, name }: { draft: RelationType; setDraft: (t: RelationType) => void; types: readonly RelationType[]; own: string; labels: readonly Label[]; name: string }) {
  return (
    <>
      <div className="label-fields">
        <input type="color" aria-label={`Colour of ${name}`} value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
        <input type="text" aria-label={`Name of ${name}`} placeholder="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <HotkeySelect types={types} own={own} label={`Hotkey of ${name}`} value={draft.hotkey} onChange={(hotkey) => setDraft({ ...draft, hotkey })} />
        <input
          type="text"
          className="label-description"
          aria-label={`Description of ${name}`}
          placeholder="What this relation says"
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
      </div>
      <div className="relation-ends">
        <EndLabels legend={`${name} starts at`} labels={labels} value={draft.fromLabels} onChange={(fromLabels) => setDraft({ ...draft, fromLabels })} />
        <EndLabels legend={`${name} ends at`} labels={labels} value={draft.toLabels} onChange={(toLabels) => setDraft({ ...draft, toLabels })} />
      </div>
    </>
  )
}

function TypeRow({ type, types, labels }: { type: RelationType; types: readonly RelationType[]; labels: readonly Label[] }) {
  const updateRelationType = useStore((s) => s.updateRelationType)
  const removeRelationType = useStore((s) => s.removeRelationType)
  const [draft, setDraft] = useState(type)
  useEffect(() => setDraft(type), [type])
  const changed = !same(draft, type)

  function submit(e: FormEvent) {
    e.preventDefault()
    if (changed && draft.name.trim() !== '') void updateRelationType(type.name, { ...draft, name: draft.name.trim() })
  }

  return (
    <li className="label-row relation-type-row">
      <form onSubmit={submit} aria-label={`Relation type ${type.name}`}>
        <TypeFields draft={draft} setDraft={setDraft} types={types} own={type.hotkey} labels={labels} name={type.name} />
        <div className="dialog-actions start">
          <button type="submit" disabled={!changed}>
            Save
          </button>
          {/* Undo brings the type back with its relations, so no question is asked. */}
          <button type="button" className="danger-quiet" aria-label={`Delete ${type.name}`} onClick={() => void removeRelationType(type.name)}>
            Delete
          </button>
        </div>
      </form>
    </li>
  )
}

function AddTypeForm({ types, labels }: { types: readonly RelationType[]; labels: readonly Label[] }) {
  const addRelationType = useStore((s) => s.addRelationType)
  const blank = (): RelationType => ({ name: '', color: COLORS[types.length % COLORS.length], hotkey: nextFreeHotkey(types), description: '', fromLabels: [], toLabels: [] })
  const [draft, setDraft] = useState<RelationType>(blank)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (draft.name.trim() === '') return
    if (await addRelationType({ ...draft, name: draft.name.trim() })) setDraft(blank())
  }

  return (
    <form className="add-label" onSubmit={(e) => void submit(e)} aria-label="New relation type">
      <h3>New relation type</h3>
      <TypeFields draft={draft} setDraft={setDraft} types={types} own="" labels={labels} name="the new type" />
      <button type="submit" className="primary" disabled={draft.name.trim() === ''}>
        Add relation type
      </button>
    </form>
  )
}

export function RelationTypesDialog({ onClose }: { onClose: () => void }) {
  const types = useStore((s) => s.relationTypes)
  const labels = useStore(selectLabels)

  return (
    <Dialog title="Edit relation types" onClose={onClose} className="wide label-editor relation-types-editor">
      <div className="dialog-body">
        <p className="help">
          A relation links two spans of one layer. In relation mode (<kbd>r</kbd> on a selected span) a type’s hotkey links the current
          target. Each change is saved at once and can be undone; renaming a type renames its relations, deleting it removes them.
        </p>
        <EditorError />
        <ol className="label-rows" aria-label="Relation types">
          {types.map((type) => (
            <TypeRow key={type.name} type={type} types={types} labels={labels} />
          ))}
        </ol>
        <AddTypeForm types={types} labels={labels} />
        <EditorActions onClose={onClose} />
      </div>
    </Dialog>
  )
}
