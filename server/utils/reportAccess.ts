/**
 * The one gate for report routes: signed in, a member, and allowed the action by the role
 * matrix. Non-members get 404 (a report's existence and title stay private).
 */
import { getRequestIP } from 'h3'
import type { H3Event } from 'h3'
import type { Role, RoleAction } from '#shared/permissions'
import { can } from '#shared/permissions'
import type { PublicUser } from '#shared/types/user'
import { getRole } from '../repos/members'
import { useStore } from '../store'
import { forbidden, notFound } from './errors'
import { logDenial } from './logDenial'
import { requireUser } from './session'

export interface ReportAccess {
  user: PublicUser
  role: Role
  reportId: string
}

/** Require membership of `reportId` and, when given, permission for `action`. */
export async function requireReportAccess(event: H3Event, reportId: string, action?: RoleAction): Promise<ReportAccess> {
  const user = await requireUser(event)
  const { db } = await useStore()
  const role = await getRole(db, reportId, user.id)
  if (!role) {
    logDenial({ reason: 'not a member', userId: user.id, reportId, route: event.path, ip: getRequestIP(event) })
    throw notFound('report')
  }
  if (action && !can(role, action)) {
    logDenial({ reason: `role ${role} may not ${action}`, userId: user.id, reportId, route: event.path })
    throw forbidden()
  }
  return { user, role, reportId }
}
