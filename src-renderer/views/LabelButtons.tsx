// One button per label, as both label bars show them: its colour, name and hotkey, and what pressing it does.
import type { Label } from '../../src-main/shared/model'
import { Swatch } from './LabelChip'

export function LabelButtons({ labels, onLabel }: { labels: readonly Label[]; onLabel: (name: string) => void }) {
  return labels.map((label) => (
    <button
      key={label.name}
      type="button"
      className="label-button"
      aria-label={label.name}
      aria-keyshortcuts={label.hotkey || undefined}
      title={label.description || undefined}
      onClick={() => onLabel(label.name)}
    >
      <Swatch color={label.color} />
      <span className="label-name">{label.name}</span>
      {label.hotkey && <kbd>{label.hotkey}</kbd>}
    </button>
  ))
}
