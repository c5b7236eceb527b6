// The project's own annotation guidelines: a Markdown text kept in the project, so it travels with it.
import fs from 'node:fs'
import path from 'node:path'
import type { ReadableDB, WritableDB } from '../store/db'
import type { Api, Guidelines } from '../shared/api'
import { sha256Hex } from '../shared/hash'
import { markdownHtml } from '../shared/markdown'
import { getMeta, setMeta } from '../store/projectMeta'
import { appPaths } from './paths'
import type { Workspace } from './workspace'

const KEY = 'guidelines'

/** What a new project starts from. */
export function defaultGuidelines(): string {
  return fs.readFileSync(path.join(appPaths.root, 'resources', 'guidelines.md'), 'utf8')
}

/** The project's guidelines; a project made before they were kept has none stored and reads the default. */
export function readGuidelines(db: ReadableDB): Omit<Guidelines, 'html'> {
  const markdown = getMeta(db, KEY) ?? defaultGuidelines()
  return { markdown, sha256: sha256Hex(markdown) }
}

/** A project without guidelines gets the default ones, written in: from then on they are the project's own. */
export function keepGuidelines(db: WritableDB): void {
  if (!db.readonly && getMeta(db, KEY) === undefined) setMeta(db, KEY, defaultGuidelines())
}

/** Guidelines of another project, read-only: undefined when it keeps none. */
export function storedGuidelines(db: ReadableDB): string | undefined {
  return getMeta(db, KEY)
}

/** The guidelines with their HTML, for the app to show. */
function shown(guidelines: Omit<Guidelines, 'html'>): Guidelines {
  return { ...guidelines, html: markdownHtml(guidelines.markdown) }
}

export function guidelineMethods(ws: Workspace): Pick<Api, 'guidelines.get' | 'guidelines.set'> {
  return {
    'guidelines.get': () => shown(readGuidelines(ws.database())),
    'guidelines.set': ({ markdown }) => {
      const db = ws.database()
      setMeta(db, KEY, markdown)
      return shown(readGuidelines(db))
    },
  }
}
