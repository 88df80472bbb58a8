import { clearSession } from 'h3'
import { CLOSE_REASON } from '#shared/collabContract'
import { useStore } from '../../store'
import { audit } from '../../repos/audit'
import { deleteUserSessions } from '../../repos/sessions'
import { sessionConfig } from '../../auth/sessionConfig'
import { endSessions } from '../../collab/sessionSockets'
import { requireUser } from '../../utils/session'

/** Sign out everywhere: every session of the account ends, this one too, and their sockets close. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await useStore()
  const sessions = await deleteUserSessions(db, user.id)
  await endSessions({ userId: user.id, reason: CLOSE_REASON.signedOutEverywhere })
  await audit(db, { actorId: user.id, action: 'user.logout-everywhere', detail: { sessions } })
  await clearSession(event, sessionConfig())
  return { ok: true }
})
