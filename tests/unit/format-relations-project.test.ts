// The relation fixtures through a real project file: imported as a user imports them, stored, and exported again.
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import type { ExportFormat } from '../../src-main/shared/api'
import { codecs } from '../../src-main/shared/formats'
import { defaults, fixture, projectRecords } from './format-helpers'
import { FIXTURE_LINKS as LINKS, inOrder as order, linksOf } from './format-relations-helpers'
import { exportedText, newProject, utf8 } from './helpers'

const FILES: Record<string, Array<{ name: string; bytes: Uint8Array }>> = {
  native: [{ name: 'native.jsonl', bytes: utf8(fixture('relations/native.jsonl')) }],
  doccano: [{ name: 'doccano.jsonl', bytes: utf8(fixture('relations/doccano.jsonl')) }],
  prodigy: [{ name: 'prodigy.jsonl', bytes: utf8(fixture('relations/prodigy.jsonl')) }],
  labelstudio: [{ name: 'labelstudio.json', bytes: utf8(fixture('relations/labelstudio.json')) }],
  brat: [
    { name: 'report.txt', bytes: utf8(fixture('relations/brat/report.txt')) },
    { name: 'report.ann', bytes: utf8(fixture('relations/brat/report.ann')) },
  ],
}

// The Label Studio fixture leaves 增長5% → 𠮷野家 without a label, so it arrives as "related".
const expected = (source: string) => order(source === 'labelstudio' ? LINKS.map((l) => (l[0] === '增長5%' ? ['增長5%', 'related', '𠮷野家'] : l)) : LINKS)

describe('relations of other tools’ files, through a project', () => {
  it.each(Object.keys(FILES))('imports the relations of the %s fixture and keeps them in a native export', async (source) => {
    const { service, workspace } = newProject()
    const report = importFiles(workspace.database(), FILES[source], { annotator: 'zed' })
    expect(report.errors).toEqual([])
    expect(report.imported.map((f) => [f.documents, f.spans, f.relations])).toEqual([[1, 6, 5]])
    const [record] = await projectRecords(service)
    expect(linksOf(record)).toEqual(expected(source))
  })

  it.each(['native', 'doccano', 'prodigy', 'labelstudio'] as ExportFormat[])('exports the stored relations as %s, and they read back the same', async (format) => {
    const { service, workspace } = newProject()
    importFiles(workspace.database(), FILES.brat, { annotator: 'zed' })
    const text = await exportedText(service, { format })
    const [record] = codecs[format].parse({ name: `again${codecs[format].extensions[0]}`, text }, defaults).records
    expect(linksOf(record)).toEqual(order(LINKS))
  })

  it('says on export how many relations CLUENER left out', async () => {
    const { service, workspace } = newProject()
    importFiles(workspace.database(), FILES.doccano, { annotator: 'zed' })
    const { warnings } = await service['export.dataset']({ format: 'clue' })
    expect(warnings.map((w) => w.reason)).toEqual(['CLUENER has no place for relations: left out 5 relation(s)'])
  })
})
