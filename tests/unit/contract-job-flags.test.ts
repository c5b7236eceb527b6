import { describe, expect, it } from 'vitest'
import type { Service } from '../../src-main/service'
import { METHODS, type Method } from '../../src-main/shared/api'
import { FactspanError } from '../../src-main/shared/errors'
import { datasetLines, projectWith } from './dataset-helpers'
import { utf8 } from './helpers'

describe("the contract's job flags", () => {
  it("marks as 'write' the methods that change the project, and as 'read' those an annotator may use during an import", () => {
    const writes = Object.entries(METHODS).flatMap(([method, entry]) => (entry.access === 'write' ? [method] : []))
    for (const method of ['spans.add', 'spans.remove', 'labels.add', 'import.files', 'merge.files', 'review.editGold', 'project.open', 'documents.setDone']) {
      expect(writes).toContain(method)
    }
    for (const method of ['documents.list', 'documents.get', 'spans.list', 'labels.list', 'jobs.cancel', 'export.dataset', 'review.agreement']) {
      expect(writes).not.toContain(method)
    }
  })

  it("refuses exactly the 'write' methods while an import runs, before they look at their arguments", async () => {
    const { service, workspace } = projectWith(datasetLines(3))
    const refused = new Set<string>()
    let asked = false
    workspace.onEvent(({ event }) => {
      if (event !== 'job-progress' || asked) return
      asked = true
      for (const method of Object.keys(service) as Array<keyof Service>) {
        try {
          const answer = (service[method] as (args: unknown) => unknown)({})
          if (answer instanceof Promise) answer.catch(() => {})
        } catch (error) {
          if (error instanceof FactspanError && error.code === 'conflict' && /An import is running/.test(error.message)) refused.add(method)
        }
      }
      service['jobs.cancel']({ jobId: 'import-1' })
    })
    const big = Buffer.from(utf8(datasetLines(20_000).map((l) => l.replace(/"d0/g, '"n0')).join('\n'))).toString('base64')
    const report = await service['import.files']({ files: [{ name: 'big.jsonl', base64: big }], jobId: 'import-1' })
    expect(asked).toBe(true)
    expect(report.cancelled).toBe(true)
    const writes = (Object.keys(METHODS) as Method[]).filter((m) => METHODS[m].access === 'write')
    expect([...refused].sort()).toEqual(writes.sort())
  })
})
