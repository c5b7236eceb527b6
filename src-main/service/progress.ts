// Who has finished what, per annotator: the progress view's charts and `factspan stats` read the same figures.
import type { ReadableDB } from '../store/db'
import type { Api, TeamProgress } from '../shared/api'
import { LAYER_STATUSES, type LayerStatus } from '../shared/model'
import { listLabels } from '../store/labels'
import { finishedLayers, layerAnnotators, statusTable } from '../store/layerStatus'
import { countSpansByAnnotatorAndLabel } from '../store/spans'
import { projectAgreement } from './agreement'
import type { Workspace } from './workspace'

export function teamProgress(db: ReadableDB): TeamProgress {
  const annotators = layerAnnotators(db)
  const labels = listLabels(db).map((l) => l.name)
  const rows = statusTable(db, annotators)
  const byStatus: TeamProgress['byStatus'] = {}
  const spansByLabel: TeamProgress['spansByLabel'] = {}
  for (const name of annotators) {
    byStatus[name] = Object.fromEntries(LAYER_STATUSES.map((s) => [s, 0])) as Record<LayerStatus, number>
    spansByLabel[name] = Object.fromEntries(labels.map((label) => [label, 0]))
  }
  for (const row of rows) for (const name of annotators) byStatus[name][row.statuses[name]]++
  for (const { annotator, label, count } of countSpansByAnnotatorAndLabel(db)) {
    if (spansByLabel[annotator]) spansByLabel[annotator][label] = count
  }

  // Cumulative per day: each day's entry counts every layer finished by its end.
  const finishedOverTime: TeamProgress['finishedOverTime'] = []
  const running: Record<string, number> = Object.fromEntries(annotators.map((name) => [name, 0]))
  for (const { annotator, doneAt } of finishedLayers(db)) {
    if (!(annotator in running)) continue
    const day = doneAt.slice(0, 10)
    running[annotator]++
    const last = finishedOverTime[finishedOverTime.length - 1]
    if (last?.day === day) last.finished = { ...running }
    else finishedOverTime.push({ day, finished: { ...running } })
  }

  let agreement: TeamProgress['agreement'] = null
  if (annotators.length >= 2) {
    const report = projectAgreement(db, { annotators })
    agreement = {
      counted: report.documents,
      leftOut: report.leftOut.length,
      labels: Object.fromEntries(report.labels.map((label) => [label, { overlapF1: report.group.labels[label].overlapF1, unitizedAlpha: report.group.labels[label].unitizedAlpha }])),
    }
  }
  return { annotators, labels, documents: rows.length, byStatus, spansByLabel, finishedOverTime, agreement }
}

export function progressMethods(ws: Workspace): Pick<Api, 'project.progress'> {
  return { 'project.progress': () => teamProgress(ws.database()) }
}
