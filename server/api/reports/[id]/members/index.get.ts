import { useStore } from '../../../../store'
import { listMembers } from '../../../../repos/members'
import { listOpenInvitations } from '../../../../repos/invitations'
import { requireReportAccess } from '../../../../utils/reportAccess'
import { idParam } from '../../../../utils/validate'

/** Members of a report (every member may see who is in it; emails and invitations only for the secretariat). */
export default defineEventHandler(async (event) => {
  const reportId = idParam(event, 'id')
  const { role, user } = await requireReportAccess(event, reportId, 'report.read')
  const { db } = await useStore()
  const manage = role === 'secretariat'
  const members = (await listMembers(db, reportId)).map(m => (manage || m.userId === user.id ? m : { ...m, email: undefined }))
  return { members, invitations: manage ? await listOpenInvitations(db, reportId) : [] }
})
