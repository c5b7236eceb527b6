import type { DocumentStatus } from '../../src-main/shared/model'

export const STATUS_NAMES: Record<DocumentStatus, string> = { new: 'New', in_progress: 'In progress', done: 'Done', reviewed: 'Reviewed' }

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_NAMES[status]}</span>
}
