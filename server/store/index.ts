/**
 * The store of this process: SQLite in `DATA_DIR` by default, PostgreSQL when `DATABASE_URL`
 * is set. Opened and migrated once, at start-up (server/plugins/store.ts).
 */
import { join } from 'node:path'
import type { SqlDriver } from './driver'
import { sqliteDriver } from './sqliteDriver'
import { postgresDriver } from './postgresDriver'
import { migrate } from './migrations'
import { sqlDocStore } from './docStore'
import type { DocStore } from './docStore'

export interface Store {
  db: SqlDriver
  docs: DocStore
}

let current: Promise<Store> | null = null

/** The data directory (SQLite file, generated session secret). */
export function dataDir(): string {
  return process.env.DATA_DIR || join(process.cwd(), 'data')
}

/** Open a store from a URL or the SQLite default, migrated. */
export async function openStore(databaseUrl = process.env.DATABASE_URL): Promise<Store> {
  const db = databaseUrl ? postgresDriver(databaseUrl) : sqliteDriver(join(dataDir(), 'chorus.sqlite'))
  await migrate(db)
  return { db, docs: sqlDocStore(db) }
}

/** The process-wide store. */
export function useStore(): Promise<Store> {
  current ??= openStore()
  return current
}
