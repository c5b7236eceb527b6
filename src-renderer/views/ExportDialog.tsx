import { useEffect, useState, type FormEvent } from 'react'
import type { ArgsOf, ColumnSeparator, DatasetExport, DocumentStatus, ExportFormat, ExportPreview, ReviewLayers } from '../../src-main/shared/api'
import { DEFAULT_SPLIT, parseSplitSpec, seedFromText, splitSeed, type SplitRatio } from '../../src-main/shared/splitSpec'
import { ApiCallError } from '../api'
import { downloadText } from '../files/download'
import { useApi, useStore } from '../state/store'
import { messageOf } from '../state/uiSlice'
import '../styles/dataset.css'
import { Dialog } from './Dialog'
import { ProgressLine, useJobProgress } from './JobProgress'
import { plural } from './plural'

// Typed by the contract, so a new format there fails to compile here until it has a name and a line of help.
const FORMATS: Record<ExportFormat, { name: string; help: string }> = {
  native: { name: 'Factspan (JSONL)', help: 'Code-point offsets, quoted text, annotators and a hash of every document: lossless.' },
  doccano: { name: 'doccano (JSONL)', help: 'One line per document with [start, end, label] spans in UTF-16 units, as doccano counts them.' },
  spacy: { name: 'spaCy (JSONL)', help: '{"text", "entities": [[start, end, label]]} in code points, as Python counts them.' },
  prodigy: { name: 'Prodigy (JSONL)', help: 'One token per character; spans in code points, token_end inclusive.' },
  labelstudio: { name: 'Label Studio (JSON)', help: 'A list of tasks, one annotation per annotator, offsets in UTF-16 units as its editor counts them.' },
  clue: { name: 'CLUENER (JSONL)', help: '{"text", "label": {type: {surface: [[start, end]]}}}: code points, ends inclusive.' },
  brat: { name: 'brat (.txt + .ann)', help: 'A folder of .txt and .ann pairs.' },
  bio: { name: 'BIO (CoNLL characters)', help: 'One character and its B-/I-/O tag per line, a blank line after each document; overlapping spans cannot be tagged and are listed after the export.' },
  bioes: { name: 'BIOES (CoNLL characters)', help: 'One character and its B-/I-/E-/S-/O tag per line, a blank line after each document; overlapping spans are listed after the export.' },
  bmes: { name: 'BMES (CoNLL characters)', help: 'One character and its B-/M-/E-/S-/O tag per line, as in the Resume dataset; overlapping spans are listed after the export.' },
  facts: { name: 'Facts (JSONL)', help: 'One line per metric or measure with the spans it links to by type and its sentence, in code points.' },
}
// A browser saves one file per download, and brat is a folder: the command line writes it whole.
const DOWNLOADABLE = (Object.keys(FORMATS) as ExportFormat[]).filter((f) => f !== 'brat')
const TAGGED: readonly ExportFormat[] = ['bio', 'bioes', 'bmes']
// Typed by the model's statuses, so a new status fails to compile here until it has a name.
const STATUS_NAMES: Record<DocumentStatus, string> = { new: 'New', in_progress: 'In progress', done: 'Done', reviewed: 'Reviewed' }
const STATUSES = Object.keys(STATUS_NAMES) as DocumentStatus[]

/** A rule as the dialog says it: a sentence. */
function sentence(rule: string): string {
  return rule.charAt(0).toUpperCase() + rule.slice(1)
}

export function ExportDialog() {
  const closeDialog = useStore((s) => s.closeDialog)
  const api = useApi()
  const annotator = useStore((s) => s.project?.annotator ?? '')
  const projectLabels = useStore((s) => s.project?.labels)
  const [format, setFormat] = useState<ExportFormat>('native')
  const [separator, setSeparator] = useState<ColumnSeparator>('tab')
  const [layer, setLayer] = useState<'default' | 'gold' | 'all' | 'one'>('default')
  const [layers, setLayers] = useState<ReviewLayers | null>(null)
  const [name, setName] = useState(annotator)
  const [statuses, setStatuses] = useState<DocumentStatus[]>(STATUSES)
  const labelNames = (projectLabels ?? []).map((l) => l.name)
  const [unchecked, setUnchecked] = useState<string[]>([])
  const [splitOn, setSplitOn] = useState(false)
  const [splitText, setSplitText] = useState(DEFAULT_SPLIT)
  const [seedText, setSeedText] = useState('0')
  const [preview, setPreview] = useState<ExportPreview | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const progress = useJobProgress(jobId)
  const [failure, setFailure] = useState<string | null>(null)
  const [result, setResult] = useState<DatasetExport | null>(null)
  const busy = jobId !== null

  // The default layer depends on whether the project has a gold layer yet: say which it is.
  useEffect(() => {
    api.call('review.layers', {}).then(setLayers, () => setLayers(null))
  }, [api])
  const goldExists = layers !== null && (layers.gold.spans > 0 || layers.reviewed > 0)

  const chosenLabels = labelNames.filter((label) => !unchecked.includes(label))
  let split: SplitRatio[] | undefined
  let splitError: string | null = null
  if (splitOn) {
    try {
      split = parseSplitSpec(splitText)
    } catch (error) {
      splitError = messageOf(error)
    }
  }
  // The contract's own rule for the seed, so the dialog refuses what the service and the CLI refuse, in the same words.
  const seedChecked = splitSeed.safeParse(seedFromText(seedText))
  const seed = seedChecked.success ? seedChecked.data : 0
  const seedError = splitOn && !seedChecked.success ? `${sentence(seedChecked.error.issues[0].message)}.` : null
  const choiceError =
    splitError ?? seedError ?? (statuses.length === 0 ? 'Choose at least one status.' : chosenLabels.length === 0 ? 'Choose at least one label.' : null) ?? (layer === 'one' && !name.trim() ? 'Name the annotator.' : null)
  const options: ArgsOf<'export.preview'> | null =
    choiceError === null
      ? {
          format,
          ...(layer === 'one' ? { annotator: name.trim() } : layer === 'default' ? {} : { layer }),
          ...(TAGGED.includes(format) ? { separator } : {}),
          ...(statuses.length < STATUSES.length ? { status: statuses } : {}),
          ...(chosenLabels.length < labelNames.length ? { labels: chosenLabels } : {}),
          ...(split ? { split, seed } : {}),
        }
      : null
  const optionsKey = JSON.stringify(options)

  // The preview follows every choice, a moment after the last change; an answer to older choices is dropped.
  useEffect(() => {
    if (options === null) {
      setPreview(null)
      setPreviewError(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      api.call('export.preview', options).then(
        (value) => current && (setPreview(value), setPreviewError(null)),
        (error: unknown) => current && (setPreview(null), setPreviewError(messageOf(error))),
      )
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // optionsKey stands for options, which is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [optionsKey])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (options === null) return
    const id = crypto.randomUUID()
    setJobId(id)
    setFailure(null)
    setResult(null)
    try {
      const built = await api.call('export.dataset', { ...options, jobId: id })
      for (const file of built.files) downloadText(file.fileName, file.content)
      downloadText(built.manifest.fileName, built.manifest.content)
      setResult(built)
    } catch (error) {
      setFailure(error instanceof ApiCallError && error.error.code === 'cancelled' ? 'Export cancelled: nothing was downloaded.' : `Export failed: ${messageOf(error)}`)
    } finally {
      setJobId(null)
    }
  }

  function toggle<T>(list: T[], item: T, on: boolean): T[] {
    return on ? [...list, item] : list.filter((x) => x !== item)
  }

  return (
    <Dialog title="Export annotations" onClose={busy ? undefined : closeDialog} className="wide">
      <form className="dialog-body" onSubmit={submit}>
        <div className="field-row">
          <label className="field">
            <span className="field-label">Format</span>
            <select value={format} aria-describedby="export-format-help" onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {DOWNLOADABLE.map((f) => (
                <option key={f} value={f}>
                  {FORMATS[f].name}
                </option>
              ))}
            </select>
          </label>
          {TAGGED.includes(format) && (
            <label className="field">
              <span className="field-label">Column separator</span>
              <select value={separator} onChange={(e) => setSeparator(e.target.value as ColumnSeparator)}>
                <option value="tab">Tab</option>
                <option value="space">Space</option>
              </select>
            </label>
          )}
        </div>
        <p id="export-format-help" className="help">
          {FORMATS[format].help}
        </p>
        <p className="help">
          brat writes a folder of .txt and .ann pairs, which a browser cannot save as one download: run{' '}
          <code>factspan export --format brat --out FOLDER</code>.
        </p>
        <fieldset className="choices">
          <legend>Layer</legend>
          <label className="choice">
            <input type="radio" name="layer" value="default" checked={layer === 'default'} onChange={() => setLayer('default')} />
            <span>
              <span className="choice-name">Default: {goldExists ? 'the gold layer' : 'all annotators'}</span>
              <span className="help">
                {goldExists
                  ? `The reviewer's gold layer (${plural(layers.gold.spans, 'span')}, ${layers.reviewed} of ${plural(layers.documents, 'document')} reviewed).`
                  : 'Every layer, each span with its annotator; once a reviewer builds a gold layer, it becomes the default.'}
              </span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="layer" value="gold" checked={layer === 'gold'} onChange={() => setLayer('gold')} />
            <span className="choice-name">Gold layer</span>
          </label>
          <label className="choice">
            <input type="radio" name="layer" value="all" checked={layer === 'all'} onChange={() => setLayer('all')} />
            <span className="choice-name">All annotators</span>
          </label>
          <label className="choice">
            <input type="radio" name="layer" value="one" checked={layer === 'one'} onChange={() => setLayer('one')} />
            <span className="choice-name">One annotator</span>
          </label>
          <label className="field indented">
            <span className="field-label">Annotator name</span>
            <input type="text" value={name} disabled={layer !== 'one'} onChange={(e) => setName(e.target.value)} />
          </label>
        </fieldset>
        <div className="filter-columns">
          <fieldset className="choices inline">
            <legend>Documents with the status</legend>
            {STATUSES.map((status) => (
              <label key={status} className="choice">
                <input type="checkbox" checked={statuses.includes(status)} onChange={(e) => setStatuses(STATUSES.filter((s) => (s === status ? e.target.checked : statuses.includes(s))))} />
                <span className="choice-name">{STATUS_NAMES[status]}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="choices inline">
            <legend>Spans with the label</legend>
            {labelNames.map((label) => (
              <label key={label} className="choice">
                <input type="checkbox" checked={!unchecked.includes(label)} onChange={(e) => setUnchecked(toggle(unchecked, label, !e.target.checked))} />
                <span className="choice-name">{label}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <fieldset className="choices">
          <legend>Split</legend>
          <label className="choice">
            <input type="checkbox" checked={splitOn} onChange={(e) => setSplitOn(e.target.checked)} />
            <span>
              <span className="choice-name">One file per split</span>
              <span className="help">By document, with each split's labels in the same proportions as the whole; the same seed gives the same files.</span>
            </span>
          </label>
          {splitOn && (
            <div className="split-fields indented">
              <label className="field">
                <span className="field-label">Splits (name=ratio, …)</span>
                <input type="text" value={splitText} aria-invalid={splitError !== null} onChange={(e) => setSplitText(e.target.value)} />
              </label>
              <label className="field">
                <span className="field-label">Seed</span>
                <input type="number" min={0} step={1} value={seedText} aria-invalid={seedError !== null} onChange={(e) => setSeedText(e.target.value)} />
              </label>
            </div>
          )}
        </fieldset>
        {choiceError && (
          <p className="inline-error" role="alert">
            {choiceError}
          </p>
        )}
        {previewError && (
          <p className="inline-error" role="alert">
            {previewError}
          </p>
        )}
        {preview && <PreviewTable preview={preview} />}
        {progress && busy && (
          <ProgressLine
            label="Export progress"
            fraction={progress.fraction}
            text={`Exported ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} documents…`}
          />
        )}
        {failure && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
        {result && (
          <p className="success" role="status">
            Exported {plural(result.total.documents, 'document')} and {plural(result.total.spans, 'span')} of{' '}
            {result.layer === 'gold' ? 'the gold layer' : result.layer === 'all' ? 'every layer' : `${result.layer}'s layer`}
            {result.layerByDefault ? ' (the default)' : ''} to {result.files.map((f, i) => (
              <span key={f.fileName}>
                {i > 0 && ', '}
                <span className="path">{f.fileName}</span>
              </span>
            ))}{' '}
            and its manifest, <span className="path">{result.manifest.fileName}</span>.
          </p>
        )}
        {result && result.warnings.length > 0 && (
          <section className="report" aria-labelledby="export-warnings-heading">
            <h3 id="export-warnings-heading">
              {plural(result.warnings.length, 'document')} could not keep every span ({plural(result.warnings.reduce((n, w) => n + w.dropped, 0), 'span')} left
              out)
            </h3>
            <ul className="export-warnings">
              {result.warnings.map((w, i) => (
                <li key={i}>
                  <span className="path">{w.documentId}</span>: {w.reason}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="dialog-actions">
          {busy ? (
            <button type="button" onClick={() => void api.call('jobs.cancel', { jobId: jobId! })}>
              Cancel export
            </button>
          ) : (
            <button type="button" onClick={closeDialog}>
              {result ? 'Close' : 'Cancel'}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || options === null}>
            Export
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** What each split (or the one file) would hold: documents, spans, and spans per label. */
function PreviewTable({ preview }: { preview: ExportPreview }) {
  const labels = Object.keys(preview.total.labels)
  const rows = preview.splits.length > 1 || preview.splits[0].name !== null ? [...preview.splits, { ...preview.total, name: 'Total' }] : [{ ...preview.total, name: 'Export' }]
  return (
    <div className="table-scroll">
      <table className="compact preview" aria-live="polite">
        <caption>Preview</caption>
        <thead>
          <tr>
            <th scope="col">Split</th>
            <th scope="col" className="num">Documents</th>
            <th scope="col" className="num">Spans</th>
            {labels.map((label) => (
              <th key={label} scope="col" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td className="num">{row.documents.toLocaleString()}</td>
              <td className="num">{row.spans.toLocaleString()}</td>
              {labels.map((label) => (
                <td key={label} className="num">
                  {row.labels[label].toLocaleString()}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
