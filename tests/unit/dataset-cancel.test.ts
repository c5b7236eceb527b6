import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportDataset } from '../../src-main/service/datasetExport'
import { importJob } from '../../src-main/service/importJob'
import { JobCancelled, runJob, type JobStep } from '../../src-main/service/jobs'
import type { ApiError, JobProgress } from '../../src-main/shared/api'
import { FactspanError } from '../../src-main/shared/errors'
import { parseSplitSpec } from '../../src-main/shared/splitSpec'
import { at, datasetLines, filesIn, projectWith } from './dataset-helpers'
import { newProject, utf8 } from './helpers'

/** Cancels a job once it reports having done `after` of its work. */
function cancelAfter(after: number) {
  const controller = new AbortController()
  return { signal: controller.signal, reportMs: 0, onProgress: (step: JobStep) => step.done >= after && controller.abort() }
}

const counts = (db: ReturnType<ReturnType<typeof newProject>['workspace']['database']>) =>
  db.prepare("SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM spans) AS spans, (SELECT group_concat(name) FROM (SELECT name FROM labels ORDER BY name)) AS labels").get()

describe('cancelling an export', () => {
  const lines = datasetLines(8000)

  it('leaves no file and no temporary file, for one file, splits or a brat folder', async () => {
    const { workspace, dir, file } = projectWith(lines)
    const db = workspace.database()
    await expect(exportDataset(db, { format: 'native' }, at(dir, 'all.jsonl'), file, cancelAfter(2000))).rejects.toBeInstanceOf(JobCancelled)
    // Cancelled past its first split, the bio export had written that split whole to a temporary file.
    await expect(exportDataset(db, { format: 'bio', split: parseSplitSpec('train=0.5,test=0.5') }, at(dir, 'set.bio'), file, cancelAfter(5000))).rejects.toBeInstanceOf(JobCancelled)
    await expect(exportDataset(db, { format: 'brat' }, at(dir, 'corpus'), file, cancelAfter(1000))).rejects.toBeInstanceOf(JobCancelled)
    expect(filesIn(dir)).toEqual([])
    expect(db.inTransaction).toBe(false)
  })
})

describe('cancelling an import', () => {
  it('rolls back the file it was on whole, keeps the files before it, and reads none after it', async () => {
    const { workspace, dir } = newProject()
    const db = workspace.database()
    fs.writeFileSync(at(dir, 'a.jsonl'), datasetLines(10).join('\n'))
    // The big file brings a label the project lacks: cancelled, the label must not stay behind either.
    fs.writeFileSync(at(dir, 'b.jsonl'), datasetLines(20_000).map((l) => l.replace(/"measure"/g, '"price"').replace(/"d0/g, '"b0')).join('\n'))
    fs.writeFileSync(at(dir, 'c.txt'), '之后的文件')
    const sources = ['a.jsonl', 'b.jsonl', 'c.txt'].map((name) => ({ name, path: at(dir, name) }))
    const before = { documents: 10, spans: expect.any(Number), labels: 'date,measure,metric,organization' }

    const report = await runJob(importJob(db, sources, { annotator: 'alice' }), cancelAfter(1.2))
    expect(report.cancelled).toBe(true)
    expect(report.imported.map((f) => f.file)).toEqual(['a.jsonl'])
    expect(report.errors).toEqual([{ file: 'b.jsonl', reason: 'import cancelled: nothing of this file was imported', message: 'b.jsonl: import cancelled: nothing of this file was imported' }])
    expect(counts(db)).toEqual(before)
    expect(db.inTransaction).toBe(false)
  })
})

describe('jobs in the app', () => {
  it('cancels an export by its job id on its first progress event, and the export rejects as cancelled', async () => {
    const { service, workspace } = projectWith(datasetLines(8000))
    const events: JobProgress[] = []
    workspace.onEvent((message) => {
      // On a slow machine the hashing of the project file, before the documents, reports progress first.
      if (message.event !== 'job-progress' || message.payload.total !== 8000) return
      events.push(message.payload)
      if (events.length === 1) expect(service['jobs.cancel']({ jobId: 'export-1' })).toBe(true)
    })
    const error = await service['export.dataset']({ format: 'native', jobId: 'export-1' }).catch((e: FactspanError) => e)
    expect(error).toBeInstanceOf(FactspanError)
    expect((error as FactspanError).code).toBe<ApiError['code']>('cancelled')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ jobId: 'export-1', kind: 'export', total: 8000 })
    expect(service['jobs.cancel']({ jobId: 'export-1' })).toBe(false)
  })

  it('a cancel that arrives before its export starts stops it, and only that one', async () => {
    const { service } = projectWith(datasetLines(20))
    expect(service['jobs.cancel']({ jobId: 'early' })).toBe(false)
    const error = await service['export.dataset']({ format: 'native', jobId: 'early' }).catch((e: FactspanError) => e)
    expect((error as FactspanError).code).toBe<ApiError['code']>('cancelled')
    const next = await service['export.dataset']({ format: 'native', jobId: 'later' })
    expect(next.files[0].content.trim().split('\n')).toHaveLength(20)
  })

  it('refuses edits while an import runs, and a cancelled import leaves the project as it was', async () => {
    const { service, workspace } = projectWith(datasetLines(3))
    const db = workspace.database()
    const before = counts(db)
    let refused: unknown
    workspace.onEvent(({ event }) => {
      if (event !== 'job-progress') return
      try {
        service['spans.add']({ documentId: 'd00000', start: 0, end: 1, label: 'metric' })
      } catch (error) {
        refused = error
      }
      service['jobs.cancel']({ jobId: 'import-1' })
    })
    const big = Buffer.from(utf8(datasetLines(20_000).map((l) => l.replace(/"d0/g, '"n0')).join('\n'))).toString('base64')
    const report = await service['import.files']({ files: [{ name: 'big.jsonl', base64: big }], jobId: 'import-1' })
    expect(report.cancelled).toBe(true)
    expect(refused).toMatchObject({ code: 'conflict', message: 'An import is running: wait for it to end, or cancel it, then try again.' })
    expect(counts(db)).toEqual(before)
    // Once the import is over, edits go through again.
    expect(service['spans.add']({ documentId: 'd00000', start: 0, end: 1, label: 'metric' })).toMatchObject({ documentId: 'd00000' })
  })
})
