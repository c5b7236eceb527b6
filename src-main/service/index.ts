import type { Api } from '../shared/api'
import { agreementMethods } from './agreement'
import { documentMethods } from './documents'
import { exportMethods } from './export'
import { importMethods } from './import'
import { labelMethods } from './labels'
import { mergeMethods } from './merge'
import { projectMethods } from './project'
import { reviewMethods } from './review'
import { SettingsFile } from './settings'
import { spanMethods } from './spans'
import { Workspace } from './workspace'

/** Every method of the contract, each returning its value or throwing (better-sqlite3 is synchronous); the bridges add validation and envelopes. */
export type Service = Api

export interface ServiceOptions {
  settingsFile: string
  /** Open this project at start. */
  projectPath?: string
  createProject?: boolean
  nativeBinding?: string
}

export function createService(options: ServiceOptions): { service: Service; workspace: Workspace } {
  const workspace = new Workspace(new SettingsFile(options.settingsFile), options.nativeBinding)
  if (options.projectPath) workspace.open(options.projectPath, options.createProject ?? false)
  const service: Service = {
    ...projectMethods(workspace),
    ...documentMethods(workspace),
    ...spanMethods(workspace),
    ...labelMethods(workspace),
    ...importMethods(workspace),
    ...exportMethods(workspace),
    ...mergeMethods(workspace),
    ...reviewMethods(workspace),
    ...agreementMethods(workspace),
  }
  return { service, workspace }
}
