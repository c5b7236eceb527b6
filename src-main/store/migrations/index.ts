import type { Database } from 'better-sqlite3'
import * as initial from './0001-initial'
import * as review from './0002-review'
import * as layerStatus from './0003-layer-status'
import * as suggestions from './0004-suggestions'
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
  { version: 3, name: 'layer-status', up: layerStatus.up },
  { version: 4, name: 'suggestions', up: suggestions.up },
  { version: 5, name: 'relations', up: relations.up },
]

export const LATEST_VERSION = migrations[migrations.length - 1].version
