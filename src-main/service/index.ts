import type { Api, DesktopMethod } from '../shared/api'
import { agreementMethods } from './agreement'
import { backupMethods } from './backups'
import { datasetMethods } from './datasetExport'
import { documentMethods } from './documents'
import { guidelineMethods } from './guidelines'
import { importMethods } from './import'
import { jobMethods, Jobs } from './jobs'
import { labelMethods } from './labels'
import { mergeMethods } from './merge'
import './nativeHash'
import { progressMethods } from './progress'
import { projectMethods } from './project'
import { relationMethods } from './relations'
import { reviewMethods } from './review'
import { salvageMethods } from './salvage'
import { SettingsFile } from './settings'
import { spanMethods } from './spans'
import { suggestionMethods } from './suggestions'
import { guardStorage } from './storageGuard'
import { Workspace } from './workspace'

/**
 * Every method of the contract but the desktop-only ones (the Electron main process has those), each returning its
 * value or throwing (better-sqlite3 is synchronous); the dispatcher adds validation and envelopes.
 */
export type Service = Omit<Api, DesktopMethod>

export interface ServiceOptions {
  settingsFile: string
  /** Open this project at start. */
  projectPath?: string
  createProject?: boolean
  nativeBinding?: string
  /** How long after a document is finished the suggestion model retrains in the background; negative: never. */
  retrainDelayMs?: number
}

export function createService(options: ServiceOptions): { service: Service; workspace: Workspace } {
  const workspace = new Workspace(new SettingsFile(options.settingsFile), options.nativeBinding)
  if (options.projectPath) workspace.open(options.projectPath, options.createProject ?? false)
  const jobs = new Jobs((event, payload) => workspace.emit(event, payload))
  // While an import holds the write transaction between its steps, the contract's 'write' methods are refused (see jobs.ts).
  const methods = jobs.guard({
    ...projectMethods(workspace),
    ...documentMethods(workspace),
    ...spanMethods(workspace),
    ...labelMethods(workspace),
    ...relationMethods(workspace),
    ...importMethods(workspace, jobs),
    ...datasetMethods(workspace, jobs),
    ...jobMethods(jobs),
    ...mergeMethods(workspace),
    ...reviewMethods(workspace),
    ...agreementMethods(workspace),
    ...backupMethods(workspace, jobs),
    ...salvageMethods(workspace),
    ...guidelineMethods(workspace),
    ...progressMethods(workspace),
    ...suggestionMethods(workspace, jobs, { retrainDelayMs: options.retrainDelayMs }),
  })
  // A full disk, a lock held by another program or a damaged file is told as such, naming the project.
  const service: Service = guardStorage(methods, () => (workspace.isOpen ? workspace.path : undefined))
  return { service, workspace }
}
