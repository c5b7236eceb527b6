import { useState, type FormEvent } from 'react'
import type { ExportFormat, ExportResult } from '../../src-main/shared/api'
import { call } from '../api'
import { downloadText } from '../files/download'
import { useStore } from '../state/store'
import { messageOf } from '../state/uiSlice'
import { Dialog } from './Dialog'
import { plural } from './plural'

const FORMATS: { value: ExportFormat; name: string; help: string }[] = [
  { value: 'native', name: 'Factspan (JSONL)', help: 'Code-point offsets, quoted text and a hash of every document: lossless.' },
  { value: 'doccano', name: 'doccano (JSONL)', help: 'One line per document with [start, end, label] spans in UTF-16 units, as doccano counts them.' },
]

export function ExportDialog() {
  const closeDialog = useStore((s) => s.closeDialog)
  const annotator = useStore((s) => s.project?.annotator ?? '')
  const [format, setFormat] = useState<ExportFormat>('native')
  const [layer, setLayer] = useState<'all' | 'one'>('all')
  const [name, setName] = useState(annotator)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [result, setResult] = useState<ExportResult | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setFailure(null)
    setResult(null)
    try {
      const built = await call('export.build', { format, annotator: layer === 'one' ? name.trim() : undefined })
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
        <fieldset className="choices">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="choice">
              <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              <span>
                <span className="choice-name">{f.name}</span>
                <span className="help">{f.help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>Layer</legend>
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
            Exported {plural(result.documents, 'document')} and {plural(result.spans, 'span')} to{' '}
            <span className="path">{result.fileName}</span>.
          </p>
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
