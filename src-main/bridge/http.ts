// Browser mode: the same contract as the Electron IPC bridge, over HTTP on loopback, behind an access token.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { methodNames } from '../shared/api'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_COOKIE, HTTP_TOKEN_HEADER } from '../shared/bridge-protocol'
import type { Service } from '../service'
import type { Workspace } from '../service/workspace'
import { dispatcher } from './dispatch'

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

const MAX_BODY_BYTES = 512 * 1024 * 1024
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
}
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

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
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error')
      else response.end()
    })
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port
    // Refuse other Host names, so a web page cannot reach us through DNS rebinding.
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden host')
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    const given = url.searchParams.get('token')
    if (given !== null && request.method === 'GET') {
      if (!sameToken(given, token)) return send(response, 403, 'text/plain; charset=utf-8', 'Wrong access token')
      // Trade the token in the address for a cookie, so it leaves the address bar and history.
      url.searchParams.delete('token')
      response.writeHead(303, {
        location: url.pathname + url.search,
        'set-cookie': `${HTTP_TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`,
      })
      return void response.end()
    }
    if (!isAuthorized(request, token)) {
      return send(response, 401, 'text/plain; charset=utf-8', 'Open the address printed by "factspan serve": it carries the access token.')
    }
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Use POST')
      const origin = request.headers.origin
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden origin')
      }
      const method = routes.get(url.pathname)
      if (method === undefined) {
        return send(response, 404, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-arguments', message: `Unknown method "${url.pathname.slice(HTTP_API_PREFIX.length)}".` } }))
      }
      let args: unknown
      try {
        const body = await readBody(request)
        args = body.length === 0 ? {} : JSON.parse(body)
      } catch (error) {
        return send(response, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-arguments', message: (error as Error).message } }))
      }
      const result = await dispatch(method, args)
      return send(response, 200, 'application/json', JSON.stringify(result))
    }
    if (url.pathname === HTTP_EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    return serveStatic(url.pathname, response)
  }

  function serveStatic(pathname: string, response: http.ServerResponse): void {
    const requested = path.normalize(path.join(staticDir, decodeURIComponent(pathname)))
    const inside = requested.startsWith(staticDir + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile()
    // Unknown paths get the app itself, which routes in the page.
    const file = inside ? requested : path.join(staticDir, 'index.html')
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
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

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`Request body over ${MAX_BODY_BYTES} bytes`))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  response.end(body)
}
