import { Option } from 'commander'
import { createService } from '../service'
import { defaultSettingsFile } from '../service/settings'

export const dbOption = () => new Option('--db <file>', 'project file').default('project.factspan')

/** Opens the project named by --db with the user's settings; `create` for commands that may start one. */
export function openForCommand(db: string, create = false) {
  return createService({ settingsFile: defaultSettingsFile(), projectPath: db, createProject: create })
}
