// The labels a project gains: added by hand, or arriving with imported or merged data. One rule for all three, so a
// label gets the same colour and hotkey however it came, and the set never outgrows what hotkeys can serve.
import { FactspanError } from './errors'
import { hotkeyProblem, nextFreeHotkey } from './hotkeys'
import { EXTRA_LABEL_COLORS, type Label } from './model'

/** Most labels a project keeps: every one of them still gets a hotkey. */
export const MAX_LABELS = 30

/** As long as a label name may be in the label editor. */
const MAX_LABEL_NAME = 100

/** Why a name cannot be a label's (completing "the label X, which …"), or undefined when it can. */
export function labelNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty'
  if (name.trim() !== name) return 'has white space at its ends'
  if ([...name].length > MAX_LABEL_NAME) return `is longer than ${MAX_LABEL_NAME} characters`
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'contains a control character'
  return undefined
}

/** A label as it arrives: its name, and what its source said of its colour, hotkey and description. */
export type WantedLabel = Pick<Label, 'name'> & Partial<Label>

export interface LabelsToAdd {
  /** The new labels, in the order first wanted: the colour given or the set's next, the hotkey given when free or the next free one. */
  added: Label[]
  /** Names that did not fit under MAX_LABELS, in the order wanted. */
  over: string[]
}

/** The labels of `wanted` the set lacks, each name once, as they would be added after `existing`. */
export function labelsToAdd(existing: readonly Label[], wanted: Iterable<WantedLabel>): LabelsToAdd {
  const labels = [...existing]
  const known = new Set(existing.map((l) => l.name))
  const added: Label[] = []
  const over: string[] = []
  for (const label of wanted) {
    if (known.has(label.name)) continue
    known.add(label.name)
    if (labels.length >= MAX_LABELS) {
      over.push(label.name)
      continue
    }
    const keepKey = label.hotkey !== undefined && label.hotkey !== '' && hotkeyProblem(label.hotkey, labels) === null
    const next: Label = {
      name: label.name,
      color: label.color ?? EXTRA_LABEL_COLORS[labels.length % EXTRA_LABEL_COLORS.length],
      hotkey: keepKey ? label.hotkey! : nextFreeHotkey(labels),
      description: label.description ?? '',
    }
    labels.push(next)
    added.push(next)
  }
  return { added, over }
}

/** The reason a set refuses labels over MAX_LABELS, naming them. */
export function tooManyLabels(existing: number, over: readonly string[]): FactspanError {
  const shown = over.slice(0, 5).map((name) => JSON.stringify(name)).join(', ') + (over.length > 5 ? `, and ${over.length - 5} more` : '')
  return new FactspanError(
    'bad-input',
    `a project keeps at most ${MAX_LABELS} labels and this one has ${existing}, so there is no room for ${shown}: rename or remove labels first`,
  )
}
