import { useStore } from '../../../../store'
import { getRole, removeMember, countSecretariat } from '../../../../repos/members'
import { audit } from '../../../../repos/audit'
import { closeMemberSockets } from '../../../../reports/memberSockets'
import { conflict, notFound } from '../../../../utils/errors'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

/** The secretariat removes a member; their open sockets close. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const userId = idParam(event, 'userId')
  const { user } = await requireReportAccess(event, reportId, 'members.manage')
  const { db } = await useStore()
  const role = await getRole(db, reportId, userId)
  if (!role) throw notFound('member')
  if (role === 'secretariat' && (await countSecretariat(db, reportId)) <= 1) throw conflict('lastSecretariat')
  await removeMember(db, reportId, userId)
  await closeMemberSockets(reportId, userId)
  await audit(db, { actorId: user.id, reportId, action: 'member.remove', detail: { userId } })
  return { ok: true }
})
