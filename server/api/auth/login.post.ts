import { getRequestIP, setResponseHeader } from 'h3'
import { loginSchema } from '#shared/schemas/account'
import { useStore } from '../../store'
import { findUserForLogin } from '../../repos/users'
import { DUMMY_HASH, verifyPassword } from '../../auth/password'
import { loginLimits } from '../../auth/rateLimiter'
import { tooManyRequests, unauthorized } from '../../utils/errors'
import { validBody } from '../../utils/validate'
import { startSession } from '../../utils/session'
import { logDenial } from '../../utils/logDenial'

/** Sign in with email and password; rate-limited per account and per IP address. */
export default defineEventHandler(async (event) => {
  const { email, password } = await validBody(event, loginSchema)
  const ipKey = `ip:${getRequestIP(event, { xForwardedFor: process.env.TRUST_PROXY === '1' }) ?? 'unknown'}`
  const accountKey = `account:${email}`
  const wait = Math.max(loginLimits.ip.retryAfter(ipKey), loginLimits.account.retryAfter(accountKey))
  if (wait > 0) {
    setResponseHeader(event, 'Retry-After', wait)
    logDenial({ reason: 'login rate limit', route: event.path, ip: ipKey })
    throw tooManyRequests(wait, 'tooManySignIns', { minutes: Math.ceil(wait / 60) })
  }
  loginLimits.ip.hit(ipKey)
  const { db } = await useStore()
  const user = await findUserForLogin(db, email)
  // Hash even for an unknown email, so response time does not tell which accounts exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
  if (!user || !ok) {
    loginLimits.account.hit(accountKey)
    logDenial({ reason: 'bad credentials', route: event.path, ip: ipKey })
    throw unauthorized('wrongPassword')
  }
  loginLimits.account.reset(accountKey)
  await startSession(event, user.id)
  const { passwordHash: _, ...publicUser } = user
  return { user: publicUser }
})
