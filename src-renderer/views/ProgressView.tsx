// Who has finished what, at a glance: four charts in plain SVG over the figures `factspan stats` prints. Each chart
// has a title and its figures as a table beside it, for screen readers and for anyone who would rather read.
import { useEffect, useState, type ReactNode } from 'react'
import type { TeamProgress } from '../../src-main/shared/api'
import { useApi, useStore } from '../state/store'
import { messageOf } from '../state/uiSlice'
import '../styles/progress.css'

const STATUS = [
  { key: 'done', name: 'Done', color: '#15803d' },
  { key: 'in_progress', name: 'In progress', color: '#f59e0b' },
  { key: 'new', name: 'New', color: '#cbd5e1' },
] as const
const ANNOTATOR_COLORS = ['#2563eb', '#db2777', '#0d9488', '#9333ea', '#ea580c', '#4d7c0f', '#0891b2', '#be123c']
const WIDTH = 520

export function ProgressView() {
  const api = useApi()
  const showView = useStore((s) => s.showView)
  const projectPath = useStore((s) => s.project?.path)
  const [progress, setProgress] = useState<TeamProgress | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [asked, setAsked] = useState(0)

  useEffect(() => {
    let current = true
    api
      .call('project.progress', {})
      .then((value) => current && (setProgress(value), setFailure(null)))
      .catch((error: unknown) => current && setFailure(messageOf(error)))
    const off = api.onEvent('documents-changed', () => setAsked((n) => n + 1))
    return () => {
      current = false
      off()
    }
  }, [api, projectPath, asked])

  const colorOf = (name: string) => ANNOTATOR_COLORS[(progress?.annotators.indexOf(name) ?? 0) % ANNOTATOR_COLORS.length]

  return (
    <section className="progress-view" aria-labelledby="progress-title">
      <div className="document-bar">
        <button type="button" className="back" onClick={() => showView('library')}>
          <span aria-hidden="true">← </span>Library
        </button>
        <h1 id="progress-title" className="document-title">
          Progress
        </h1>
        <span className="toolbar-gap" />
        <button type="button" onClick={() => setAsked((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          Could not read the progress: {failure}
        </p>
      )}
      {progress && progress.annotators.length === 0 && <p className="empty">No annotator has a layer yet: tag documents, or merge annotators’ projects.</p>}
      {progress && progress.annotators.length > 0 && (
        <div className="progress-charts">
          <Legend names={progress.annotators} colorOf={colorOf} />
          <StatusChart progress={progress} />
          <SpansChart progress={progress} colorOf={colorOf} />
          <FinishedChart progress={progress} colorOf={colorOf} />
          <AgreementChart progress={progress} />
        </div>
      )}
    </section>
  )
}

function Legend({ names, colorOf }: { names: string[]; colorOf: (name: string) => string }) {
  return (
    <ul className="progress-legend" aria-label="Annotators">
      {names.map((name) => (
        <li key={name}>
          <span className="legend-swatch" style={{ background: colorOf(name) }} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  )
}

/** A chart with its title and, under "Figures", the same numbers as a table. */
function Chart({ id, title, summary, height, svg, table }: { id: string; title: string; summary: string; height: number; svg: ReactNode; table: ReactNode }) {
  return (
    <figure className="progress-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}: ${summary}`}>
        {svg}
      </svg>
      <details>
        <summary>Figures</summary>
        {table}
      </details>
    </figure>
  )
}

/** A chart's figures as a table: a header row of columns, then one row per name with its figures. */
function FigureTable({ corner, columns, rows }: { corner: string; columns: readonly string[]; rows: ReadonlyArray<[name: string, figures: ReadonlyArray<string | number>]> }) {
  return (
    <table className="compact">
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {columns.map((c) => (
            <th key={c} scope="col" className="num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, figures]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {figures.map((f, i) => (
              <td key={columns[i] ?? i} className="num">
                {f}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function StatusChart({ progress }: { progress: TeamProgress }) {
  const row = 28
  const left = 110
  const total = Math.max(1, progress.documents)
  const height = progress.annotators.length * row + 30
  const summary = progress.annotators.map((a) => `${a} ${STATUS.map((s) => `${progress.byStatus[a][s.key]} ${s.name.toLowerCase()}`).join(', ')}`).join('; ')
  return (
    <Chart
      id="status"
      title={`Documents by status (${progress.documents} documents)`}
      summary={summary}
      height={height}
      svg={
        <g>
          {progress.annotators.map((a, i) => {
            let x = left
            return (
              <g key={a} transform={`translate(0 ${i * row})`}>
                <text x={left - 8} y={18} textAnchor="end" className="axis-label">
                  {a}
                </text>
                {STATUS.map((s) => {
                  const w = ((WIDTH - left - 10) * progress.byStatus[a][s.key]) / total
                  const n = progress.byStatus[a][s.key]
                  const segment = (
                    <g key={s.key}>
                      <rect x={x} y={4} width={w} height={row - 8} fill={s.color} />
                      {w > 22 && (
                        <text x={x + w / 2} y={18} textAnchor="middle" className={s.key === 'new' ? 'axis-label' : 'bar-label'}>
                          {n}
                        </text>
                      )}
                    </g>
                  )
                  x += w
                  return segment
                })}
              </g>
            )
          })}
          <g transform={`translate(${left} ${height - 14})`}>
            {STATUS.map((s, i) => (
              <g key={s.key} transform={`translate(${i * 110} 0)`}>
                <rect width={10} height={10} fill={s.color} />
                <text x={14} y={9} className="axis-label">
                  {s.name}
                </text>
              </g>
            ))}
          </g>
        </g>
      }
      table={<FigureTable corner="Annotator" columns={STATUS.map((s) => s.name)} rows={progress.annotators.map((a) => [a, STATUS.map((s) => progress.byStatus[a][s.key])])} />}
    />
  )
}

function SpansChart({ progress, colorOf }: { progress: TeamProgress; colorOf: (name: string) => string }) {
  const { annotators, labels, spansByLabel } = progress
  const top = 10
  const plot = 150
  const left = 30
  const height = top + plot + 40
  const max = Math.max(1, ...annotators.flatMap((a) => labels.map((l) => spansByLabel[a][l] ?? 0)))
  const group = (WIDTH - left - 10) / Math.max(1, labels.length)
  const bar = Math.min(28, (group - 12) / Math.max(1, annotators.length))
  const summary = labels.map((l) => `${l}: ${annotators.map((a) => `${a} ${spansByLabel[a][l] ?? 0}`).join(', ')}`).join('; ')
  return (
    <Chart
      id="spans"
      title="Spans per label"
      summary={summary}
      height={height}
      svg={
        <g>
          <line x1={left} x2={WIDTH - 10} y1={top + plot} y2={top + plot} className="axis" />
          <text x={left - 4} y={top + 8} textAnchor="end" className="axis-label">
            {max}
          </text>
          {labels.map((l, k) => (
            <g key={l} transform={`translate(${left + k * group + 6} 0)`}>
              {annotators.map((a, i) => {
                const h = (plot * (spansByLabel[a][l] ?? 0)) / max
                return <rect key={a} x={i * bar} y={top + plot - h} width={bar - 2} height={h} fill={colorOf(a)} />
              })}
              <text x={(annotators.length * bar) / 2} y={top + plot + 16} textAnchor="middle" className="axis-label">
                {l}
              </text>
            </g>
          ))}
        </g>
      }
      table={<FigureTable corner="Annotator" columns={labels} rows={annotators.map((a) => [a, labels.map((l) => spansByLabel[a][l] ?? 0)])} />}
    />
  )
}

function FinishedChart({ progress, colorOf }: { progress: TeamProgress; colorOf: (name: string) => string }) {
  const { annotators, finishedOverTime: days } = progress
  const top = 10
  const plot = 150
  const left = 30
  const height = top + plot + 40
  const max = Math.max(1, progress.documents)
  const step = days.length > 1 ? (WIDTH - left - 30) / (days.length - 1) : 0
  const x = (i: number) => left + 10 + (days.length > 1 ? i * step : (WIDTH - left) / 2)
  const y = (n: number) => top + plot - (plot * n) / max
  const last = days[days.length - 1]
  const summary = last ? annotators.map((a) => `${a} ${last.finished[a]} by ${last.day}`).join(', ') : 'nothing finished yet'
  return (
    <Chart
      id="finished"
      title="Finished documents over time"
      summary={summary}
      height={height}
      svg={
        <g>
          <line x1={left} x2={WIDTH - 10} y1={top + plot} y2={top + plot} className="axis" />
          <text x={left - 4} y={top + 8} textAnchor="end" className="axis-label">
            {max}
          </text>
          {days.length === 0 && (
            <text x={WIDTH / 2} y={top + plot / 2} textAnchor="middle" className="axis-label">
              Nothing finished yet
            </text>
          )}
          {annotators.map((a) => (
            <g key={a}>
              <polyline fill="none" stroke={colorOf(a)} strokeWidth={2} points={days.map((d, i) => `${x(i)},${y(d.finished[a])}`).join(' ')} />
              {days.map((d, i) => (
                <circle key={d.day} cx={x(i)} cy={y(d.finished[a])} r={3.5} fill={colorOf(a)} />
              ))}
            </g>
          ))}
          {days.map((d, i) => (
            <text key={d.day} x={x(i)} y={top + plot + 16} textAnchor="middle" className="axis-label">
              {d.day.slice(5)}
            </text>
          ))}
        </g>
      }
      table={<FigureTable corner="Day (UTC)" columns={annotators} rows={days.map((d) => [d.day, annotators.map((a) => d.finished[a])])} />}
    />
  )
}

function AgreementChart({ progress }: { progress: TeamProgress }) {
  const { agreement, labels } = progress
  if (!agreement) {
    return (
      <figure className="progress-chart">
        <figcaption>Agreement per label</figcaption>
        <p className="panel-empty">Agreement needs at least two annotators.</p>
      </figure>
    )
  }
  const row = 26
  const left = 110
  const height = labels.length * row + 10
  const format = (v: number | null) => (v === null ? '—' : v.toFixed(3))
  const title = `Agreement per label on finished documents (${agreement.counted} counted, ${agreement.leftOut} left out)`
  return (
    <Chart
      id="agreement"
      title={title}
      summary={labels.map((l) => `${l} F1 ${format(agreement.labels[l].overlapF1)}, alpha ${format(agreement.labels[l].unitizedAlpha)}`).join('; ')}
      height={height}
      svg={
        <g>
          {labels.map((l, k) => {
            const f1 = agreement.labels[l].overlapF1
            return (
              <g key={l} transform={`translate(0 ${k * row})`}>
                <text x={left - 8} y={17} textAnchor="end" className="axis-label">
                  {l}
                </text>
                <rect x={left} y={4} width={WIDTH - left - 70} height={row - 8} className="bar-track" />
                {f1 !== null && <rect x={left} y={4} width={(WIDTH - left - 70) * Math.max(0, f1)} height={row - 8} fill="#2563eb" />}
                <text x={WIDTH - 62} y={17} className="axis-label">
                  {format(f1)}
                </text>
              </g>
            )
          })}
        </g>
      }
      table={
        <FigureTable
          corner="Label"
          columns={['F1 overlap', 'αU']}
          rows={labels.map((l) => [l, [format(agreement.labels[l].overlapF1), format(agreement.labels[l].unitizedAlpha)]])}
        />
      }
    />
  )
}
