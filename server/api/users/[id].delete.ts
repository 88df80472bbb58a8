import { useStore } from '../../store'
import { removeAccount } from '../../accounts/removeAccount'
import { conflict, forbidden, notFound } from '../../utils/errors'
import { idParam } from '../../utils/validate'
import { requireUser } from '../../utils/session'
import { logDenial } from '../../utils/logDenial'

/**
 * The administrator removes an account: its sessions and sockets end, its memberships go, reports
 * it alone ran pass to the administrator. Not one's own account, so an administrator always remains.
 */
export default defineEventHandler(async (event) => {
  const admin = await requireUser(event)
  if (!admin.isAdmin) {
    logDenial({ reason: 'not admin', userId: admin.id, route: event.path })
    throw forbidden('adminOnly')
  }
  const userId = idParam(event, 'id')
  if (userId === admin.id) throw conflict('cannotRemoveSelf')
  const { db } = await useStore()
  if (!(await removeAccount(db, userId, admin.id))) throw notFound('account')
  return { ok: true }
})
