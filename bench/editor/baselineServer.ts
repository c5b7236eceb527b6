// A static server on loopback for the baseline pages and the generated documents they fetch (/data/<id>.json).
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { BenchDocumentData } from './protocol'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
}

export interface BaselineServer {
  url: string
  close(): Promise<void>
}

export async function serveBaselines(pagesDir: string, documents: readonly BenchDocumentData[]): Promise<BaselineServer> {
  const data = new Map(documents.map((d) => [`/data/${d.id}.json`, JSON.stringify(d)]))
  const root = path.resolve(pagesDir)
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const json = data.get(pathname)
    if (json !== undefined) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.json'] })
      return response.end(json)
    }
    const file = path.resolve(root, `.${pathname}`)
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      return response.end(`${pathname}: not found`)
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
