import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { mergeFiles } from '../../src-main/service/merge'
import { HOTKEY_ORDER } from '../../src-main/shared/hotkeys'
import { labelsToAdd, MAX_LABELS } from '../../src-main/shared/labelSet'
import { DEFAULT_LABELS } from '../../src-main/shared/model'
import { listLabels } from '../../src-main/store/labels'
import { newProject, utf8 } from './helpers'

/** A native JSONL line whose one-character spans carry the given labels, one after another. */
function line(id: string, labels: string[]): string {
  const text = '𠮷'.repeat(Math.max(1, labels.length))
  return JSON.stringify({ id, text, spans: labels.map((label, i) => ({ start: i, end: i + 1, label })) })
}

const labelNames = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `L${from + i}`)

describe('labels that arrive with data or by hand get one rule', () => {
  it('gives the wanted hotkey when it is free, else the next free one, each name once', () => {
    const { added, over } = labelsToAdd(DEFAULT_LABELS, [{ name: 'brand', hotkey: '1' }, { name: 'person', hotkey: 'p', color: '#123456' }, { name: 'brand' }, { name: 'date' }])
    expect(added.map((l) => [l.name, l.hotkey, l.color])).toEqual([
      ['brand', '5', '#f97316'],
      ['person', 'p', '#123456'],
    ])
    expect(over).toEqual([])
  })

  it('stops at the project limit and names the labels that did not fit', () => {
    const { added, over } = labelsToAdd(DEFAULT_LABELS, labelNames(28).map((name) => ({ name })))
    expect(added).toHaveLength(MAX_LABELS - 4)
    expect(over).toEqual(['L27', 'L28'])
  })

  it('import gives the tenth label and after the keys 0, then letters, as the label editor does', () => {
    const { workspace } = newProject()
    const report = importFiles(workspace.database(), [{ name: 'a.jsonl', bytes: utf8(line('a', labelNames(8)) + '\n') }], { annotator: 'alice' })
    expect(report.errors).toEqual([])
    expect(listLabels(workspace.database()).map((l) => l.hotkey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'b', 'c'])
  })

  it('import refuses a file whose labels do not fit, naming the line, and leaves the project as it was', () => {
    const { workspace } = newProject()
    const db = workspace.database()
    const content = [line('a', ['metric']), line('b', labelNames(27))].join('\n') + '\n'
    const report = importFiles(db, [{ name: 'many.jsonl', bytes: utf8(content) }], { annotator: 'alice' })
    expect(report.errors.map((e) => e.message)).toEqual([
      'many.jsonl:2: a project keeps at most 30 labels and this one has 4, so there is no room for "L27": rename or remove labels first',
    ])
    expect(listLabels(db)).toHaveLength(4)
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0)
  })

  it('lenient import keeps the spans whose labels fit and lists the others with their line', () => {
    const { workspace } = newProject()
    const db = workspace.database()
    const report = importFiles(db, [{ name: 'many.jsonl', bytes: utf8(line('b', labelNames(27)) + '\n') }], { annotator: 'alice', lenient: true })
    expect(report.imported[0]).toMatchObject({ documents: 1, spans: 26 })
    expect(report.warnings.map((w) => w.message)).toEqual([
      'many.jsonl:1: label "L27" of the span at 26–27: no room, a project keeps at most 30 labels; left out',
    ])
    expect(listLabels(db)).toHaveLength(30)
  })

  it('merge refuses a file whose labels do not fit, and adds labels with the same colours and keys as import', () => {
    const { workspace, dir } = newProject('reviewer')
    const db = workspace.database()
    const many = path.join(dir, 'many.jsonl')
    fs.writeFileSync(many, line('b', labelNames(27)) + '\n')
    const report = mergeFiles(db, [{ name: 'many.jsonl', path: many }], { annotator: 'carol' })
    expect(report.problems.map((p) => p.message)).toEqual([
      'many.jsonl: a project keeps at most 30 labels and this one has 4, so there is no room for "L27": rename or remove labels first',
    ])
    const few = path.join(dir, 'few.jsonl')
    fs.writeFileSync(few, line('c', labelNames(6)) + '\n')
    expect(mergeFiles(db, [{ name: 'few.jsonl', path: few }], { annotator: 'carol' }).newLabels).toEqual(labelNames(6))
    expect(listLabels(db).slice(4).map((l) => [l.hotkey, l.color])).toEqual([
      ['5', '#f97316'],
      ['6', '#06b6d4'],
      ['7', '#ec4899'],
      ['8', '#64748b'],
      ['9', '#ef4444'],
      ['0', '#14b8a6'],
    ])
  })
})

// Written out by hand: the four default labels hold 1–4, so 26 new ones take 5–9, 0 and then every letter but the
// editor's own a, l, y, n, s and r (20 letters): 30 labels, the limit, each with a key.
const KEYS_AFTER_DEFAULTS = ['5', '6', '7', '8', '9', '0', ...'bcdefghijkmopqtuvwxz']

describe('the one rule gives labels keys the editor does not keep for itself', () => {
  it('never gives a, l, y, n, s or r, and still serves every label up to the limit', () => {
    const { added, over } = labelsToAdd([], labelNames(MAX_LABELS).map((name) => ({ name })))
    expect(added.map((l) => l.hotkey)).toEqual([...'1234567890', ...'bcdefghijkmopqtuvwxz'])
    expect(over).toEqual([])
    expect(HOTKEY_ORDER).toHaveLength(MAX_LABELS)
    for (const key of ['a', 'l', 'y', 'n', 's', 'r']) expect(HOTKEY_ORDER).not.toContain(key)
  })

  it('does not keep a reserved key another project gave a label, and labels.add refuses one', () => {
    const { added } = labelsToAdd(DEFAULT_LABELS, [{ name: 'suggested', hotkey: 's' }, { name: 'relation', hotkey: 'R' }, { name: 'yes', hotkey: 'y' }])
    expect(added.map((l) => l.hotkey)).toEqual(['5', '6', '7'])
    const { service } = newProject()
    for (const key of ['y', 'n', 's', 'r', 'S']) {
      expect(() => service['labels.add']({ name: '𠮷', hotkey: key })).toThrow(`"${key.toLowerCase()}" is an editor shortcut`)
    }
  })

  it('gives the same keys to 26 new labels by import, by merge and by labels.add', async () => {
    const names = labelNames(26)
    const imported = newProject()
    expect(importFiles(imported.workspace.database(), [{ name: 'many.jsonl', bytes: utf8(line('a', names) + '\n') }], { annotator: 'alice' }).errors).toEqual([])

    const merged = newProject('reviewer')
    const file = path.join(merged.dir, 'many.jsonl')
    fs.writeFileSync(file, line('a', names) + '\n')
    expect(mergeFiles(merged.workspace.database(), [{ name: 'many.jsonl', path: file }], { annotator: 'carol' }).newLabels).toEqual(names)

    const added = newProject()
    for (const name of names) await added.service['labels.add']({ name })

    for (const { workspace } of [imported, merged, added]) {
      const labels = listLabels(workspace.database())
      expect(labels.map((l) => l.name)).toEqual([...DEFAULT_LABELS.map((l) => l.name), ...names])
      expect(labels.slice(4).map((l) => l.hotkey)).toEqual(KEYS_AFTER_DEFAULTS)
    }
  })
})
