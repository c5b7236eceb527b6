import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { LabelUsage } from '../../src-main/shared/api'
import { HOTKEY_ORDER, nextFreeHotkey, RESERVED_LETTERS } from '../../src-main/shared/hotkeys'
import { EXTRA_LABEL_COLORS, type Label } from '../../src-main/shared/model'
import { selectLabels } from '../state/selectors'
import { useStore } from '../state/store'
import { Dialog } from './Dialog'
import { EditorActions, EditorError } from './EditorDialogParts'
import { plural } from './plural'

/** The hotkeys a label may take: its own, and those no other label has. */
function freeHotkeys(labels: readonly Label[], own: string): string[] {
  const taken = new Set(labels.map((l) => l.hotkey).filter((k) => k !== own))
  return HOTKEY_ORDER.filter((k) => !taken.has(k))
}

function HotkeySelect({ labels, own, value, onChange, label }: { labels: readonly Label[]; own: string; value: string; onChange: (key: string) => void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">none</option>
      {freeHotkeys(labels, own).map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
    </select>
  )
}

/** One label as a small form: the changes are saved together with "Save" or Enter, as one undoable step. */
function LabelRow({ label, index, labels, onDelete }: { label: Label; index: number; labels: readonly Label[]; onDelete: (name: string) => void }) {
  const updateLabel = useStore((s) => s.updateLabel)
  const moveLabel = useStore((s) => s.moveLabel)
  const [draft, setDraft] = useState(label)
  // The draft starts over when this label itself changes (saved, undone, edited in another window), not whenever the
  // list is read again: a reorder or another label's save must not wipe what is being typed here.
  const saved = JSON.stringify([label.name, label.color, label.hotkey, label.description])
  const [draftOf, setDraftOf] = useState(saved)
  if (draftOf !== saved) {
    setDraftOf(saved)
    setDraft(label)
  }
  const changed = draft.name !== label.name || draft.color !== label.color || draft.hotkey !== label.hotkey || draft.description !== label.description

  function submit(e: FormEvent) {
    e.preventDefault()
    if (changed && draft.name.trim() !== '') void updateLabel(label.name, { ...draft, name: draft.name.trim() })
  }

  return (
    <li className="label-row">
      <form onSubmit={submit} aria-label={`Label ${label.name}`}>
        <span className="label-order">
          <button type="button" className="icon-button" aria-label={`Move ${label.name} up`} disabled={index === 0} onClick={() => void moveLabel(label.name, -1)}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label={`Move ${label.name} down`} disabled={index === labels.length - 1} onClick={() => void moveLabel(label.name, 1)}>
            ↓
          </button>
        </span>
        <input type="color" aria-label={`Colour of ${label.name}`} value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
        <input type="text" aria-label={`Name of ${label.name}`} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <HotkeySelect labels={labels} own={label.hotkey} label={`Hotkey of ${label.name}`} value={draft.hotkey} onChange={(hotkey) => setDraft({ ...draft, hotkey })} />
        <input
          type="text"
          className="label-description"
          aria-label={`Description of ${label.name}`}
          placeholder="What this label marks"
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        <button type="submit" disabled={!changed}>
          Save
        </button>
        <button type="button" className="danger-quiet" aria-label={`Delete ${label.name}`} onClick={() => onDelete(label.name)}>
          Delete
        </button>
      </form>
    </li>
  )
}

/** Asks before deleting a label, saying how many spans go with it. */
function DeleteConfirmation({ name, usage, onDone }: { name: string; usage: LabelUsage; onDone: () => void }) {
  const removeLabel = useStore((s) => s.removeLabel)
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => confirmRef.current?.focus(), [])
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="delete-label-question" aria-describedby="delete-label-detail">
      <p id="delete-label-question" className="confirm-question">
        Delete the label “{name}”?
      </p>
      <p id="delete-label-detail" className="help">
        {usage.spans === 0
          ? 'No span has this label.'
          : `This removes ${plural(usage.spans, 'span')} in ${plural(usage.documents, 'document')}, of every annotator. Undo brings them back.`}
      </p>
      <div className="dialog-actions start">
        <button
          ref={confirmRef}
          type="button"
          className="danger"
          onClick={() => {
            void removeLabel(name)
            onDone()
          }}
        >
          {usage.spans === 0 ? 'Delete label' : `Delete label and ${plural(usage.spans, 'span')}`}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  )
}

function AddLabelForm({ labels }: { labels: readonly Label[] }) {
  const addLabel = useStore((s) => s.addLabel)
  const blank = () => ({ name: '', color: EXTRA_LABEL_COLORS[labels.length % EXTRA_LABEL_COLORS.length], hotkey: nextFreeHotkey(labels), description: '' })
  const [draft, setDraft] = useState<Label>(blank)
  const count = labels.length
  // A new free hotkey and colour once a label is added or removed, not on every edit, so what the user typed stays.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft((d) => ({ ...d, hotkey: nextFreeHotkey(labels), color: EXTRA_LABEL_COLORS[count % EXTRA_LABEL_COLORS.length] })), [count])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (draft.name.trim() === '') return
    if (await addLabel({ ...draft, name: draft.name.trim() })) setDraft(blank())
  }

  return (
    <form className="add-label" onSubmit={(e) => void submit(e)} aria-label="New label">
      <h3>New label</h3>
      <div className="label-fields">
        <input type="color" aria-label="Colour of the new label" value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
        <input type="text" aria-label="Name of the new label" placeholder="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <HotkeySelect labels={labels} own="" label="Hotkey of the new label" value={draft.hotkey} onChange={(hotkey) => setDraft({ ...draft, hotkey })} />
        <input
          type="text"
          className="label-description"
          aria-label="Description of the new label"
          placeholder="What this label marks"
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        <button type="submit" className="primary" disabled={draft.name.trim() === ''}>
          Add label
        </button>
      </div>
    </form>
  )
}

/** The label set editor: add, rename, recolour, reorder, change hotkeys and descriptions, delete. */
export function LabelEditorDialog({ onClose }: { onClose: () => void }) {
  const labels = useStore(selectLabels)
  const labelUsage = useStore((s) => s.labelUsage)
  const [deleting, setDeleting] = useState<{ name: string; usage: LabelUsage } | null>(null)

  async function askDelete(name: string) {
    const usage = await labelUsage(name)
    if (usage) setDeleting({ name, usage })
  }

  return (
    <Dialog title="Edit labels" onClose={onClose} className="wide label-editor">
      <div className="dialog-body">
        <p className="help">
          Each change is saved at once and can be undone. Renaming a label relabels its spans. Hotkeys are 1–9, 0, then letters
          other than{' '}
          {RESERVED_LETTERS.map((key, i) => (
            <span key={key}>
              {i === 0 ? '' : i === RESERVED_LETTERS.length - 1 ? ' and ' : ', '}
              <kbd>{key}</kbd>
            </span>
          ))}
          , which the editor uses.
        </p>
        <EditorError />
        <ol className="label-rows" aria-label="Labels">
          {labels.map((label, i) => (
            <LabelRow key={label.name} label={label} index={i} labels={labels} onDelete={(name) => void askDelete(name)} />
          ))}
        </ol>
        {deleting && <DeleteConfirmation name={deleting.name} usage={deleting.usage} onDone={() => setDeleting(null)} />}
        <AddLabelForm labels={labels} />
        <EditorActions onClose={onClose} />
      </div>
    </Dialog>
  )
}

