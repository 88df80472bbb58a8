import { useStore } from '../../../../store'
import { revokeInvitation } from '../../../../repos/invitations'
import { audit } from '../../../../repos/audit'
import { notFound } from '../../../../utils/errors'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

/** The secretariat revokes an unused invitation link. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const invitationId = idParam(event, 'invitationId')
  const { user } = await requireReportAccess(event, reportId, 'members.manage')
  const { db } = await useStore()
  if (!(await revokeInvitation(db, reportId, invitationId))) throw notFound('invitation')
  await audit(db, { actorId: user.id, reportId, action: 'invitation.revoke', detail: { invitationId } })
  return { ok: true }
})
