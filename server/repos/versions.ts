/** Named versions: a copy of a report's whole document state under a name, to look back or restore. */
import type { SqlDriver } from '../store/driver'
import { newId } from '../utils/newId'

export interface VersionInfo {
  id: string
  name: string
  createdBy: string
  createdByName: string
  createdAt: number
}

/** Save a version; returns its info. */
export async function saveVersion(db: SqlDriver, v: { reportId: string, name: string, data: Uint8Array, createdBy: string }): Promise<{ id: string, createdAt: number }> {
  const id = newId()
  const createdAt = Date.now()
  await db.run('INSERT INTO versions (id, report_id, name, data, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)', [id, v.reportId, v.name, v.data, v.createdBy, createdAt])
  return { id, createdAt }
}

/** The versions of a report, newest first (without their data). */
export async function listVersions(db: SqlDriver, reportId: string): Promise<VersionInfo[]> {
  const rows = await db.all<{ id: string, name: string, created_by: string, name_of_user: string | null, created_at: number }>(
    'SELECT v.id, v.name, v.created_by, u.name AS name_of_user, v.created_at FROM versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.report_id = ? ORDER BY v.created_at DESC',
    [reportId],
  )
  return rows.map(r => ({ id: r.id, name: r.name, createdBy: r.created_by, createdByName: r.name_of_user ?? '', createdAt: Number(r.created_at) }))
}

/** One version's stored document state. */
export async function versionData(db: SqlDriver, reportId: string, id: string): Promise<{ name: string, data: Uint8Array } | undefined> {
  const row = await db.get<{ name: string, data: unknown }>('SELECT name, data FROM versions WHERE id = ? AND report_id = ?', [id, reportId])
  return row && { name: row.name, data: row.data instanceof Uint8Array ? row.data : new Uint8Array(row.data as ArrayBuffer) }
}
