// The desktop app's page comes from its own privileged scheme, app://factspan/, not from file://: a file:// page
// could read any other file:// URL, and every local file would share its origin.
import fs from 'node:fs'
import { CONTENT_SECURITY_POLICY, contentTypeOf, staticFilePath } from '../bridge/staticFiles'

export const APP_SCHEME = 'app'
export const APP_HOST = 'factspan'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE = `${APP_ORIGIN}/index.html`

/** True for a page of the app itself: the app:// origin, or the dev server's address while developing. */
export function isAppUrl(url: string, devServer?: string): boolean {
  if (devServer) return url.startsWith(devServer)
  try {
    // Node gives a scheme it does not know the origin "null", so the parts are compared one by one.
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/**
 * The handler Electron's protocol.handle runs for app:// requests: a file of the built renderer with the page's
 * content security policy, or a refusal. It uses only Node and the Fetch API, so the tests run it as it is.
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Use GET')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return refusal(400, 'Bad address')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, 'Not found')
    // The path as the request wrote it: URL parsing has already removed a plain '..', encoded ones are still there.
    const file = staticFilePath(rendererDir, url.pathname)
    if (file === null) return refusal(400, 'Bad path')
    const stat = await fs.promises.stat(file).catch(() => null)
    if (!stat?.isFile()) return refusal(404, 'Not found')
    const headers = { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' }
    return new Response(request.method === 'HEAD' ? null : await fs.promises.readFile(file), { status: 200, headers })
  }
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
