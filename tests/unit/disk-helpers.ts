// Shared by the unit and the browser tests, so it imports neither vitest nor Playwright.
import type { Database } from 'better-sqlite3'

const ROOM = 1_073_741_823

/**
 * Makes the project's disk full, as SQLite sees it: the file may not grow (PRAGMA max_page_count) and the room left
 * in its pages is taken by one-character spans of another annotator, until fifty in a row no longer fit.
 */
export function fillDisk(db: Database, documentId: string): void {
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
  const insert = db.prepare(`INSERT INTO spans (document_id, start, "end", label, quote, annotator, created_at) VALUES (?, ?, ?, ?, 'x', 'f', '')`)
  const label = db.prepare('SELECT name FROM labels ORDER BY position LIMIT 1').pluck().get() as string
  let refused = 0
  for (let start = 0; refused < 50; start++) {
    try {
      insert.run(documentId, start, start + 1, label)
      refused = 0
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error
      refused++
    }
  }
}

/** Space is back: the file may grow again. */
export function freeDisk(db: Database): void {
  db.pragma(`max_page_count = ${ROOM}`)
}
