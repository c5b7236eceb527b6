import type { Database } from 'better-sqlite3'
import * as initial from './0001-initial'
import * as review from './0002-review'
import * as relations from './0005-relations'

export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}

/** Numbered in order; the schema version of a project is PRAGMA user_version = the last one applied. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'review', up: review.up },
  // 0003 (team status) and 0004 (suggestions) come from other branches; the lead chains them at merge.
  { version: 5, name: 'relations', up: relations.up },
]

export const LATEST_VERSION = migrations[migrations.length - 1].version
