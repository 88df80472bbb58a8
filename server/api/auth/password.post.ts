import { setResponseHeader } from 'h3'
import { CLOSE_REASON } from '#shared/collabContract'
import { changePasswordSchema } from '#shared/schemas/account'
import { useStore } from '../../store'
import { audit } from '../../repos/audit'
import { deleteUserSessions } from '../../repos/sessions'
import { findUserForLogin, setPasswordHash } from '../../repos/users'
import { hashPassword, verifyPassword } from '../../auth/password'
import { loginLimits } from '../../auth/rateLimiter'
import { endSessions } from '../../collab/sessionSockets'
import { forbidden, tooManyRequests, unauthorized } from '../../utils/errors'
import { logDenial } from '../../utils/logDenial'
import { validBody } from '../../utils/validate'
import { currentSessionId, requireUser } from '../../utils/session'

/**
 * Change one's password. The current password is checked (counted against the same per-account
 * limit as sign-in, so a stolen session cannot guess it); then every OTHER session of the account
 * ends and its sockets close: whoever else held the old password is out, this browser stays in.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const sid = await currentSessionId(event)
  if (!sid) throw unauthorized()
  const { currentPassword, newPassword } = await validBody(event, changePasswordSchema)
  const accountKey = `account:${user.email}`
  const wait = loginLimits.account.retryAfter(accountKey)
  if (wait > 0) {
    setResponseHeader(event, 'Retry-After', wait)
    logDenial({ reason: 'password change rate limit', userId: user.id, route: event.path })
    throw tooManyRequests(wait)
  }
  const { db } = await useStore()
  const account = await findUserForLogin(db, user.email)
  if (!account || !(await verifyPassword(currentPassword, account.passwordHash))) {
    loginLimits.account.hit(accountKey)
    logDenial({ reason: 'wrong current password', userId: user.id, route: event.path })
    throw forbidden('wrongCurrentPassword')
  }
  loginLimits.account.reset(accountKey)
  const hash = await hashPassword(newPassword)
  const ended = await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, hash)
    return deleteUserSessions(tx, user.id, sid)
  })
  await endSessions({ userId: user.id, exceptSessionId: sid, reason: CLOSE_REASON.passwordChanged })
  await audit(db, { actorId: user.id, action: 'user.password-change', detail: { sessionsEnded: ended } })
  return { ok: true }
})
