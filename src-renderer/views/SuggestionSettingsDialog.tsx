// Where suggestions come from and how well they do: sources on and off, rule switches, the project's own patterns
// (with Prodigy-style JSONL import and export), the external recommender, each source's accepted share, and the
// model trained on the project with its precision, recall and F1 per label and its learning curve.
import { useEffect, useState, type FormEvent } from 'react'
import type { ModelInfo, SuggestionSettings } from '../../src-main/shared/api'
import type { UserPattern } from '../../src-main/shared/suggest/rules/userPatterns'
import { bytesToBase64 } from '../files/base64'
import { downloadBase64, downloadText } from '../files/download'
import { selectLabels } from '../state/selectors'
import { useApi, useStore, useStoreApi } from '../state/store'
import { messageOf } from '../state/uiSlice'
import { Dialog } from './Dialog'
import { ProgressLine, useJobProgress } from './JobProgress'
import { scoreText } from './SuggestionList'

export function SuggestionSettingsDialog({ onClose }: { onClose: () => void }) {
  const storeApi = useStoreApi()
  const settings = useStore((s) => s.suggestionSettings)
  const quality = useStore((s) => s.suggestionQuality)
  const model = useStore((s) => s.modelInfo)
  useEffect(() => void storeApi.getState().loadSuggestionSettings(), [storeApi])

  return (
    <Dialog title="Suggestions" onClose={onClose} className="wide suggestion-settings">
      <div className="dialog-body settings-grid">
        {!settings ? (
          <p className="muted">Loading the suggestion settings…</p>
        ) : (
          <>
            <SourcesSection settings={settings} />
            <QualitySection quality={quality} />
            <RulesSection settings={settings} />
            <PatternsSection settings={settings} />
            <ExternalSection settings={settings} />
            <ModelSection model={model} />
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}

function useConfigure() {
  const storeApi = useStoreApi()
  return storeApi.getState().configureSuggestions
}

function SourcesSection({ settings }: { settings: SuggestionSettings }) {
  const configure = useConfigure()
  return (
    <fieldset className="settings-section">
      <legend>Sources in this project</legend>
      {Object.entries(settings.sources).map(([source, on]) => (
        <label key={source} className="check">
          <input type="checkbox" checked={on} onChange={(e) => void configure({ sources: { ...settings.sources, [source]: e.target.checked } })} /> {source}
        </label>
      ))}
    </fieldset>
  )
}

function QualitySection({ quality }: { quality: ReadonlyArray<{ source: string; accepted: number; rejected: number }> }) {
  return (
    <section className="settings-section" aria-labelledby="quality-heading">
      <h3 id="quality-heading">How each source does</h3>
      {quality.length === 0 ? (
        <p className="muted">No suggestion has been accepted or rejected yet.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Accepted</th>
              <th scope="col">Rejected</th>
              <th scope="col">Accepted share</th>
            </tr>
          </thead>
          <tbody>
            {quality.map((q) => (
              <tr key={q.source}>
                <th scope="row">{q.source}</th>
                <td>{q.accepted}</td>
                <td>{q.rejected}</td>
                <td>{q.accepted + q.rejected === 0 ? '–' : scoreText(q.accepted / (q.accepted + q.rejected))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function RulesSection({ settings }: { settings: SuggestionSettings }) {
  const configure = useConfigure()
  const disabled = settings.rules.filter((r) => !r.enabled).map((r) => r.id)
  return (
    <fieldset className="settings-section rules-section">
      <legend>Built-in rules</legend>
      <div className="rule-list">
        {settings.rules.map((rule) => (
          <label key={rule.id} className="check" title={rule.description}>
            <input
              type="checkbox"
              checked={rule.enabled}
              onChange={(e) => void configure({ disabledRules: e.target.checked ? disabled.filter((id) => id !== rule.id) : [...disabled, rule.id] })}
            />{' '}
            {rule.family}: {rule.description} <span className="muted">→ {rule.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

function PatternsSection({ settings }: { settings: SuggestionSettings }) {
  const configure = useConfigure()
  const api = useApi()
  const storeApi = useStoreApi()
  const labels = useStore(selectLabels)
  const [pattern, setPattern] = useState('')
  const [label, setLabel] = useState(labels[0]?.name ?? '')
  const [regex, setRegex] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const patterns: UserPattern[] = settings.patterns

  function add(e: FormEvent) {
    e.preventDefault()
    if (pattern === '' || label === '') return
    void configure({ patterns: [...patterns, { label, pattern, ...(regex ? { regex: true } : {}) }] })
    setPattern('')
  }

  async function importFile(file: File | undefined) {
    if (!file) return
    setMessage(null)
    try {
      const after = await api.call('suggestions.importPatterns', { name: file.name, content: await file.text() })
      await storeApi.getState().loadSuggestionSettings()
      setMessage(`Imported ${after.patterns.length - patterns.length} patterns from ${file.name}`)
    } catch (error) {
      setMessage(messageOf(error))
    }
  }

  async function exportFile() {
    setMessage(null)
    try {
      const file = await api.call('suggestions.exportPatterns', {})
      downloadText(file.fileName, file.content)
      setMessage(`Saved ${file.patterns} patterns as ${file.fileName}`)
    } catch (error) {
      setMessage(messageOf(error))
    }
  }

  return (
    <section className="settings-section" aria-labelledby="patterns-heading">
      <h3 id="patterns-heading">Own patterns</h3>
      {patterns.length === 0 ? (
        <p className="muted">None yet: add an exact string or a regular expression with its label.</p>
      ) : (
        <table className="compact">
          <tbody>
            {patterns.map((p, i) => (
              <tr key={`${p.label}:${p.pattern}:${i}`}>
                <td lang="zh">
                  <code>{p.pattern}</code> {p.regex && <span className="muted">(regex)</span>}
                </td>
                <td>{p.label}</td>
                <td>
                  <button type="button" className="small quiet" aria-label={`Remove the pattern ${p.pattern}`} onClick={() => void configure({ patterns: patterns.filter((_, j) => j !== i) })}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={add} aria-label="Add a pattern">
        <input value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder="区发改局 or \d+家" aria-label="Pattern" lang="zh" />
        <select value={label} onChange={(e) => setLabel(e.target.value)} aria-label="Label of the pattern">
          {labels.map((l) => (
            <option key={l.name}>{l.name}</option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> regular expression
        </label>
        <button type="submit" className="small" disabled={pattern === ''}>
          Add
        </button>
      </form>
      <div className="inline-form">
        <label className="file-button">
          Import Prodigy JSONL <input type="file" accept=".jsonl,.json,application/json" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        <button type="button" className="small" disabled={patterns.length === 0} onClick={() => void exportFile()}>
          Export patterns
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  )
}

function ExternalSection({ settings }: { settings: SuggestionSettings }) {
  const configure = useConfigure()
  const [url, setUrl] = useState(settings.external.url)
  return (
    <fieldset className="settings-section">
      <legend>External recommender</legend>
      <label className="check">
        <input type="checkbox" checked={settings.external.enabled} onChange={(e) => void configure({ external: { enabled: e.target.checked, url } })} /> ask a local HTTP
        endpoint for spans
      </label>
      <div className="inline-form">
        <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:5000/predict" aria-label="Recommender URL" />
        <button type="button" className="small" disabled={url === settings.external.url} onClick={() => void configure({ external: { enabled: settings.external.enabled, url } })}>
          Save URL
        </button>
      </div>
    </fieldset>
  )
}

function ModelSection({ model }: { model: ModelInfo | null }) {
  const api = useApi()
  const storeApi = useStoreApi()
  const annotator = useStore((s) => s.project?.annotator ?? '')
  const [layer, setLayer] = useState('gold')
  const [jobId, setJobId] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const job = useJobProgress(jobId)

  async function run(task: () => Promise<string>) {
    setMessage(null)
    try {
      setMessage(await task())
      await storeApi.getState().loadSuggestionSettings()
    } catch (error) {
      setMessage(messageOf(error))
    }
  }

  const load = (file: File | undefined) =>
    file &&
    run(async () => {
      const info = await api.call('model.load', { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })
      return `Loaded a model trained on ${info.documents} documents`
    })

  const train = () =>
    run(async () => {
      const id = crypto.randomUUID()
      setJobId(id)
      try {
        const info = await api.call('model.train', { layer, jobId: id })
        return `Trained on ${info.documents} documents in ${(info.milliseconds / 1000).toFixed(1)} s`
      } finally {
        setJobId(null)
      }
    })

  return (
    <section className="settings-section model-section" aria-labelledby="model-heading">
      <h3 id="model-heading">Model trained on this project</h3>
      <div className="inline-form">
        <label>
          Learn from the layer{' '}
          <input list="model-layers" value={layer} onChange={(e) => setLayer(e.target.value)} aria-label="Layer to learn from" />
        </label>
        <datalist id="model-layers">
          <option value="gold" />
          {annotator && <option value={annotator} />}
        </datalist>
        <button type="button" className="small primary" disabled={jobId !== null || layer.trim() === ''} onClick={() => void train()}>
          Train
        </button>
      </div>
      {jobId !== null && <ProgressLine label="Training" fraction={job?.fraction ?? 0} text={job ? `Training: ${Math.round(job.fraction * 100)}%` : 'Training…'} />}
      {model ? <ModelReport model={model} /> : <p className="muted">No model yet: finish some documents, then train one.</p>}
      <div className="inline-form">
        <button
          type="button"
          className="small"
          disabled={!model}
          onClick={() =>
            void run(async () => {
              const file = await api.call('model.save', {})
              downloadBase64(file.fileName, file.base64)
              return `Saved the model as ${file.fileName} (${file.bytes} bytes)`
            })
          }
        >
          Save model
        </button>
        <label className="file-button">
          Load a model file <input type="file" onChange={(e) => void load(e.target.files?.[0])} />
        </label>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  )
}

const percent = (x: number) => (x * 100).toFixed(1)

function ModelReport({ model }: { model: ModelInfo }) {
  const { evaluation } = model
  return (
    <>
      <p className="muted">
        Trained {new Date(model.trainedAt).toLocaleString()} on the layer {model.layer}: {model.documents} documents, {model.heldOutDocuments} held out for
        evaluation.
      </p>
      {!evaluation ? (
        <p className="muted">No documents were held out, so there are no scores.</p>
      ) : (
        <table className="compact model-scores">
          <caption>Precision, recall and F1 on the held-out documents</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">F1</th>
              <th scope="col">Spans</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.perLabel.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{percent(row.precision)}</td>
                <td>{percent(row.recall)}</td>
                <td>{percent(row.f1)}</td>
                <td>{row.support}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">all (micro)</th>
              <td>{percent(evaluation.micro.precision)}</td>
              <td>{percent(evaluation.micro.recall)}</td>
              <td>{percent(evaluation.micro.f1)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      )}
      <LearningCurve points={model.learningCurve} />
    </>
  )
}

/** F1 against the share of training documents, in plain SVG; the numbers are in its title for those who cannot see it. */
export function LearningCurve({ points }: { points: ReadonlyArray<{ share: number; documents: number; f1: number }> }) {
  if (points.length === 0) return null
  const width = 320
  const height = 160
  const pad = 32
  const x = (share: number) => pad + share * (width - pad * 1.5)
  const y = (f1: number) => height - pad - f1 * (height - pad * 1.5)
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.share).toFixed(1)},${y(p.f1).toFixed(1)}`).join(' ')
  const described = points.map((p) => `${p.documents} documents: F1 ${percent(p.f1)}`).join('; ')
  return (
    <figure className="learning-curve">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Learning curve. ${described}`}>
        <line x1={pad} y1={height - pad} x2={width - pad / 2} y2={height - pad} stroke="currentColor" strokeOpacity="0.4" />
        <line x1={pad} y1={pad / 2} x2={pad} y2={height - pad} stroke="currentColor" strokeOpacity="0.4" />
        {[0, 0.5, 1].map((t) => (
          <text key={t} x={pad - 4} y={y(t) + 4} textAnchor="end" fontSize="10">
            {t.toFixed(1)}
          </text>
        ))}
        <path d={path} fill="none" stroke="#2457d6" strokeWidth="2" />
        {points.map((p) => (
          <g key={p.share}>
            <circle cx={x(p.share)} cy={y(p.f1)} r="3" fill="#2457d6" />
            <text x={x(p.share)} y={height - pad + 14} textAnchor="middle" fontSize="10">
              {p.documents}
            </text>
          </g>
        ))}
        <text x={width / 2} y={height - 2} textAnchor="middle" fontSize="10">
          training documents
        </text>
      </svg>
      <figcaption className="muted">F1 on the held-out documents as the model sees more training documents.</figcaption>
    </figure>
  )
}
