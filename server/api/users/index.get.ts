import { useStore } from '../../store'
import { listUsers } from '../../repos/users'
import { forbidden } from '../../utils/errors'
import { requireUser } from '../../utils/session'

/** Every account (administrator only). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  if (!user.isAdmin) throw forbidden('Only the workspace administrator can list accounts')
  const { db } = await useStore()
  return { users: await listUsers(db) }
})
