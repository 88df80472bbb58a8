import { addMemberSchema } from '#shared/schemas/account'
import { useStore } from '../../../../store'
import { findUserByEmail } from '../../../../repos/users'
import { getRole, setMember, countSecretariat } from '../../../../repos/members'
import { audit } from '../../../../repos/audit'
import { applyMemberRole } from '../../../../reports/memberSockets'
import { apiError, conflict } from '../../../../utils/errors'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam, validBody } from '../../../../utils/validate'

/** The secretariat adds an existing account to the report, or changes a member's role. */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { user } = await requireReportAccess(event, reportId, 'members.manage')
  const { email, role } = await validBody(event, addMemberSchema)
  const { db } = await useStore()
  const target = await findUserByEmail(db, email)
  if (!target) throw apiError('noAccountWithEmail')
  const previous = await getRole(db, reportId, target.id)
  if (previous === 'secretariat' && role !== 'secretariat' && (await countSecretariat(db, reportId)) <= 1) {
    throw conflict('lastSecretariat')
  }
  await setMember(db, reportId, target.id, role)
  if (previous) await applyMemberRole(reportId, target.id, role)
  await audit(db, { actorId: user.id, reportId, action: previous ? 'member.role' : 'member.add', detail: { userId: target.id, role } })
  setResponseStatus(event, previous ? 200 : 201)
  return { member: { userId: target.id, name: target.name, email: target.email, color: target.color, role } }
})
