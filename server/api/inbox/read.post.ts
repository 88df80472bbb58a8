import { z } from 'zod'
import { useStore } from '../../store'
import { markRead } from '../../comments/inbox'
import { requireUser } from '../../utils/session'
import { validBody } from '../../utils/validate'

const bodySchema = z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(1000) })

/** Mark inbox items read, for me only. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { ids } = await validBody(event, bodySchema)
  const { db } = await useStore()
  await markRead(db, user.id, ids)
  return { ok: true }
})
