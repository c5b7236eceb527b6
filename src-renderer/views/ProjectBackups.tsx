// The project dialog's backups: the open project's list with "Back up now" and a restore for each, and for a project
// that would not open because it is damaged, its newest backup to restore and a salvage of what can still be read.
import { useCallback, useEffect, useState } from 'react'
import type { Backup, BackupList, ProjectInfo } from '../../src-main/shared/api'
import { downloadText } from '../files/download'
import { baseName } from '../files/paths'
import { useApi, useStore } from '../state/store'
import { messageOf } from '../state/uiSlice'
import '../styles/backups.css'

/** The backups of the open project, newest first. */
export function BackupsSection({ onRestored }: { onRestored: (project: ProjectInfo) => void }) {
  const [list, setList] = useState<BackupList | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const readOnly = useStore((s) => s.project?.readOnly ?? false)
  const { call } = useApi()

  const refresh = useCallback(() => call('project.backups', {}).then(setList, (error) => setOutcome(messageOf(error))), [call])
  useEffect(() => void refresh(), [refresh])

  async function run(action: () => Promise<string>) {
    setBusy(true)
    try {
      setOutcome(await action())
    } catch (error) {
      setOutcome(messageOf(error))
    } finally {
      setBusy(false)
      setConfirming(null)
      void refresh()
    }
  }

  const backUp = () => run(async () => `Backed up to ${baseName((await call('project.backup', {})).file)}`)
  const restore = (backup: Backup) =>
    run(async () => {
      const restored = await call('project.restore', { from: backup.file })
      onRestored(restored.project)
      return `Restored the backup of ${when(backup)}${restored.saved ? `; the project as it was is kept as ${baseName(restored.saved.file)}` : ''}`
    })

  return (
    <section className="backups" aria-labelledby="backups-heading">
      <h3 id="backups-heading">Backups</h3>
      <p className="help">
        Made when the project opens once a day, before an upgrade, and when you ask. The newest five are kept in{' '}
        <span className="path">{list?.folder ?? '…'}</span>.
      </p>
      <div className="dialog-actions start">
        <button type="button" disabled={busy || readOnly} onClick={() => void backUp()}>
          Back up now
        </button>
      </div>
      {outcome && (
        <p className="backup-outcome" role="status">
          {outcome}
        </p>
      )}
      {list && list.backups.length === 0 && <p className="muted">No backups yet.</p>}
      {list && list.backups.length > 0 && (
        <ul aria-label="Backups">
          {list.backups.map((backup) => (
            <li key={backup.file} className="backup">
              <span className="backup-when">{when(backup)}</span>
              <span className="muted">
                {backup.reason} · {size(backup.bytes)}
              </span>
              {confirming === backup.file ? (
                <span className="backup-confirm">
                  <span>The project as it is now is backed up first.</span>
                  <button type="button" className="primary" disabled={busy} onClick={() => void restore(backup)}>
                    Restore it
                  </button>
                  <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                    Keep the project as it is
                  </button>
                </span>
              ) : (
                <button type="button" disabled={busy || readOnly} aria-label={`Restore the backup of ${when(backup)}`} onClick={() => setConfirming(backup.file)}>
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** A project that would not open because its file is damaged: what can be done about it. */
export function DamagedProjectOffer({ path, message, onRestored }: { path: string; message: string; onRestored: (project: ProjectInfo) => void }) {
  const [newest, setNewest] = useState<Backup | null | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<string | null>(null)
  const { call } = useApi()

  useEffect(() => {
    call('project.backups', { path }).then(
      (list) => setNewest(list.backups.find((b) => b.reason !== 'damaged-before-restore') ?? null),
      () => setNewest(null),
    )
  }, [call, path])

  async function restore() {
    setBusy(true)
    try {
      const restored = await call('project.restore', { path })
      onRestored(restored.project)
      setOutcome(`Restored ${baseName(restored.project.path)} from its backup of ${newest ? when(newest) : ''}.`)
    } catch (error) {
      setOutcome(messageOf(error))
    } finally {
      setBusy(false)
    }
  }

  async function salvage() {
    setBusy(true)
    try {
      const salvaged = await call('project.salvage', { path })
      downloadText(salvaged.fileName, salvaged.content)
      const left = salvaged.skippedDocuments || salvaged.skippedSpans ? ` ${salvaged.skippedDocuments} documents and ${salvaged.skippedSpans} spans could not be read whole and were left out.` : ''
      setOutcome(`Saved ${salvaged.documents} documents and ${salvaged.spans} spans as ${salvaged.fileName}.${left}`)
    } catch (error) {
      setOutcome(messageOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="damaged" role="alert" aria-labelledby="damaged-heading">
      <h3 id="damaged-heading">This project is damaged</h3>
      <p className="damaged-message">{message}</p>
      <div className="dialog-actions start">
        {newest && (
          <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
            Restore the backup of {when(newest)}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void salvage()}>
          Export what can still be read
        </button>
      </div>
      {newest === null && <p className="muted">It has no backup to restore.</p>}
      {outcome && <p role="status">{outcome}</p>}
    </section>
  )
}

function when(backup: Backup): string {
  return new Date(backup.createdAt).toLocaleString()
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

