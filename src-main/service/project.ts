import fs from 'node:fs'
import path from 'node:path'
import type { Api, ProjectStats } from '../shared/api'
import { FactspanError } from '../shared/errors'
import { DOCUMENT_STATUSES, type ProjectInfo } from '../shared/model'
import { countDocuments } from '../store/documents'
import { countDocumentsByStatus } from '../store/layerStatus'
import { listLabels } from '../store/labels'
import { countRelationsByType } from '../store/relations'
import { countSpansByLabel, listAnnotators } from '../store/spans'
import type { Workspace } from './workspace'

export function projectInfo(ws: Workspace): ProjectInfo {
  const db = ws.database()
  return {
    path: ws.path,
    name: path.basename(ws.path, '.factspan'),
    annotator: ws.settings.annotator,
    annotatorConfirmed: ws.settings.annotatorConfirmed,
    labels: listLabels(db),
    documentCount: countDocuments(db),
    recentProjects: ws.settings.recentProjects,
    readOnly: db.readonly,
  }
}

export function projectStats(ws: Workspace): ProjectStats {
  const db = ws.database()
  const byStatus = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as ProjectStats['byStatus']
  // The project as a whole: a document is done once every annotator who began it has finished it.
  for (const [status, count] of countDocumentsByStatus(db)) byStatus[status as keyof typeof byStatus] = count
  const byLabel = Object.fromEntries(countSpansByLabel(db).map((row) => [row.label, row.count]))
  const byRelationType = Object.fromEntries(countRelationsByType(db).map((row) => [row.type, row.count]))
  return {
    documents: countDocuments(db),
    byStatus,
    spans: Object.values(byLabel).reduce((a, b) => a + b, 0),
    byLabel,
    relations: Object.values(byRelationType).reduce((a, b) => a + b, 0),
    byRelationType,
    annotators: listAnnotators(db),
  }
}

export function projectMethods(ws: Workspace): Pick<Api, 'project.info' | 'project.open' | 'project.create' | 'project.setAnnotator' | 'project.stats'> {
  return {
    'project.info': () => {
      const reopenFailed = ws.reopenFailed
      ws.reopenFailed = undefined
      return { ...projectInfo(ws), ...(reopenFailed && { reopenFailed }) }
    },
    'project.open': ({ path: file }) => {
      ws.open(file, false)
      return projectInfo(ws)
    },
    'project.create': ({ path: file }) => {
      // Creating over an existing project would silently open it instead; say so rather than surprise.
      if (fs.existsSync(file)) throw new FactspanError('conflict', `${path.resolve(file)} exists already: open it instead.`)
      ws.open(file, true)
      return projectInfo(ws)
    },
    'project.setAnnotator': ({ name }) => {
      ws.settings.setAnnotator(name)
      return projectInfo(ws)
    },
    'project.stats': () => projectStats(ws),
  }
}
