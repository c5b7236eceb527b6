import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { StatusFilter } from '../state/projectSlice'
import { useStore } from '../state/store'
import { STATUS_NAMES, StatusBadge } from './StatusBadge'

const FILTERS: { value: StatusFilter; name: string }[] = [
  { value: 'all', name: 'All' },
  { value: 'new', name: STATUS_NAMES.new },
  { value: 'in_progress', name: STATUS_NAMES.in_progress },
  { value: 'done', name: STATUS_NAMES.done },
  { value: 'reviewed', name: STATUS_NAMES.reviewed },
]

// Typing settles before the server is asked again.
const SEARCH_DELAY_MS = 200

export function LibraryView() {
  const documents = useStore((s) => s.documents)
  const loaded = useStore((s) => s.libraryLoaded)
  const statusFilter = useStore((s) => s.statusFilter)
  const query = useStore((s) => s.query)
  const notice = useStore((s) => s.notice)
  const setStatusFilter = useStore((s) => s.setStatusFilter)
  const setQuery = useStore((s) => s.setQuery)
  const openDocument = useStore((s) => s.openDocument)
  const openDialog = useStore((s) => s.openDialog)
  const lastOpenedId = useStore((s) => s.lastOpenedId)
  const [search, setSearch] = useState(query)
  const tableRef = useRef<HTMLTableSectionElement>(null)
  const focusReturned = useRef(false)
  const filtered = statusFilter !== 'all' || query.trim() !== ''

  useEffect(() => {
    if (search === query) return
    const timer = setTimeout(() => setQuery(search), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [search, query, setQuery])

  // Coming back from a document, the keyboard continues from its row.
  useEffect(() => {
    if (focusReturned.current || lastOpenedId === null || !loaded) return
    focusReturned.current = true
    const rows = tableRef.current?.querySelectorAll<HTMLButtonElement>('button.row-open') ?? []
    ;[...rows].find((row) => row.dataset.documentId === lastOpenedId)?.focus()
  }, [lastOpenedId, loaded, documents])

  // ↑/↓ walk the rows, so the table reads like a list.
  function onRowKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'Home' ? -index : e.key === 'End' ? documents.length : 0
    if (step === 0) return
    e.preventDefault()
    const buttons = tableRef.current?.querySelectorAll<HTMLButtonElement>('button.row-open')
    buttons?.[Math.max(0, Math.min(documents.length - 1, index + step))]?.focus()
  }

  return (
    <section className="library" aria-labelledby="library-heading">
      <div className="library-toolbar">
        <h1 id="library-heading">Documents</h1>
        <div className="segmented" role="group" aria-label="Filter by status">
          {FILTERS.map((f) => (
            <button key={f.value} type="button" aria-pressed={statusFilter === f.value} onClick={() => setStatusFilter(f.value)}>
              {f.name}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="search"
          placeholder="Search titles"
          aria-label="Search titles"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {loaded && documents.length === 0 ? (
        <div className="empty">
          {filtered ? (
            <p>No documents match this filter.</p>
          ) : (
            <>
              <p>This project has no documents yet.</p>
              <button type="button" className="primary" onClick={() => openDialog('import')}>
                Import texts…
              </button>
            </>
          )}
        </div>
      ) : (
        <div className="table-scroll library-table">
          <table className="documents">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" className="num">
                  Spans
                </th>
                <th scope="col" className="num">
                  Characters
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="num" title="How many annotators have marked their layer done">
                  Finished by
                </th>
              </tr>
            </thead>
            <tbody ref={tableRef}>
              {documents.map((d, i) => (
                <tr key={d.id} onClick={() => void openDocument(d.id)}>
                  <td className="title-cell">
                    <button
                      type="button"
                      className="row-open"
                      data-document-id={d.id}
                      onKeyDown={(e) => onRowKeyDown(e, i)}
                      onClick={(e) => {
                        e.stopPropagation()
                        void openDocument(d.id)
                      }}
                    >
                      {d.title || d.id}
                    </button>
                  </td>
                  <td className="num">{d.spanCount}</td>
                  <td className="num muted">{d.length.toLocaleString()}</td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td className="num" title={d.finishedBy.join(', ') || 'Nobody has finished it yet'}>
                    {d.finishedBy.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
