import DOMPurify, { type DOMPurify as Purifier } from 'dompurify'
import { markdownHtml } from '../../src-main/shared/markdown'

/**
 * HTML safe to put in the page: the project file may be someone else's, so whatever it holds (a <script>, an
 * onerror handler, a javascript: link) is removed. `purifier` is DOMPurify on another window, for tests outside a
 * browser.
 */
export function safeHtml(html: string, purifier: Purifier = DOMPurify): string {
  return purifier.sanitize(html, { USE_PROFILES: { html: true } })
}

/** A project's guidelines rendered from Markdown and sanitized: the editor's live preview. */
export function guidelinesHtml(markdown: string, purifier: Purifier = DOMPurify): string {
  return safeHtml(markdownHtml(markdown), purifier)
}
