import { useStore } from '../../store'
import { listUsers } from '../../repos/users'
import { forbidden } from '../../utils/errors'
import { requireUser } from '../../utils/session'

/** Every account (administrator only). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  if (!user.isAdmin) throw forbidden('adminOnly')
  const { db } = await useStore()
  return { users: await listUsers(db) }
})
