import { getRequestIP, setResponseHeader } from 'h3'
import { acceptInvitationSchema } from '#shared/schemas/account'
import type { NewAccountInput } from '#shared/schemas/account'
import { useStore } from '../../../store'
import { consumeInvitation, findInvitationByToken } from '../../../repos/invitations'
import { getRole, setMember } from '../../../repos/members'
import { createUser, findUserByEmail } from '../../../repos/users'
import { audit } from '../../../repos/audit'
import { loginLimits } from '../../../auth/rateLimiter'
import { conflict, notFound, tooManyRequests, unauthorized } from '../../../utils/errors'
import { invitationToken } from '../../../utils/invitationToken'
import { currentUser, startSession } from '../../../utils/session'
import { validBody } from '../../../utils/validate'
import { logDenial } from '../../../utils/logDenial'

/**
 * Accept an invitation: signed in (empty body), or by creating an account on the way
 * (`{ name, email, password }`). The link works once. Someone already a member keeps their role
 * (the secretariat changes roles on the members page).
 */
export default defineEventHandler(async (event) => {
  const token = invitationToken(event)
  const ipKey = `ip:${getRequestIP(event) ?? 'unknown'}`
  const wait = loginLimits.ip.retryAfter(ipKey)
  if (wait > 0) {
    setResponseHeader(event, 'Retry-After', wait)
    throw tooManyRequests(wait)
  }
  loginLimits.ip.hit(ipKey)
  const body = await validBody(event, acceptInvitationSchema)
  const { db } = await useStore()
  const invitation = await findInvitationByToken(db, token)
  if (!invitation) throw notFound('invitation')
  if (invitation.usedAt) throw conflict('invitationUsed')
  if (invitation.expiresAt < Date.now()) throw conflict('invitationExpired')

  let user = await currentUser(event)
  let created = false
  if (!user) {
    const newAccount = 'email' in body ? (body as NewAccountInput) : null
    if (!newAccount) throw unauthorized('invitationNeedsAccount')
    if (await findUserByEmail(db, newAccount.email)) throw conflict('invitationEmailExists')
    user = await createUser(db, newAccount)
    created = true
  }
  if (!(await consumeInvitation(db, invitation.id, user.id))) {
    logDenial({ reason: 'invitation raced or expired', userId: user.id, reportId: invitation.reportId })
    throw conflict('invitationInvalid')
  }
  const existing = await getRole(db, invitation.reportId, user.id)
  if (!existing) await setMember(db, invitation.reportId, user.id, invitation.role)
  await audit(db, { actorId: user.id, reportId: invitation.reportId, action: 'invitation.accept', detail: { invitationId: invitation.id, role: existing ?? invitation.role, createdAccount: created } })
  if (created) await startSession(event, user.id)
  return { reportId: invitation.reportId, role: existing ?? invitation.role, user }
})
