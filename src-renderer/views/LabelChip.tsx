import type { Label } from '../../src-main/shared/model'
import { safeColor } from '../editor/layers'

/** A label's colour swatch, for chips and buttons; decorative, the name beside it says which label. */
export function Swatch({ color }: { color: string }) {
  return <span className="swatch" style={{ backgroundColor: safeColor(color) }} aria-hidden="true" />
}

export function LabelChip({ name, labels }: { name: string; labels: readonly Label[] }) {
  const color = labels.find((l) => l.name === name)?.color ?? ''
  return (
    <span className="label-chip" style={{ borderColor: safeColor(color) }}>
      <Swatch color={color} />
      {name}
    </span>
  )
}
