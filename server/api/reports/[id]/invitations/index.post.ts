import { getRequestHost, getRequestProtocol } from 'h3'
import { createInvitationSchema } from '#shared/schemas/account'
import { useStore } from '../../../../store'
import { createInvitation } from '../../../../repos/invitations'
import { audit } from '../../../../repos/audit'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam, validBody } from '../../../../utils/validate'

/** The secretariat creates a one-time, expiring invitation link carrying a role (shown once, to copy). */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'members.manage')
  const { role, expiresInDays } = await validBody(event, createInvitationSchema)
  const { db } = await useStore()
  const { invitation, token } = await createInvitation(db, { reportId, role, createdBy: user.id, ttlMs: expiresInDays * 86_400_000 })
  await audit(db, { actorId: user.id, reportId, action: 'invitation.create', detail: { invitationId: invitation.id, role } })
  const origin = process.env.PUBLIC_ORIGIN?.replace(/\/+$/, '') || `${getRequestProtocol(event)}://${getRequestHost(event)}`
  setResponseStatus(event, 201)
  return { invitation, token, url: `${origin}/invite/${token}` }
})
