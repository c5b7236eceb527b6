import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { JobCancelled, runJobSync, type Job } from '../../src-main/service/jobs'
import type { Label } from '../../src-main/shared/model'
import { readTransaction, readTransactionSteps, writeTransaction, writeTransactionSteps, type WritableDB } from '../../src-main/store/db'
import { addMissingLabels, listLabels } from '../../src-main/store/labels'
import { openProject, openProjectReadOnly } from '../../src-main/store/open'
import { tempDir } from './helpers'

const label = (name: string): Label => ({ name, color: '#123456', hotkey: '', description: '' })

/** A new project on disk with no labels, and a second, read-only connection to the same file. */
function project(): { db: WritableDB; file: string; names: () => string[] } {
  const file = path.join(tempDir(), 'transactions.factspan')
  const db = openProject(file, { create: true })
  return { db, file, names: () => listLabels(db).map((l) => l.name) }
}

function namesSeenBy(file: string): string[] {
  const other = openProjectReadOnly(file, { verify: false })
  try {
    return listLabels(other).map((l) => l.name)
  } finally {
    other.close()
  }
}

describe('writeTransaction', () => {
  it('commits what the body wrote, for another connection to see', () => {
    const { db, file } = project()
    expect(writeTransaction(db, () => addMissingLabels(db, [label('指标𠮷')]))).toEqual(['指标𠮷'])
    expect(namesSeenBy(file)).toEqual(['指标𠮷'])
  })

  it('rolls back everything the body wrote when it throws, and rethrows', () => {
    const { db, file, names } = project()
    expect(() =>
      writeTransaction(db, () => {
        addMissingLabels(db, [label('metric'), label('date')])
        throw new Error('half way')
      }),
    ).toThrow('half way')
    expect(names()).toEqual([])
    expect(namesSeenBy(file)).toEqual([])
    expect(db.inTransaction).toBe(false)
  })

  it('nests as a savepoint: an inner failure the outer body catches undoes only the inner work', () => {
    const { db, names } = project()
    writeTransaction(db, () => {
      addMissingLabels(db, [label('outer')])
      try {
        writeTransaction(db, () => {
          addMissingLabels(db, [label('inner')])
          throw new Error('inner fails')
        })
      } catch {
        // The outer transaction goes on.
      }
      expect(db.inTransaction).toBe(true)
    })
    expect(names()).toEqual(['outer'])
  })
})

describe('readTransaction', () => {
  it('reads one state of the project while another connection commits', () => {
    const { db, file } = project()
    const reader = openProjectReadOnly(file, { verify: false })
    try {
      const [before, after] = readTransaction(reader, () => {
        const first = listLabels(reader).length
        writeTransaction(db, () => addMissingLabels(db, [label('added meanwhile')]))
        return [first, listLabels(reader).length]
      })
      // Both reads inside the transaction saw no label; the next read outside it sees the new one.
      expect([before, after]).toEqual([0, 0])
      expect(listLabels(reader)).toHaveLength(1)
    } finally {
      reader.close()
    }
  })
})

describe('writeTransactionSteps (a job holding a transaction across its steps)', () => {
  function* addOnePerStep(db: WritableDB, names: string[]): Job<number> {
    for (const [i, name] of names.entries()) {
      addMissingLabels(db, [label(name)])
      yield { done: i + 1, total: names.length }
    }
    return names.length
  }

  it('commits when the steps return, and nothing is seen before', () => {
    const { db, file, names } = project()
    const job = writeTransactionSteps(db, () => addOnePerStep(db, ['a1', 'b2']))
    job.next()
    expect(namesSeenBy(file)).toEqual([])
    expect(runJobSync(job)).toBe(2)
    expect(names()).toEqual(['a1', 'b2'])
    expect(db.inTransaction).toBe(false)
  })

  it('rolls back when a cancel is thrown into it between steps', () => {
    const { db, names } = project()
    const job = writeTransactionSteps(db, () => addOnePerStep(db, ['a1', 'b2', 'c3']))
    job.next()
    job.next()
    expect(() => job.throw(new JobCancelled())).toThrow(JobCancelled)
    expect(names()).toEqual([])
    expect(db.inTransaction).toBe(false)
  })

  it('rolls back when a step throws, and when the job is abandoned half way', () => {
    const { db, names } = project()
    const failing = writeTransactionSteps(db, function* () {
      addMissingLabels(db, [label('x')])
      yield { done: 0, total: 1 }
      throw new Error('bad line')
    })
    expect(() => runJobSync(failing)).toThrow('bad line')
    expect(names()).toEqual([])

    const abandoned = writeTransactionSteps(db, () => addOnePerStep(db, ['a1', 'b2']))
    abandoned.next()
    abandoned.return(0)
    expect(names()).toEqual([])
    expect(db.inTransaction).toBe(false)
  })

  it('refuses to start inside another transaction, leaving that one as it was', () => {
    const { db, names } = project()
    writeTransaction(db, () => {
      addMissingLabels(db, [label('kept')])
      expect(() => runJobSync(writeTransactionSteps(db, () => addOnePerStep(db, ['never'])))).toThrow(/cannot start inside another transaction/)
    })
    expect(names()).toEqual(['kept'])
  })
})

describe('readTransactionSteps', () => {
  it('reads one snapshot across its steps while the writer goes on committing', () => {
    const { db, file } = project()
    const reader = openProjectReadOnly(file, { verify: false })
    try {
      const job = readTransactionSteps(reader, function* () {
        const seen = [listLabels(reader).length]
        yield { done: 1, total: 2 }
        seen.push(listLabels(reader).length)
        return seen
      })
      job.next()
      writeTransaction(db, () => addMissingLabels(db, [label('between steps')]))
      expect(runJobSync(job)).toEqual([0, 0])
      expect(reader.inTransaction).toBe(false)
    } finally {
      reader.close()
    }
  })
})

describe('handle types', () => {
  it('keep a read-only connection away from writers (checked by the type checker)', () => {
    const { file } = project()
    const reader = openProjectReadOnly(file, { verify: false })
    try {
      // @ts-expect-error A ReadableDB is not a WritableDB: writers refuse it at compile time.
      expect(() => addMissingLabels(reader, [label('x')])).toThrow()
      // Nor can a reader open a write transaction (only compiled, never run).
      // @ts-expect-error A ReadableDB has no place in writeTransaction.
      const refused = () => writeTransaction(reader, () => 0)
      expect(typeof refused).toBe('function')
    } finally {
      reader.close()
    }
  })
})
