import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { importFiles } from '../../src-main/service/import'
import { newProject, utf8 } from './helpers'

// UTF-16 units: 𠮷 0–1, 2 2, 月 3, 2 4, 5 5, 日 6, 😀 7–8, 9 9, 1 10, . 11, 9 12, % 13.
// Code points:  𠮷 0,   2 1, 月 2, 2 3, 5 4, 日 5, 😀 6,   9 7, 1 8, . 9, 9 10, % 11.
const TEXT = '𠮷2月25日😀91.9%'
const labelsRegion = (start: number, end: number, label: string, extra: object = {}) => ({ from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, labels: [label] }, ...extra })

const list = async (service: ReturnType<typeof newProject>['service'], documentId: string, sources?: string[]) =>
  (await service['suggestions.list']({ documentId, sources })).map(({ start, end, label, source, score, text }) => ({ start, end, label, source, score, text }))

describe('imported predictions', () => {
  it('reads Label Studio predictions as suggestions, UTF-16 offsets turned into code points, scored by region or prediction', async () => {
    const { service, workspace } = newProject('alice')
    const tasks = [
      {
        id: 7,
        data: { text: TEXT },
        annotations: [{ completed_by: { email: 'alice@example.com' }, result: [] }],
        predictions: [{ model_version: 'bert', score: 0.7, result: [labelsRegion(2, 7, 'date'), labelsRegion(9, 14, 'metric', { score: 0.95 })] }],
      },
    ]
    const report = importFiles(workspace.database(), [{ name: 'tasks.json', bytes: utf8(JSON.stringify(tasks, null, 2)) }], { annotator: 'alice' })
    expect(report.errors).toEqual([])
    expect(report.imported[0]).toMatchObject({ documents: 1, spans: 0, suggestions: 2 })
    expect(await list(service, '7', ['imported'])).toEqual([
      { start: 1, end: 6, label: 'date', source: 'imported', score: 0.7, text: '2月25日' },
      { start: 7, end: 12, label: 'metric', source: 'imported', score: 0.95, text: '91.9%' },
    ])
    expect(service['spans.list']({ documentId: '7' })).toEqual([])
  })

  it('imports any format as suggestions: a CoNLL file of a model run elsewhere pre-annotates without making spans', async () => {
    const { service, workspace } = newProject('alice')
    // One character a line, BIO tags; 😀 is one line, one code point.
    const rows = [...'𠮷2月25日😀'].map((c, i) => `${c}\t${i === 1 ? 'B-date' : i > 1 && i < 6 ? 'I-date' : 'O'}`)
    const report = importFiles(workspace.database(), [{ name: 'model-output.bio', bytes: utf8(`${rows.join('\n')}\n`) }], { annotator: 'alice', format: 'bio', as: 'suggestions' })
    expect(report.errors).toEqual([])
    expect(report.imported[0]).toMatchObject({ documents: 1, spans: 0, suggestions: 1 })
    const [id] = service['documents.list']({}).map((d) => d.id)
    expect(await list(service, id, ['imported'])).toEqual([{ start: 1, end: 6, label: 'date', source: 'imported', score: 1, text: '2月25日' }])
    expect(service['spans.list']({ documentId: id })).toEqual([])
  })

  it('refuses a native suggestion outside the text, naming the file, line and reason, and imports nothing of the file', () => {
    const { workspace } = newProject('alice')
    const line = JSON.stringify({ id: 'x', text: TEXT, suggestions: [{ start: 6, end: 13, label: 'metric' }] })
    const report = importFiles(workspace.database(), [{ name: 'bad.jsonl', bytes: utf8(`${line}\n`) }], { annotator: 'alice' })
    expect(report.imported).toEqual([])
    expect(report.errors).toEqual([
      expect.objectContaining({ file: 'bad.jsonl', line: 1, reason: expect.stringContaining("suggestions[0] has start 6 and end 13, but offsets must satisfy 0 ≤ start < end ≤ 12") }),
    ])
  })
})

describe('the external recommender', () => {
  const servers: http.Server[] = []
  afterEach(() => {
    for (const server of servers.splice(0)) server.close()
  })

  /** A recommender on a free port that answers `answer` for each document it is sent, and remembers what it was sent. */
  async function recommender(answer: (document: { id: string; text: string }) => unknown, status = 200) {
    const received: unknown[] = []
    const server = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        const parsed = JSON.parse(body) as { document: { id: string; text: string } }
        received.push(parsed)
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(answer(parsed.document)))
      })
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/recommend`, received }
  }

  function project() {
    const created = newProject('alice')
    importFiles(created.workspace.database(), [{ name: 'doc.txt', bytes: utf8(TEXT) }], { annotator: 'alice' })
    return created
  }

  it('is off by default; switched on, it is sent the document and its spans (code points) are suggestions', async () => {
    const { service } = project()
    const { url, received } = await recommender(() => ({ spans: [{ start: 6, end: 12, label: 'metric', score: 0.4 }] }))
    expect(service['suggestions.settings']({}).external).toEqual({ enabled: false, url: '' })
    expect(service['suggestions.settings']({}).sources.external).toBe(false)
    expect(await list(service, 'doc', ['external'])).toEqual([])
    expect(received).toEqual([])

    service['suggestions.configure']({ external: { enabled: true, url } })
    expect(await list(service, 'doc', ['external'])).toEqual([{ start: 6, end: 12, label: 'metric', source: 'external', score: 0.4, text: '😀91.9%' }])
    expect(received).toEqual([{ document: { id: 'doc', text: TEXT } }])
  })

  it('says clearly what is wrong with a bad answer or a failing server', async () => {
    const { service } = project()
    const outside = await recommender(() => ({ spans: [{ start: 6, end: 13, label: 'metric' }] }))
    service['suggestions.configure']({ external: { enabled: true, url: outside.url } })
    await expect(service['suggestions.list']({ documentId: 'doc', sources: ['external'] })).rejects.toThrow(`The external recommender at ${outside.url}: spans[0] has offsets 6–13 outside the document (length 12 code points).`)
    const failing = await recommender(() => ({ error: 'no model' }), 500)
    service['suggestions.configure']({ external: { enabled: true, url: failing.url } })
    await expect(service['suggestions.list']({ documentId: 'doc', sources: ['external'] })).rejects.toThrow(`The external recommender at ${failing.url} answered 500`)
    // The local sources answer all the same.
    expect((await list(service, 'doc', ['rule'])).map((s) => s.text)).toEqual(['2月25日', '91.9%'])
  })
})
