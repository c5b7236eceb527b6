import { useState, type FormEvent } from 'react'
import type { MergeReport } from '../../src-main/shared/api'
import { isGoldName } from '../../src-main/shared/model'
import { bytesToBase64 } from '../files/base64'
import { useApi, useStoreApi } from '../state/store'
import { messageOf } from '../state/uiSlice'
import { Dialog } from './Dialog'
import { plural } from './plural'

/** Adds other annotators' work to the open project: their .factspan files or native JSONL exports, sent as bytes. */
export function MergeDialog({ onClose }: { onClose: () => void }) {
  const api = useApi()
  const storeApi = useStoreApi()
  const [files, setFiles] = useState<File[]>([])
  const [annotator, setAnnotator] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [report, setReport] = useState<MergeReport | null>(null)
  const named = annotator.trim()
  const badName = named !== '' && isGoldName(named)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (files.length === 0 || badName) return
    setBusy(true)
    setFailure(null)
    setReport(null)
    try {
      const encoded = await Promise.all(files.map(async (f) => ({ name: f.name, base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) })))
      const result = await api.call('merge.files', { files: encoded, annotator: named || undefined })
      setReport(result)
      // The change event refreshes what is on screen; a compare view with no document yet opens the first one.
      const store = storeApi.getState()
      if (store.view === 'review' && !store.review) void store.openReview()
    } catch (error) {
      setFailure(messageOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title="Merge annotators’ work" onClose={onClose} className="wide">
      <form className="dialog-body" onSubmit={submit}>
        <label className="field">
          <span className="field-label">Their project files (.factspan) or native exports (.jsonl)</span>
          <input type="file" multiple accept=".factspan,.jsonl,.ndjson,.json" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </label>
        <p className="help">
          Documents are matched by their text; each annotator’s spans arrive as their own layer. A document whose text differs under the same id is
          reported and left out. Merging the same file again changes nothing.
        </p>
        <label className="field">
          <span className="field-label">Annotator of spans that name none (JSONL only)</span>
          <input type="text" value={annotator} maxLength={200} aria-invalid={badName} aria-describedby="merge-annotator-help" onChange={(e) => setAnnotator(e.target.value)} />
        </label>
        <p id="merge-annotator-help" className={badName ? 'inline-error' : 'help'}>
          {badName ? '“gold” is the reviewer’s layer: name the annotator who made these spans.' : 'Leave empty when every span of the file says who made it.'}
        </p>
        {failure && (
          <p className="inline-error" role="alert">
            Merge failed: {failure}
          </p>
        )}
        {report && <MergeReportView report={report} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {report ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy || files.length === 0 || badName}>
            {busy ? 'Merging…' : 'Merge'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function MergeReportView({ report }: { report: MergeReport }) {
  const spans = report.merged.reduce((n, f) => n + f.spans.added, 0)
  const skipped = report.merged.reduce((n, f) => n + f.spans.skipped, 0)
  const added = report.merged.reduce((n, f) => n + f.documents.added, 0)
  return (
    <section className="report" aria-labelledby="merge-report-heading">
      <h3 id="merge-report-heading" role="status">
        Merged {plural(report.merged.length, 'file')}: {plural(spans, 'span')} added
        {skipped > 0 && `, ${skipped} already in the project`}
        {added > 0 && `, ${plural(added, 'new document')}`}
        {report.problems.length > 0 && `; ${plural(report.problems.length, 'problem')}`}
      </h3>
      {report.merged.length > 0 && (
        <div className="table-scroll">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Layers</th>
                <th scope="col" className="num">Documents matched</th>
                <th scope="col" className="num">Added</th>
                <th scope="col" className="num">Spans added</th>
                <th scope="col" className="num">Already there</th>
              </tr>
            </thead>
            <tbody>
              {report.merged.map((f) => (
                <tr key={f.file}>
                  <td className="path">{f.file}</td>
                  <td>{f.annotators.join(', ') || '—'}</td>
                  <td className="num">{f.documents.matched}</td>
                  <td className="num">{f.documents.added}</td>
                  <td className="num">{f.spans.added}</td>
                  <td className="num">{f.spans.skipped}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.problems.length > 0 && (
        <div className="table-scroll">
          <table className="compact errors" aria-label="Not merged">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Document</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i}>
                  <td className="path">
                    {p.file}
                    {p.line !== undefined && `:${p.line}`}
                  </td>
                  <td>{p.documentId ?? '—'}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.newLabels.length > 0 && <p className="help">New labels added to the project: {report.newLabels.join(', ')}.</p>}
      {report.merged
        .filter((f) => f.guidelines === 'different')
        .map((f) => (
          <p key={f.file} className="help">
            {f.file}: its guidelines differ from this project’s, which stay as they are.
          </p>
        ))}
      {report.merged.some((f) => f.statuses > 0) && (
        <p className="help">Annotators’ statuses brought: {report.merged.reduce((n, f) => n + f.statuses, 0)}.</p>
      )}
    </section>
  )
}
