import { useRef, useState, type FormEvent } from 'react'
import type { ColumnSeparator, DiscontinuousSpans, ImportFormat, ImportReport, TextEncoding } from '../../src-main/shared/api'
import { IMPORTABLE_EXTENSIONS, isImportableFile } from '../../src-main/shared/importableFiles'
import { importFiles } from '../files/importFiles'
import { useApi, useStore, useStoreApi } from '../state/store'
import { messageOf } from '../state/uiSlice'
import '../styles/dataset.css'
import { Dialog } from './Dialog'
import { ProgressLine, useJobProgress } from './JobProgress'
import { plural } from './plural'

type FormatChoice = 'auto' | ImportFormat

const FORMAT_NAMES: Record<FormatChoice, string> = {
  auto: 'Auto (by extension and content)',
  text: 'Plain text, one document per file',
  jsonl: 'JSONL, format told from the first line',
  conll: 'CoNLL tokens, scheme told from the tags',
  native: 'Factspan JSONL',
  doccano: 'doccano JSONL',
  spacy: 'spaCy JSONL',
  prodigy: 'Prodigy JSONL',
  labelstudio: 'Label Studio JSON export',
  clue: 'CLUENER JSON lines',
  brat: 'brat (.txt with its .ann)',
  bio: 'BIO tokens (MSRA, Weibo, CoNLL-2003)',
  bioes: 'BIOES tokens',
  bmes: 'BMES tokens (Resume)',
}
const TAGGED: readonly FormatChoice[] = ['conll', 'bio', 'bioes', 'bmes']
/** Formats read from JSON, whose text may sit in a field of another name. */
const JSON_CHOICES: readonly FormatChoice[] = ['auto', 'jsonl', 'native', 'doccano', 'spacy', 'prodigy', 'clue', 'labelstudio']
/** Formats whose spans may sit in a field of another name (doccano's "Column label"). */
const LABEL_FIELD_CHOICES: readonly FormatChoice[] = ['auto', 'jsonl', 'doccano']

// Typed by the contract, so a new encoding there fails to compile here; importing the list would bundle zod.
const ENCODING_NAMES: Record<TextEncoding, string> = {
  auto: 'Auto-detect',
  'utf-8': 'UTF-8',
  gb18030: 'GB18030 (GBK, GB2312)',
  big5: 'Big5',
}

export function ImportDialog() {
  const closeDialog = useStore((s) => s.closeDialog)
  const api = useApi()
  const storeApi = useStoreApi()
  const [files, setFiles] = useState<File[]>([])
  const [folderFiles, setFolderFiles] = useState<File[]>([])
  const [ignored, setIgnored] = useState(0)
  const [format, setFormat] = useState<FormatChoice>('auto')
  const [encoding, setEncoding] = useState<TextEncoding>('auto')
  const [separator, setSeparator] = useState<'either' | ColumnSeparator>('either')
  const [lenient, setLenient] = useState(false)
  const [discontinuous, setDiscontinuous] = useState<DiscontinuousSpans>('split')
  const [textField, setTextField] = useState('')
  const [labelField, setLabelField] = useState('')
  const tagged = TAGGED.includes(format)
  const fromJson = JSON_CHOICES.includes(format)
  const labelFieldPossible = LABEL_FIELD_CHOICES.includes(format)
  const bratPossible = format === 'brat' || format === 'auto'
  const [progress, setProgress] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const chosen = [...files, ...folderFiles]
  const busy = progress !== null
  // The files sent before the current request and its size, to place the job's progress in the whole import.
  const [batch, setBatch] = useState({ done: 0, size: 0 })
  const [jobId, setJobId] = useState<string | null>(null)
  const job = useJobProgress(jobId)
  const cancelled = useRef(false)

  function pickFolder(list: FileList | null) {
    const all = [...(list ?? [])]
    // A folder lists its files in no set order; by path, documents arrive in the order people expect.
    const importable = all
      .filter((f) => isImportableFile(f.webkitRelativePath || f.name))
      .sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath, undefined, { numeric: true }))
    setFolderFiles(importable)
    setIgnored(all.length - importable.length)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (chosen.length === 0) return
    setFailure(null)
    setReport(null)
    setProgress(`Reading and importing ${plural(chosen.length, 'file')}…`)
    const id = crypto.randomUUID()
    cancelled.current = false
    setJobId(id)
    try {
      const choices = {
        format: format === 'auto' ? undefined : format,
        encoding,
        lenient,
        ...(tagged ? { separator: separator === 'either' ? undefined : separator } : {}),
        ...(bratPossible ? { discontinuous } : {}),
        ...(fromJson && textField.trim() ? { textField: textField.trim() } : {}),
        ...(labelFieldPossible && labelField.trim() ? { labelField: labelField.trim() } : {}),
      }
      const result = await importFiles(
        api,
        chosen,
        choices,
        (done, size) => {
          setBatch({ done, size })
          setProgress(`Importing ${plural(chosen.length, 'file')}: ${done} done…`)
        },
        { id, cancelled: () => cancelled.current },
      )
      setReport(result)
      const store = storeApi.getState()
      // New labels may have arrived with the data, and the document count changed.
      void store.loadProject()
      void store.loadLibrary()
    } catch (error) {
      setFailure(messageOf(error))
    } finally {
      setProgress(null)
      setJobId(null)
    }
  }

  function cancel() {
    cancelled.current = true
    if (jobId) void api.call('jobs.cancel', { jobId })
  }
  const fraction = chosen.length > 0 ? (batch.done + (job?.fraction ?? 0) * batch.size) / chosen.length : 0

  return (
    <Dialog title="Import documents" onClose={busy ? undefined : closeDialog} className="wide">
      <form className="dialog-body" onSubmit={submit}>
        <div className="field-row">
          <label className="field">
            <span className="field-label">Files (.txt, .jsonl, .json, .ann, .bio, .bmes…)</span>
            <input
              type="file"
              multiple
              accept={[...IMPORTABLE_EXTENSIONS, 'text/plain', 'application/json'].join(',')}
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
          </label>
          <label className="field">
            <span className="field-label">Or a whole folder</span>
            <input
              type="file"
              ref={(input) => {
                if (input) input.webkitdirectory = true
              }}
              onChange={(e) => pickFolder(e.target.files)}
            />
          </label>
        </div>
        <p className="help" aria-live="polite">
          {chosen.length === 0
            ? 'Nothing chosen yet.'
            : `${plural(chosen.length, 'file')} chosen, ${formatBytes(chosen.reduce((n, f) => n + f.size, 0))}.`}
          {ignored > 0 && ` Left out: ${plural(ignored, 'other file')} in the folder.`}
        </p>
        <div className="field-row">
          <label className="field">
            <span className="field-label">Format</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as FormatChoice)}>
              {(Object.keys(FORMAT_NAMES) as FormatChoice[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_NAMES[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Encoding</span>
            <select value={encoding} onChange={(e) => setEncoding(e.target.value as TextEncoding)}>
              {(Object.keys(ENCODING_NAMES) as TextEncoding[]).map((enc) => (
                <option key={enc} value={enc}>
                  {ENCODING_NAMES[enc]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {tagged && (
          <label className="field">
            <span className="field-label">Column separator</span>
            <select value={separator} onChange={(e) => setSeparator(e.target.value as 'either' | ColumnSeparator)}>
              <option value="either">Tab or spaces</option>
              <option value="tab">Tab</option>
              <option value="space">Space</option>
            </select>
          </label>
        )}
        {fromJson && (
          <div className="field-row">
            <label className="field">
              <span className="field-label">Text field</span>
              <input type="text" value={textField} placeholder="text" onChange={(e) => setTextField(e.target.value)} />
            </label>
            {labelFieldPossible && (
              <label className="field">
                <span className="field-label">Label field (doccano)</span>
                <input type="text" value={labelField} placeholder="label" onChange={(e) => setLabelField(e.target.value)} />
              </label>
            )}
          </div>
        )}
        <label className="choice">
          <input type="checkbox" checked={lenient} onChange={(e) => setLenient(e.target.checked)} />
          <span>
            <span className="choice-name">Lenient</span>
            <span className="help">Import what can be trusted and list the rest: leave out a document or span that cannot be read, and take a span&apos;s offsets when its quoted text differs.</span>
          </span>
        </label>
        {bratPossible && (
          <label className="field">
            <span className="field-label">brat spans in several pieces</span>
            <select value={discontinuous} onChange={(e) => setDiscontinuous(e.target.value as DiscontinuousSpans)}>
              <option value="split">Split: one span per piece</option>
              <option value="skip">Skip them</option>
            </select>
          </label>
        )}
        {progress && <ProgressLine label="Import progress" fraction={fraction} text={job?.file ? `${progress} (${job.file})` : progress} />}
        {failure && (
          <p className="inline-error" role="alert">
            Import failed: {failure}
          </p>
        )}
        {report && <ImportReportView report={report} />}
        <div className="dialog-actions">
          {busy ? (
            <button type="button" onClick={cancel}>
              Cancel import
            </button>
          ) : (
            <button type="button" onClick={closeDialog}>
              {report ? 'Close' : 'Cancel'}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
            Import
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function ImportReportView({ report }: { report: ImportReport }) {
  const documents = report.imported.reduce((n, f) => n + f.documents, 0)
  const spans = report.imported.reduce((n, f) => n + f.spans, 0)
  const skipped = report.imported.reduce((n, f) => n + f.skipped, 0)
  return (
    <section className="report" aria-labelledby="import-report-heading">
      <h3 id="import-report-heading" role="status">
        Imported {plural(documents, 'document')} and {plural(spans, 'span')}
        {skipped > 0 && `, skipped ${skipped} already in the project`}
        {report.errors.length > 0 && `, ${plural(report.errors.length, 'error')}`}
        {report.warnings.length > 0 && `, ${plural(report.warnings.length, 'warning')}`}
      </h3>
      {report.cancelled && <p className="help">Import cancelled: the files listed as imported are kept; the file it was on and those after it were not imported.</p>}
      {report.imported.length > 0 && (
        <div className="table-scroll">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">Documents</th>
                <th scope="col" className="num">Spans</th>
                <th scope="col" className="num">Skipped</th>
                <th scope="col">Encoding</th>
              </tr>
            </thead>
            <tbody>
              {report.imported.map((f) => (
                <tr key={f.file}>
                  <td className="path">{f.file}</td>
                  <td className="num">{f.documents}</td>
                  <td className="num">{f.spans}</td>
                  <td className="num">{f.skipped}</td>
                  <td>{f.encoding ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.errors.length > 0 && (
        <div className="table-scroll">
          <table className="compact errors" aria-label="Import errors">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">Line</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={i}>
                  <td className="path">{e.file}</td>
                  <td className="num">{e.line ?? '—'}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.warnings.length > 0 && (
        <div className="table-scroll">
          <table className="compact" aria-label="Left out on import">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">Line</th>
                <th scope="col">Left out</th>
              </tr>
            </thead>
            <tbody>
              {report.warnings.map((w, i) => (
                <tr key={i}>
                  <td className="path">{w.file}</td>
                  <td className="num">{w.line ?? '—'}</td>
                  <td>{w.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.imported
        .filter((f) => f.readAs)
        .map((f) => (
          <p key={f.file} className="help">
            {f.file}: read as {f.readAs}.
          </p>
        ))}
      {report.newLabels.length > 0 && <p className="help">New labels added to the project: {report.newLabels.join(', ')}.</p>}
    </section>
  )
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
