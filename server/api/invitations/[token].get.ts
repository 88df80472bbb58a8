import { useStore } from '../../store'
import { findInvitationByToken } from '../../repos/invitations'
import { getSummary } from '../../repos/reports'
import { findUser } from '../../repos/users'
import { notFound } from '../../utils/errors'
import { invitationToken } from '../../utils/invitationToken'

/** What an invitation link offers (for its holder only: the token is the secret). */
export default defineEventHandler(async (event) => {
  const token = invitationToken(event)
  const { db } = await useStore()
  const invitation = await findInvitationByToken(db, token)
  if (!invitation) throw notFound('invitation')
  const report = await getSummary(db, invitation.reportId)
  const inviter = await findUser(db, invitation.createdBy)
  return {
    reportTitle: report?.summary.meta.title ?? 'a report',
    role: invitation.role,
    invitedBy: inviter?.name ?? null,
    expiresAt: invitation.expiresAt,
    state: invitation.usedAt ? 'used' : invitation.expiresAt < Date.now() ? 'expired' : 'open',
  }
})
