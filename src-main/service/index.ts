import type { Api } from '../shared/api'
import { documentMethods } from './documents'
import { exportMethods } from './export'
import { importMethods } from './import'
import { projectMethods } from './project'
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
    ...importMethods(workspace),
    ...exportMethods(workspace),
  }
  return { service, workspace }
}
