import { getRequestIP } from 'h3'
import { newAccountSchema } from '#shared/schemas/account'
import { useStore } from '../store'
import { countUsers, createUser } from '../repos/users'
import { audit } from '../repos/audit'
import { conflict } from '../utils/errors'
import { validBody } from '../utils/validate'
import { startSession } from '../utils/session'
import { logDenial } from '../utils/logDenial'

let settingUp: Promise<unknown> | null = null

/** Create the first account, the workspace administrator; 409 once any account exists. */
export default defineEventHandler(async (event) => {
  const input = await validBody(event, newAccountSchema)
  const { db } = await useStore()
  // Two set-up requests at once must not both create an administrator.
  while (settingUp) await settingUp.catch(() => {})
  const work = (async () => {
    if ((await countUsers(db)) > 0) {
      logDenial({ reason: 'setup after first account', route: event.path, ip: getRequestIP(event) })
      throw conflict('alreadySetUp')
    }
    return createUser(db, { ...input, isAdmin: true })
  })()
  settingUp = work
  try {
    const user = await work
    await audit(db, { actorId: user.id, action: 'workspace.setup' })
    await startSession(event, user.id)
    setResponseStatus(event, 201)
    return { user }
  } finally {
    settingUp = null
  }
})
