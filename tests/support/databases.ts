/**
 * The real PostgreSQL and Redis of the machine, for the scaled-mode tests. Each test server gets
 * its own PostgreSQL schema, so runs never see each other's data.
 */
import pg from 'pg'

export const PG_URL = process.env.TEST_DATABASE_URL ?? ''
export const REDIS_URL = process.env.TEST_REDIS_URL ?? ''

/** Is PostgreSQL reachable? (When REQUIRE_SERVICES=1, callers fail instead of skipping.) */
export async function postgresAvailable(): Promise<boolean> {
  if (!PG_URL) return false
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

/** A new empty schema and a DATABASE_URL that uses it. */
export async function freshPostgresUrl(): Promise<{ url: string, drop: () => Promise<void> }> {
  const schema = `chorus_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  await client.query(`CREATE SCHEMA ${schema}`)
  await client.end()
  const url = new URL(PG_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await c.end()
    },
  }
}
