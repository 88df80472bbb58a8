/** Report memberships: who belongs to a report, with which role. */
import type { SqlDriver } from '../store/driver'
import type { Role } from '#shared/permissions'
import { ROLES } from '#shared/permissions'

export interface Member {
  userId: string
  name: string
  email: string
  color: string
  role: Role
  joinedAt: number
}

const asRole = (r: string): Role | null => ((ROLES as readonly string[]).includes(r) ? (r as Role) : null)

/** The role of a user in a report, or null when not a member. */
export async function getRole(db: SqlDriver, reportId: string, userId: string): Promise<Role | null> {
  const row = await db.get<{ role: string }>('SELECT role FROM memberships WHERE report_id = ? AND user_id = ?', [reportId, userId])
  return row ? asRole(row.role) : null
}

/** Every member of a report with their account's name and colour. */
export async function listMembers(db: SqlDriver, reportId: string): Promise<Member[]> {
  const rows = await db.all<{ user_id: string, name: string, email: string, color: string, role: string, created_at: number }>(
    'SELECT m.user_id, u.name, u.email, u.color, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.report_id = ? ORDER BY u.name',
    [reportId],
  )
  return rows.map(r => ({ userId: r.user_id, name: r.name, email: r.email, color: r.color, role: asRole(r.role) ?? 'viewer', joinedAt: Number(r.created_at) }))
}

/** Add a member or change their role. */
export async function setMember(db: SqlDriver, reportId: string, userId: string, role: Role): Promise<void> {
  await db.run(
    'INSERT INTO memberships (report_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role',
    [reportId, userId, role, Date.now()],
  )
}

/** Remove a member; returns whether they were one. */
export async function removeMember(db: SqlDriver, reportId: string, userId: string): Promise<boolean> {
  return (await db.run('DELETE FROM memberships WHERE report_id = ? AND user_id = ?', [reportId, userId])).changes > 0
}

/** How many secretariat members a report has (the last one cannot leave). */
export async function countSecretariat(db: SqlDriver, reportId: string): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM memberships WHERE report_id = ? AND role = ?', [reportId, 'secretariat'])
  return Number(row?.n ?? 0)
}
