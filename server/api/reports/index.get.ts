import { useStore } from '../../store'
import { listReportsFor } from '../../repos/reports'
import { requireUser } from '../../utils/session'

/** My reports, with my role and the section summary. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await useStore()
  return { reports: await listReportsFor(db, user.id) }
})
