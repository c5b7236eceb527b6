import type { Version } from '../../src-main/shared/comparison'
import type { Label } from '../../src-main/shared/model'
import type { OffsetMap } from '../../src-main/shared/offsets'
import { LabelChip } from './LabelChip'

/** One version of a comparison: who made it and their spans, or that they tagged nothing there. */
export function VersionLine({ version, offsets, labels }: { version: Version; offsets: OffsetMap; labels: readonly Label[] }) {
  return (
    <span className="version-line">
      <span className="version-annotators">{version.annotators.join(', ')}</span>
      {version.spans.length === 0 ? (
        <span className="version-none">nothing here</span>
      ) : (
        version.spans.map((span) => (
          <span key={`${span.start}:${span.end}:${span.label}`} className="version-span">
            <LabelChip name={span.label} labels={labels} />
            <q className="span-text" lang="zh">
              {offsets.slice(span.start, span.end)}
            </q>
            <span className="span-offsets">
              {span.start}–{span.end}
            </span>
          </span>
        ))
      )}
    </span>
  )
}
