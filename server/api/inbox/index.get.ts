import { z } from 'zod'
import { useStore } from '../../store'
import { getRole } from '../../repos/members'
import { userInbox } from '../../comments/inbox'
import { notFound } from '../../utils/errors'
import { requireUser } from '../../utils/session'
import { validQuery } from '../../utils/validate'

const querySchema = z.object({ reportId: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/).optional() })

/** My inbox (mentions and replies to my threads), optionally for one report, with the unread count. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { reportId } = validQuery(event, querySchema)
  const { db } = await useStore()
  if (reportId && !(await getRole(db, reportId, user.id))) throw notFound('report')
  const items = await userInbox(db, user.id, reportId)
  return { items, unread: items.filter(i => !i.read).length }
})
