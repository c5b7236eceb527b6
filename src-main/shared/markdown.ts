import { marked } from 'marked'

/**
 * Markdown as HTML, not yet safe to show: whoever puts it in a page sanitizes it there (the renderer's
 * `safeHtml`). The service renders the guidelines with it, so that marked (about 50 ms the first time in a fresh
 * page, most of it compiling its patterns) never runs on the renderer's main thread while a document opens.
 */
export function markdownHtml(markdown: string): string {
  return marked.parse(markdown, { async: false })
}
