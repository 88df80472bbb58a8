/**
 * The document store: per report, an append-only log of Yjs updates plus a compacted snapshot.
 * `load` returns what is needed to rebuild the Y.Doc; `append` commits one update durably before
 * the hub broadcasts it; `compact` folds the log into the snapshot in one transaction.
 */
import type { SqlDriver } from './driver'

export interface StoredDoc {
  snapshot: Uint8Array | null
  /** Sequence number the snapshot covers (0 when there is none). */
  snapshotSeq: number
  updates: Array<{ seq: number, data: Uint8Array }>
}

export interface DocStore {
  load(reportId: string): Promise<StoredDoc>
  /**
   * Append updates in order, with the Yjs client ids they claim for their writers (in the same
   * transaction; a client id already claimed keeps its first owner); returns the last sequence number.
   */
  append(reportId: string, updates: Uint8Array[], claims?: ClientClaim[]): Promise<number>
  /** The accounts that claimed these Yjs client ids in a report (ids nobody claimed are absent). */
  clientOwners(reportId: string, clientIds: number[]): Promise<Map<number, string>>
  /** Replace the snapshot with `snapshot` (which includes every update up to `uptoSeq`) and drop those updates. */
  compact(reportId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>
  /** Bytes written so far (updates and snapshots), for the benchmark. */
  bytesWritten(): number
}

/** A Yjs client id and the account whose updates first wrote under it. */
export interface ClientClaim { clientId: number, userId: string }

const toBytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBuffer))

/** A DocStore over either SQL engine. */
export function sqlDocStore(db: SqlDriver): DocStore {
  let written = 0
  // The last sequence number per report, so an append needs no read.
  const lastSeq = new Map<string, number>()

  const currentSeq = async (reportId: string): Promise<number> => {
    let seq = lastSeq.get(reportId)
    if (seq === undefined) {
      const u = await db.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM doc_updates WHERE report_id = ?', [reportId])
      const s = await db.get<{ upto_seq: number }>('SELECT upto_seq FROM doc_snapshots WHERE report_id = ?', [reportId])
      seq = Math.max(Number(u?.seq ?? 0), Number(s?.upto_seq ?? 0))
      lastSeq.set(reportId, seq)
    }
    return seq
  }

  return {
    async load(reportId) {
      // One transaction: a compaction by another instance cannot slip between the two reads.
      const { snap, rows } = await db.transaction(async tx => ({
        snap: await tx.get<{ data: unknown, upto_seq: number }>('SELECT data, upto_seq FROM doc_snapshots WHERE report_id = ?', [reportId]),
        rows: await tx.all<{ seq: number, data: unknown }>('SELECT seq, data FROM doc_updates WHERE report_id = ? ORDER BY seq', [reportId]),
      }))
      const updates = rows.map(r => ({ seq: Number(r.seq), data: toBytes(r.data) }))
      const snapshotSeq = Number(snap?.upto_seq ?? 0)
      lastSeq.set(reportId, Math.max(snapshotSeq, updates.at(-1)?.seq ?? 0))
      return { snapshot: snap ? toBytes(snap.data) : null, snapshotSeq, updates }
    },
    async append(reportId, updates, claims = []) {
      // Another instance (scaled mode) may have appended meanwhile: then the insert collides on
      // the primary key, and we re-read the sequence and try again.
      for (let attempt = 1; ; attempt++) {
        let seq = await currentSeq(reportId)
        try {
          await db.transaction(async (tx) => {
            for (const data of updates) await tx.run('INSERT INTO doc_updates (report_id, seq, data) VALUES (?, ?, ?)', [reportId, ++seq, data])
            for (const c of claims) {
              await tx.run('INSERT INTO doc_clients (report_id, client_id, user_id) VALUES (?, ?, ?) ON CONFLICT (report_id, client_id) DO NOTHING', [reportId, c.clientId, c.userId])
            }
          })
          for (const data of updates) written += data.byteLength
          lastSeq.set(reportId, seq)
          return seq
        } catch (error) {
          lastSeq.delete(reportId)
          if (attempt >= 5) throw error
        }
      }
    },
    async clientOwners(reportId, clientIds) {
      const owners = new Map<number, string>()
      if (!clientIds.length) return owners
      const rows = await db.all<{ client_id: number | string, user_id: string }>(
        `SELECT client_id, user_id FROM doc_clients WHERE report_id = ? AND client_id IN (${clientIds.map(() => '?').join(', ')})`,
        [reportId, ...clientIds],
      )
      for (const r of rows) owners.set(Number(r.client_id), r.user_id)
      return owners
    },
    async compact(reportId, snapshot, uptoSeq) {
      await db.transaction(async (tx) => {
        const params = [reportId, snapshot, uptoSeq, Date.now()]
        await tx.run(
          'INSERT INTO doc_snapshots (report_id, data, upto_seq, updated_at) VALUES (?, ?, ?, ?) '
          + 'ON CONFLICT (report_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at '
          // Never move the snapshot backwards (two instances compacting at once).
          + 'WHERE doc_snapshots.upto_seq < excluded.upto_seq',
          params,
        )
        await tx.run('DELETE FROM doc_updates WHERE report_id = ? AND seq <= ?', [reportId, uptoSeq])
      })
      written += snapshot.byteLength
    },
    bytesWritten: () => written,
  }
}
