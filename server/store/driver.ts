/**
 * The narrow SQL interface every repository uses, with one implementation per engine
 * (`sqliteDriver.ts`, `postgresDriver.ts`). SQL is written with `?` placeholders; the
 * PostgreSQL driver numbers them.
 */

export type SqlValue = string | number | bigint | boolean | null | Uint8Array
export type Row = Record<string, unknown>

export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres'
  /** All rows of a query. */
  all<T = Row>(sql: string, params?: SqlValue[]): Promise<T[]>
  /** The first row of a query, if any. */
  get<T = Row>(sql: string, params?: SqlValue[]): Promise<T | undefined>
  /** A statement without rows; returns how many rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>
  /** Run `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
}
