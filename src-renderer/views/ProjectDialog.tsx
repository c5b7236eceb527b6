import { useRef, useState, type FormEvent } from 'react'
import { baseName } from '../files/paths'
import { useApi, useStore } from '../state/store'
import { Dialog } from './Dialog'
import { BackupsSection, DamagedProjectOffer } from './ProjectBackups'

/** Opens or creates a project: native file dialogs on the desktop, a path field in the browser. */
export function ProjectDialog() {
  const project = useStore((s) => s.project)
  const switchProject = useStore((s) => s.switchProject)
  const closeDialog = useStore((s) => s.closeDialog)
  const damaged = useStore((s) => s.damagedProject)
  const showRestoredProject = useStore((s) => s.showRestoredProject)
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const field = useRef<HTMLInputElement>(null)
  const chooseProject = useApi().desktopDialogs()
  const recent = (project?.recentProjects ?? []).filter((p) => p !== project?.path)

  async function go(target: string, mode: 'open' | 'create') {
    if (!target.trim()) return
    setBusy(true)
    const ok = await switchProject(target.trim(), mode)
    setBusy(false)
    if (ok) closeDialog()
  }

  async function choose(mode: 'open' | 'create') {
    if (!chooseProject) return
    const chosen = await chooseProject(mode)
    if (chosen) await go(chosen, mode)
  }

  // Enter in the field opens; creating is always an explicit click.
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    void go(path, 'open')
  }

  return (
    <Dialog title={project ? 'Switch project' : 'Open a project'} onClose={project ? closeDialog : undefined} initialFocus={field}>
      <div className="dialog-body">
        {damaged && <DamagedProjectOffer key={damaged.path} path={damaged.path} message={damaged.message} onRestored={showRestoredProject} />}
        {project && (
          <p className="help">
            Current project: <span className="path">{project.path}</span>
          </p>
        )}
        {chooseProject ? (
          <div className="dialog-actions start">
            <button type="button" className="primary" disabled={busy} onClick={() => void choose('open')}>
              Open project…
            </button>
            <button type="button" disabled={busy} onClick={() => void choose('create')}>
              New project…
            </button>
          </div>
        ) : (
          <form onSubmit={submit}>
            <label className="field">
              <span className="field-label">Project file path</span>
              <input
                ref={field}
                type="text"
                value={path}
                placeholder="/home/me/reports.factspan"
                spellCheck={false}
                aria-describedby="project-path-help"
                onChange={(e) => setPath(e.target.value)}
              />
            </label>
            <p id="project-path-help" className="help">
              A project is one <code>.factspan</code> file on this computer. Create makes a new, empty one.
            </p>
            <div className="dialog-actions">
              <button type="button" disabled={busy || !path.trim()} onClick={() => void go(path, 'create')}>
                Create
              </button>
              <button type="submit" className="primary" disabled={busy || !path.trim()}>
                Open
              </button>
            </div>
          </form>
        )}
        {recent.length > 0 && (
          <section className="recent" aria-labelledby="recent-heading">
            <h3 id="recent-heading">Recent projects</h3>
            <ul>
              {recent.map((p) => (
                <li key={p}>
                  <button type="button" className="recent-project" disabled={busy} onClick={() => void go(p, 'open')}>
                    <span className="recent-name">{baseName(p)}</span>
                    <span className="path">{p}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {project && !damaged && <BackupsSection key={project.path} onRestored={showRestoredProject} />}
      </div>
    </Dialog>
  )
}

