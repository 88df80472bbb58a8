/**
 * Versioned schema migrations, applied in order at start-up inside one transaction each.
 * Append new migrations; never edit one that has shipped.
 */
import type { SqlDriver } from './driver'

type Dialect = SqlDriver['dialect']
const blob = (d: Dialect) => (d === 'sqlite' ? 'BLOB' : 'BYTEA')
const serial = (d: Dialect) => (d === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY')

export const migrations: Array<{ version: number, name: string, sql: (d: Dialect) => string }> = [
  {
    version: 1,
    name: 'accounts, reports, memberships, invitations, document store, versions, audit',
    sql: d => `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0,
        color TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        template_id TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '{}',
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE memberships (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (report_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships(user_id);
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        used_by TEXT
      );
      CREATE INDEX invitations_report ON invitations(report_id);
      CREATE TABLE doc_updates (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        data ${blob(d)} NOT NULL,
        PRIMARY KEY (report_id, seq)
      );
      CREATE TABLE doc_snapshots (
        report_id TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        data ${blob(d)} NOT NULL,
        upto_seq BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        data ${blob(d)} NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL
      );
      CREATE INDEX versions_report ON versions(report_id);
      CREATE TABLE audit_log (
        id ${serial(d)},
        at BIGINT NOT NULL,
        actor_id TEXT,
        report_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_report ON audit_log(report_id);
      CREATE TABLE inbox_reads (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        read_at BIGINT NOT NULL,
        PRIMARY KEY (user_id, item_id)
      );
    `,
  },
  {
    version: 2,
    name: 'which account writes under each Yjs client id of a report',
    sql: () => `
      CREATE TABLE doc_clients (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        client_id BIGINT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (report_id, client_id)
      );
    `,
  },
  {
    version: 3,
    name: 'removed accounts: kept for attribution, unable to sign in',
    sql: () => `
      ALTER TABLE users ADD COLUMN removed_at BIGINT;
    `,
  },
  {
    version: 4,
    name: 'each account\'s interface language (null: the browser\'s languages decide)',
    sql: () => `
      ALTER TABLE users ADD COLUMN locale TEXT;
    `,
  },
  {
    version: 5,
    name: 'the image bytes of each report\'s figures, by their sha256',
    sql: d => `
      CREATE TABLE report_images (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        mime TEXT NOT NULL,
        byte_size BIGINT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        data ${blob(d)} NOT NULL,
        created_at BIGINT NOT NULL,
        uploaded_by TEXT,
        PRIMARY KEY (report_id, sha256)
      );
    `,
  },
]

/** Apply every migration the database has not seen yet; returns the versions applied. */
export async function migrate(db: SqlDriver): Promise<number[]> {
  // Several instances may start together on PostgreSQL: a transaction-scoped advisory lock lets
  // one migrate while the others wait, then find the work done.
  const lock = (tx: SqlDriver) => (db.dialect === 'postgres' ? tx.exec('SELECT pg_advisory_xact_lock(4242001)') : Promise.resolve())
  await db.transaction(async (tx) => {
    await lock(tx)
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)')
  })
  const applied: number[] = []
  for (const m of migrations) {
    await db.transaction(async (tx) => {
      await lock(tx)
      if (await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [m.version])) return
      await tx.exec(m.sql(db.dialect))
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, Date.now()])
      applied.push(m.version)
    })
  }
  return applied
}
