import { SHORTCUTS } from '../editor/shortcuts'
import { Dialog } from './Dialog'

/** Every keyboard shortcut of the annotate view, opened with `?`. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="wide help-dialog">
      <div className="dialog-body shortcut-groups">
        {SHORTCUTS.map((group) => (
          <section key={group.title} aria-labelledby={`shortcuts-${group.title}`}>
            <h3 id={`shortcuts-${group.title}`}>{group.title}</h3>
            <table className="compact shortcuts">
              <tbody>
                {group.shortcuts.map((shortcut) => (
                  <tr key={shortcut.does}>
                    <th scope="row">
                      {shortcut.keys.map((key) => (
                        <kbd key={key}>{key}</kbd>
                      ))}
                      {shortcut.note && <span className="muted"> {shortcut.note}</span>}
                    </th>
                    <td>{shortcut.does}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}
