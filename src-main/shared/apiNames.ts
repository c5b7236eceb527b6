// The contract's lists: every method the page may call, with what it may do while a job runs, and every event the
// main side sends. The dispatcher, both bridges and the preload loop over them; their types are in api.ts.
// No runtime imports: the sandboxed preload bundles this file and may require nothing but electron.
import type { ApiEvents, Method } from './api'

export interface MethodEntry {
  /**
   * 'read': reads the project, or nothing, so it runs at any time, also while an import or export runs.
   * 'write': writes the project (or switches it), so it is refused while an import holds the write transaction.
   */
  access: 'read' | 'write'
  /** Only the desktop app has it (native dialogs): its main process implements it, and browser mode refuses it. */
  desktopOnly?: true
}

const READ = { access: 'read' } as const
const WRITE = { access: 'write' } as const

export const METHODS = {
  'project.info': READ,
  'project.open': WRITE,
  'project.create': WRITE,
  'project.setAnnotator': WRITE,
  'project.stats': READ,
  /** The native open or save dialog; the page then opens or creates what was chosen. */
  'project.choose': { access: 'read', desktopOnly: true },
  'project.backups': READ,
  // A backup copies a consistent snapshot, also while an import writes.
  'project.backup': READ,
  // A restore replaces the file; it refuses itself while any job runs.
  'project.restore': WRITE,
  'project.salvage': READ,
  'documents.list': READ,
  'documents.get': READ,
  'documents.setDone': WRITE,
  'documents.next': READ,
  'documents.statuses': READ,
  'documents.setStatus': WRITE,
  'guidelines.get': READ,
  'guidelines.set': WRITE,
  'project.progress': READ,
  'spans.list': READ,
  'spans.add': WRITE,
  'spans.remove': WRITE,
  'spans.restore': WRITE,
  'spans.relabel': WRITE,
  'spans.resize': WRITE,
  'spans.addMany': WRITE,
  'spans.removeMany': WRITE,
  'spans.restoreMany': WRITE,
  'labels.list': READ,
  'labels.add': WRITE,
  'labels.update': WRITE,
  'labels.reorder': WRITE,
  'labels.usage': READ,
  'labels.remove': WRITE,
  'labels.restore': WRITE,
  'relations.list': READ,
  'relations.add': WRITE,
  'relations.remove': WRITE,
  'relations.restoreMany': WRITE,
  'relations.retype': WRITE,
  'relations.suggest': READ,
  'relationTypes.list': READ,
  'relationTypes.add': WRITE,
  'relationTypes.update': WRITE,
  'relationTypes.remove': WRITE,
  'relationTypes.restore': WRITE,
  'import.files': WRITE,
  'export.preview': READ,
  // An export reads its own snapshot; a second job is refused by the job runner, not here.
  'export.dataset': READ,
  'jobs.cancel': READ,
  'merge.files': WRITE,
  'review.layers': READ,
  'review.editGold': WRITE,
  'review.setReviewed': WRITE,
  'review.next': READ,
  'review.agreement': READ,
  'suggestions.list': READ,
  'suggestions.accept': WRITE,
  'suggestions.reject': WRITE,
  'suggestions.forget': WRITE,
  'suggestions.settings': READ,
  'suggestions.configure': WRITE,
  'suggestions.importPatterns': WRITE,
  'suggestions.exportPatterns': READ,
  'suggestions.quality': READ,
  'model.info': READ,
  // Training reads the project, then runs on a worker; storing the model is one short write at the end.
  'model.train': WRITE,
  'model.save': READ,
  'model.load': WRITE,
} as const satisfies Record<Method, MethodEntry>

export const methodNames = Object.keys(METHODS) as Method[]

export type DesktopMethod = { [M in Method]: (typeof METHODS)[M] extends { desktopOnly: true } ? M : never }[Method]

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(METHODS, name)
}

/** Events the main side sends to every window: something changed that views may show, or how far a job is. */
export const EVENT_NAMES = ['project-changed', 'documents-changed', 'job-progress', 'suggestions-changed'] as const satisfies ReadonlyArray<keyof ApiEvents>
export type EventName = (typeof EVENT_NAMES)[number]

export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name)
}
