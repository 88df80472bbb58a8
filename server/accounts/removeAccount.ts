/**
 * The workspace administrator removes an account. In one transaction: every report the account
 * was the only secretariat of passes to the administrator (a report must keep someone who can
 * manage it), its memberships, sessions and still-open invitation links go, and the account is
 * marked removed (its name stays on what it wrote). Then its open websockets close on every
 * instance (4401 "account removed"). See docs/sessions.md.
 */
import { CLOSE_REASON } from '#shared/collabContract'
import type { SqlDriver } from '../store/driver'
import { audit } from '../repos/audit'
import { deleteUserSessions } from '../repos/sessions'
import { markUserRemoved } from '../repos/users'
import { endSessions } from '../collab/sessionSockets'
import { applyMemberRole } from '../reports/memberSockets'

/** Remove `userId` on behalf of `adminId`; false when there was no such live account. */
export async function removeAccount(db: SqlDriver, userId: string, adminId: string): Promise<boolean> {
  const handedOver = await db.transaction(async (tx) => {
    if (!(await markUserRemoved(tx, userId))) return null
    const sole = await tx.all<{ report_id: string }>(
      `SELECT m.report_id FROM memberships m WHERE m.user_id = ? AND m.role = 'secretariat'
         AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.report_id = m.report_id AND o.role = 'secretariat' AND o.user_id <> m.user_id)`,
      [userId],
    )
    const reportIds = sole.map(r => r.report_id)
    for (const reportId of reportIds) {
      await tx.run(
        `INSERT INTO memberships (report_id, user_id, role, created_at) VALUES (?, ?, 'secretariat', ?)
         ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role`,
        [reportId, adminId, Date.now()],
      )
      await audit(tx, { actorId: adminId, reportId, action: 'member.secretariat-handover', detail: { fromUserId: userId, toUserId: adminId } })
    }
    await tx.run('DELETE FROM memberships WHERE user_id = ?', [userId])
    await deleteUserSessions(tx, userId)
    await tx.run('DELETE FROM invitations WHERE created_by = ? AND used_at IS NULL', [userId])
    await audit(tx, { actorId: adminId, action: 'user.remove', detail: { userId, reportsHandedOver: reportIds.length } })
    return reportIds
  })
  if (!handedOver) return false
  await endSessions({ userId, reason: CLOSE_REASON.accountRemoved })
  // The administrator may have had those reports open with a lesser role.
  for (const reportId of handedOver) await applyMemberRole(reportId, adminId, 'secretariat')
  return true
}
