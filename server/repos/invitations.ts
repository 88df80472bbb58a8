/**
 * Invitation links: one-time, expiring, carrying a role. Only a hash of the token is stored, so
 * a leaked database does not leak usable links.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { SqlDriver } from '../store/driver'
import type { Role } from '#shared/permissions'
import { newId } from '../utils/newId'

export interface Invitation {
  id: string
  reportId: string
  role: Role
  createdBy: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
  usedBy: string | null
}

interface InvitationRow {
  id: string
  report_id: string
  role: Role
  created_by: string
  created_at: number
  expires_at: number
  used_at: number | null
  used_by: string | null
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id, reportId: r.report_id, role: r.role, createdBy: r.created_by, createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at), usedAt: r.used_at == null ? null : Number(r.used_at), usedBy: r.used_by,
})

/** Create an invitation; returns it with its token (shown once, never stored). */
export async function createInvitation(db: SqlDriver, input: { reportId: string, role: Role, createdBy: string, ttlMs: number }): Promise<{ invitation: Invitation, token: string }> {
  const token = randomBytes(24).toString('base64url')
  const now = Date.now()
  const row: InvitationRow = { id: newId(), report_id: input.reportId, role: input.role, created_by: input.createdBy, created_at: now, expires_at: now + input.ttlMs, used_at: null, used_by: null }
  await db.run('INSERT INTO invitations (id, token_hash, report_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    row.id, hash(token), row.report_id, row.role, row.created_by, row.created_at, row.expires_at,
  ])
  return { invitation: toInvitation(row), token }
}

/** The invitation behind a token, if any. */
export async function findInvitationByToken(db: SqlDriver, token: string): Promise<Invitation | undefined> {
  const row = await db.get<InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?', [hash(token)])
  return row && toInvitation(row)
}

/** Mark an invitation used, if it still is usable; false when someone else used it first or it expired. */
export async function consumeInvitation(db: SqlDriver, id: string, userId: string): Promise<boolean> {
  const now = Date.now()
  const result = await db.run('UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?', [now, userId, id, now])
  return result.changes === 1
}

/** Open (unused, unexpired) invitations of a report. */
export async function listOpenInvitations(db: SqlDriver, reportId: string): Promise<Invitation[]> {
  const rows = await db.all<InvitationRow>('SELECT * FROM invitations WHERE report_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at DESC', [reportId, Date.now()])
  return rows.map(toInvitation)
}

/** Revoke an invitation of a report; false when there was none. */
export async function revokeInvitation(db: SqlDriver, reportId: string, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM invitations WHERE id = ? AND report_id = ?', [id, reportId])).changes > 0
}
