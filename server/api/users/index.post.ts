import { newAccountSchema } from '#shared/schemas/account'
import { useStore } from '../../store'
import { createUser, findUserByEmail } from '../../repos/users'
import { audit } from '../../repos/audit'
import { conflict, forbidden } from '../../utils/errors'
import { validBody } from '../../utils/validate'
import { requireUser } from '../../utils/session'
import { logDenial } from '../../utils/logDenial'

/** The administrator creates an account for someone. */
export default defineEventHandler(async (event) => {
  const admin = await requireUser(event)
  if (!admin.isAdmin) {
    logDenial({ reason: 'not admin', userId: admin.id, route: event.path })
    throw forbidden('adminOnly')
  }
  const input = await validBody(event, newAccountSchema)
  const { db } = await useStore()
  if (await findUserByEmail(db, input.email)) throw conflict('emailTaken')
  const user = await createUser(db, input)
  await audit(db, { actorId: admin.id, action: 'user.create', detail: { userId: user.id } })
  setResponseStatus(event, 201)
  return { user }
})
