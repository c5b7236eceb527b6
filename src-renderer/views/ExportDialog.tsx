import { useEffect, useState, type FormEvent } from 'react'
import type { ColumnSeparator, ExportFormat, ExportResult, ReviewLayers } from '../../src-main/shared/api'
import { call } from '../api'
import { downloadText } from '../files/download'
import { useStore } from '../state/store'
import { messageOf } from '../state/uiSlice'
import { Dialog } from './Dialog'
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
}
// A browser saves one file per download, and brat is a folder: the command line writes it whole.
const DOWNLOADABLE = (Object.keys(FORMATS) as ExportFormat[]).filter((f) => f !== 'brat')
const TAGGED: readonly ExportFormat[] = ['bio', 'bioes', 'bmes']

export function ExportDialog() {
  const closeDialog = useStore((s) => s.closeDialog)
  const annotator = useStore((s) => s.project?.annotator ?? '')
  const [format, setFormat] = useState<ExportFormat>('native')
  const [separator, setSeparator] = useState<ColumnSeparator>('tab')
  const [layer, setLayer] = useState<'default' | 'gold' | 'all' | 'one'>('default')
  const [layers, setLayers] = useState<ReviewLayers | null>(null)
  const [name, setName] = useState(annotator)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [result, setResult] = useState<ExportResult | null>(null)

  // The default layer depends on whether the project has a gold layer yet: say which it is.
  useEffect(() => {
    call('review.layers', {}).then(setLayers, () => setLayers(null))
  }, [])
  const goldExists = layers !== null && (layers.gold.spans > 0 || layers.reviewed > 0)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setFailure(null)
    setResult(null)
    try {
      const chosen = layer === 'one' ? { annotator: name.trim() } : layer === 'default' ? {} : { layer }
      const built = await call('export.build', { format, ...chosen, ...(TAGGED.includes(format) ? { separator } : {}) })
      downloadText(built.fileName, built.content)
      setResult(built)
    } catch (error) {
      setFailure(messageOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title="Export annotations" onClose={closeDialog}>
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
        {failure && (
          <p className="inline-error" role="alert">
            Export failed: {failure}
          </p>
        )}
        {result && (
          <p className="success" role="status">
            Exported {plural(result.documents, 'document')} ({result.reviewed} reviewed) and {plural(result.spans, 'span')} of{' '}
            {result.layer === 'gold' ? 'the gold layer' : result.layer === 'all' ? 'every layer' : `${result.layer}'s layer`}
            {result.layerByDefault ? ' (the default)' : ''} to <span className="path">{result.fileName}</span>.
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
          <button type="button" onClick={closeDialog}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy || (layer === 'one' && !name.trim())}>
            Export
          </button>
        </div>
      </form>
    </Dialog>
  )
}
