// Browser mode: the same contract as the Electron IPC bridge, over HTTP on loopback, behind an access token.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { methodNames, type Result } from '../shared/api'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_COOKIE, HTTP_TOKEN_HEADER } from '../shared/bridge-protocol'
import type { Service } from '../service'
import type { Workspace } from '../service/workspace'
import { dispatcher, failure } from './dispatch'
import { CONTENT_SECURITY_POLICY, contentTypeOf, staticFilePath } from './staticFiles'

export interface HttpBridgeOptions {
  service: Service
  workspace: Workspace
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
}

export interface HttpBridge {
  /** The address to open, with the access token. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/**
 * The largest request body: the app sends files to import in batches of at most 48 MB (64 MB as base64), and a
 * larger single file is for the command line, which reads it from disk a line at a time.
 */
export const MAX_BODY_BYTES = 100 * 1024 * 1024
const TEXT = 'text/plain; charset=utf-8'

export function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const staticDir = path.resolve(options.staticDir)
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    return Promise.reject(new Error(`${staticDir}/index.html is missing: run "npm run build" first.`))
  }
  const dispatch = dispatcher(options.service)
  // One route per method of the contract's list; the desktop-only ones answer that they are not here.
  const routes = new Map(methodNames.map((method) => [HTTP_API_PREFIX + method, method]))
  const streams = new Set<http.ServerResponse>()
  const unsubscribe = options.workspace.onEvent((message) => {
    for (const stream of streams) stream.write(`data: ${JSON.stringify(message)}\n\n`)
  })

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('factspan serve:', error)
      if (!response.headersSent) send(response, 500, TEXT, 'Internal error')
      else response.end()
    })
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port
    const ours = [`127.0.0.1:${port}`, `localhost:${port}`]
    // Refuse other Host names, so a web page cannot reach us through DNS rebinding, and requests from other origins.
    if (!ours.includes(request.headers.host ?? '')) return send(response, 403, TEXT, 'Forbidden host')
    const origin = request.headers.origin
    if (origin !== undefined && !ours.some((host) => origin === `http://${host}`)) return send(response, 403, TEXT, 'Forbidden origin')
    // The path as sent, not as URL parsing would tidy it: a `..` in it must be refused, not quietly resolved.
    const target = request.url ?? '/'
    const query = target.indexOf('?')
    const pathname = query < 0 ? target : target.slice(0, query)
    const params = new URLSearchParams(query < 0 ? '' : target.slice(query + 1))
    const given = params.get('token')
    if (given !== null && request.method === 'GET') {
      if (!sameToken(given, token)) return send(response, 403, TEXT, 'Wrong access token')
      // Trade the token in the address for a cookie, so it leaves the address bar and history. The rest of the
      // address stays, but never as `//host`, which a browser would take for another site.
      params.delete('token')
      const location = (/^\/(?![/\\])/.test(pathname) ? pathname : '/') + (params.size > 0 ? `?${params}` : '')
      response.writeHead(303, { location, 'set-cookie': `${HTTP_TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict` })
      return void response.end()
    }
    if (!isAuthorized(request, token)) {
      return send(response, 401, TEXT, 'Open the address printed by "factspan serve": it carries the access token.')
    }
    if (pathname.startsWith(HTTP_API_PREFIX)) {
      if (request.method !== 'POST') return sendAllowing(response, 'POST')
      const method = routes.get(pathname)
      if (method === undefined) return sendResult(response, 404, failure('invalid-arguments', `Unknown method "${pathname.slice(HTTP_API_PREFIX.length)}".`))
      const body = await readBody(request)
      if (body === null) {
        const limit = `${MAX_BODY_BYTES / 1024 / 1024} MB`
        // The rest of the body is not read, so the connection cannot carry another request.
        response.setHeader('connection', 'close')
        return sendResult(response, 413, failure('bad-input', `${method}: the request is over ${limit}. Import files that large with the command line: factspan import FILE --db PROJECT`))
      }
      let args: unknown
      try {
        args = body.length === 0 ? {} : JSON.parse(body)
      } catch (error) {
        return sendResult(response, 400, failure('invalid-arguments', `${method}: the body is not JSON: ${(error as Error).message}`))
      }
      return sendResult(response, 200, await dispatch(method, args))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendAllowing(response, 'GET, HEAD')
    if (pathname === HTTP_EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    return serveStatic(pathname, request.method, response)
  }

  function serveStatic(pathname: string, method: string, response: http.ServerResponse): void {
    const file = staticFilePath(staticDir, pathname)
    if (file === null) return send(response, 400, TEXT, 'Bad path')
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(response, 404, TEXT, 'Not found')
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    if (method === 'HEAD') return void response.end()
    fs.createReadStream(file).pipe(response)
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe()
            for (const stream of streams) stream.end()
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

function isAuthorized(request: http.IncomingMessage, token: string): boolean {
  const header = request.headers[HTTP_TOKEN_HEADER]
  if (typeof header === 'string' && sameToken(header, token)) return true
  const cookie = request.headers.cookie ?? ''
  for (const part of cookie.split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === HTTP_TOKEN_COOKIE && value !== undefined && sameToken(value, token)) return true
  }
  return false
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The body as text; null as soon as it is known to pass MAX_BODY_BYTES, from its declared length or as it arrives. */
function readBody(request: http.IncomingMessage): Promise<string | null> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk)
      request.off('data', onData)
      request.pause()
      resolve(null)
    }
    request.on('data', onData)
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendResult(response: http.ServerResponse, status: number, result: Result<unknown>): void {
  send(response, status, 'application/json', JSON.stringify(result))
}

function sendAllowing(response: http.ServerResponse, allowed: string): void {
  response.writeHead(405, { 'content-type': TEXT, 'cache-control': 'no-store', allow: allowed })
  response.end(`Use ${allowed.replace(', ', ' or ')}`)
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  response.end(body)
}
