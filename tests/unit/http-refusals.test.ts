import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, startHttpBridge, type HttpBridge } from '../../src-main/bridge/http'
import { newProject, tempDir } from './helpers'

const TOKEN = 'a-test-token-of-32-characters-xx'
const SECRET = 'the project next door'

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw HTTP request: the path goes out exactly as written, with the headers given and nothing else added. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | (() => AsyncIterable<Buffer>) }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: false, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        // An event stream never ends: its first message is enough.
        if (response.headers['content-type'] === 'text/event-stream') response.destroy()
      })
      const done = () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') })
      response.on('end', done)
      response.on('close', done)
    })
    request.on('error', reject)
    const body = options.body
    if (typeof body === 'function') {
      void (async () => {
        for await (const chunk of body()) {
          // The server may answer and close before the whole body is sent.
          if (request.destroyed || request.writableEnded) return
          if (!request.write(chunk)) await new Promise((r) => request.once('drain', r))
        }
        request.end()
      })()
    } else request.end(body)
  })
}

let bridge: HttpBridge | null = null
afterEach(async () => {
  await bridge?.close()
  bridge = null
})

/** The bridge on a real project, serving an app folder that has a secret file beside it. */
async function serve() {
  const project = newProject()
  const root = tempDir()
  const app = path.join(root, 'app')
  fs.mkdirSync(path.join(app, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>Factspan</title>')
  fs.writeFileSync(path.join(app, 'assets', 'main.js'), 'console.log("app")')
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET)
  fs.writeFileSync(path.join(root, 'app-secret.txt'), SECRET)
  bridge = await startHttpBridge({ service: project.service, workspace: project.workspace, staticDir: app, token: TOKEN })
  const port = bridge.port
  const host = `127.0.0.1:${port}`
  const cookie = `factspan_token=${TOKEN}`
  const api = (method: string, body = '{}', headers: Record<string, string> = {}) =>
    send(port, { method: 'POST', path: `/api/${method}`, headers: { host, cookie, 'content-type': 'application/json', ...headers }, body })
  return { ...project, port, host, cookie, api }
}

describe('browser mode refuses', () => {
  it('a foreign Host, as a DNS-rebinding page would send, on every path', async () => {
    const { port, cookie } = await serve()
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`, '']) {
      for (const [method, where] of [['POST', '/api/project.info'], ['GET', '/'], ['GET', '/events']]) {
        const answer = await send(port, { method, path: where, headers: { host, cookie } })
        expect(answer.status, `${host} ${where}`).toBe(403)
        expect(answer.body).toBe('Forbidden host')
      }
    }
    // Without a Host at all, Node refuses the request itself.
    expect((await send(port, { path: '/', headers: { cookie } })).status).toBe(400)
    expect((await send(port, { path: '/', headers: { host: `localhost:${port}`, cookie } })).status).toBe(200)
  })

  it('a request from another origin, even one that carries the token', async () => {
    const { port, host, cookie, api } = await serve()
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port}.evil.example`]) {
      const answer = await api('labels.add', JSON.stringify({ name: 'stolen' }), { origin })
      expect(answer, origin).toMatchObject({ status: 403, body: 'Forbidden origin' })
      expect((await send(port, { path: '/events', headers: { host, cookie, origin } })).status).toBe(403)
    }
    expect((await api('labels.list', '{}', { origin: `http://127.0.0.1:${port}` })).status).toBe(200)
    const labels = JSON.parse((await api('labels.list')).body).value.map((l: { name: string }) => l.name)
    expect(labels).not.toContain('stolen')
  })

  it('a missing or wrong token, on the API, the event stream and the page', async () => {
    const { port, host } = await serve()
    const wrong = ['', 'factspan_token=', `factspan_token=${TOKEN.slice(1)}`, `factspan_token=${TOKEN}x`, 'factspan_token=a-test-token-of-32-characters-xy', `other=${TOKEN}`]
    for (const cookie of wrong) {
      const headers: Record<string, string> = cookie ? { host, cookie } : { host }
      expect((await send(port, { method: 'POST', path: '/api/project.info', headers, body: '{}' })).status, cookie).toBe(401)
      const events = await send(port, { path: '/events', headers })
      expect(events.status).toBe(401)
      expect(events.headers['content-type']).not.toBe('text/event-stream')
      expect((await send(port, { path: '/', headers })).status).toBe(401)
    }
    expect((await send(port, { method: 'POST', path: '/api/project.info', headers: { host, 'x-factspan-token': 'nope' }, body: '{}' })).status).toBe(401)
    expect(await send(port, { path: '/?token=nope', headers: { host } })).toMatchObject({ status: 403, body: 'Wrong access token' })
    // The right token in the address is traded for the cookie.
    const traded = await send(port, { path: `/?token=${TOKEN}`, headers: { host } })
    expect(traded.status).toBe(303)
    expect(traded.headers['set-cookie']).toEqual([`factspan_token=${TOKEN}; Path=/; HttpOnly; SameSite=Strict`])
    expect(traded.headers.location).toBe('/')
    // The rest of the address stays, and never becomes another site's.
    expect((await send(port, { path: `/index.html?annotators=carol,alice&token=${TOKEN}`, headers: { host } })).headers.location).toBe('/index.html?annotators=carol%2Calice')
    expect((await send(port, { path: `//evil.example/?token=${TOKEN}`, headers: { host } })).headers.location).toBe('/')
    expect((await send(port, { path: `/\\evil.example/?token=${TOKEN}`, headers: { host } })).headers.location).toBe('/')
    expect((await send(port, { path: '/events', headers: { host, 'x-factspan-token': TOKEN } })).headers['content-type']).toBe('text/event-stream')
  })

  it('a body over the size limit with 413, whether it says its length or not, and goes on serving', async () => {
    const { port, host, cookie, api } = await serve()
    expect(MAX_BODY_BYTES).toBe(100 * 1024 * 1024)
    const declared = await send(port, { method: 'POST', path: '/api/import.files', headers: { host, cookie, 'content-length': String(MAX_BODY_BYTES + 1) }, body: '' })
    expect(declared.status).toBe(413)
    const megabyte = Buffer.alloc(1024 * 1024, ' ')
    const streamed = await send(port, {
      method: 'POST',
      path: '/api/import.files',
      headers: { host, cookie, 'transfer-encoding': 'chunked' },
      body: async function* () {
        for (let i = 0; i <= 100; i++) yield megabyte
      },
    })
    expect(streamed.status, streamed.body).toBe(413)
    expect(JSON.parse(streamed.body)).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'import.files: the request is over 100 MB. Import files that large with the command line: factspan import FILE --db PROJECT' },
    })
    expect(JSON.parse((await api('project.info')).body)).toMatchObject({ ok: true })
  })

  it('a method other than POST on the API, and other than GET on the page', async () => {
    const { port, host, cookie } = await serve()
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      const answer = await send(port, { method, path: '/api/project.info', headers: { host, cookie } })
      expect(answer.status, method).toBe(405)
      expect(answer.headers.allow).toBe('POST')
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await send(port, { method, path: '/assets/main.js', headers: { host, cookie } })).status, method).toBe(405)
    }
    expect((await send(port, { method: 'HEAD', path: '/assets/main.js', headers: { host, cookie } })).status).toBe(200)
  })

  it('a path that climbs out of the app folder, however it is written', async () => {
    const { port, host, cookie } = await serve()
    const climbs = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/.%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/C:%5cWindows%5cwin.ini',
      `http://${host}/../secret.txt`,
      '/../app-secret.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/%',
    ]
    for (const where of climbs) {
      const answer = await send(port, { path: where, headers: { host, cookie } })
      expect(answer.status === 400 || answer.status === 404, `${where} → ${answer.status}`).toBe(true)
      expect(answer.body).not.toContain(SECRET)
      expect(answer.body).not.toContain('root:')
    }
    expect(await send(port, { path: '/../secret.txt', headers: { host, cookie } })).toMatchObject({ status: 400, body: 'Bad path' })
    expect(await send(port, { path: '/', headers: { host, cookie } })).toMatchObject({ status: 200, body: '<!doctype html><title>Factspan</title>' })
    expect(await send(port, { path: '/assets/main.js', headers: { host, cookie } })).toMatchObject({ status: 200, body: 'console.log("app")' })
    expect((await send(port, { path: '/assets/missing.js', headers: { host, cookie } })).status).toBe(404)
  })

  it('an unknown method name, and a body that is not JSON, as clean errors', async () => {
    const { api } = await serve()
    const unknown = await api('shell.openExternal')
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body)).toEqual({ ok: false, error: { code: 'invalid-arguments', message: 'Unknown method "shell.openExternal".' } })
    const garbled = await api('project.info', '{"a":')
    expect(garbled.status).toBe(400)
    expect(JSON.parse(garbled.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    expect(JSON.parse((await api('project.choose', '{"mode":"open"}')).body)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'project.choose exists only in the desktop app.' },
    })
  })
})
