import DOMPurify, { type DOMPurify as Purifier } from 'dompurify'
import { marked } from 'marked'

/**
 * A project's guidelines as HTML safe to put in the page: the project file may be someone else's, so whatever the
 * Markdown holds (a <script>, an onerror handler, a javascript: link) is removed after marked renders it.
 * `purifier` is DOMPurify on another window, for tests outside a browser.
 */
export function guidelinesHtml(markdown: string, purifier: Purifier = DOMPurify): string {
  const html = marked.parse(markdown, { async: false })
  return purifier.sanitize(html, { USE_PROFILES: { html: true } })
}
