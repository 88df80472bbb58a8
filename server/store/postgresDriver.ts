/**
 * PostgreSQL through `pg`'s pool (`DATABASE_URL`). `?` placeholders are numbered here so that
 * repositories write one SQL text for both engines.
 */
import pg from 'pg'
import type { Row, SqlDriver, SqlValue } from './driver'

// BIGINT columns (sequence numbers, times in ms) come back as numbers: they stay far below 2^53.
pg.types.setTypeParser(20, v => Number(v))

function numbered(sql: string): string {
  let i = 0
  return sql.replace(/\?/g, () => `$${++i}`)
}

function bind(params: SqlValue[]) {
  return params.map(p => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p))
}

type Queryable = pg.Pool | pg.PoolClient

function driverOver(q: Queryable, pool: pg.Pool): SqlDriver {
  const driver: SqlDriver = {
    dialect: 'postgres',
    async all<T = Row>(sql: string, params: SqlValue[] = []) {
      return (await q.query(numbered(sql), bind(params))).rows as T[]
    },
    async get<T = Row>(sql: string, params: SqlValue[] = []) {
      return (await q.query(numbered(sql), bind(params))).rows[0] as T | undefined
    },
    async run(sql: string, params: SqlValue[] = []) {
      return { changes: (await q.query(numbered(sql), bind(params))).rowCount ?? 0 }
    },
    async exec(sql: string) {
      await q.query(sql)
    },
    async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      if (q !== pool) return fn(driver)
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(driverOver(client, pool))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      if (q === pool) await pool.end()
    },
  }
  return driver
}

/** Connect to PostgreSQL at `url`. */
export function postgresDriver(url: string): SqlDriver {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  pool.on('error', error => console.error('[store] idle PostgreSQL client failed', { message: error.message }))
  return driverOver(pool, pool)
}
